import type { Storage, StoreItems } from 'botbuilder';
import { KEYS, TTL, type StateStore } from '../storage';

/** botbuilder's conflict, worded as its MemoryStorage words it: TeamsSSOTokenExchangeMiddleware recognises that text. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  readonly code = 'ETAG_CONFLICT';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * botbuilder's `Storage` over the bot's StateStore, for botbuilder's own callers only (the SSO token exchange
 * dedupe), with MemoryStorage's contract: no eTag or `*` overwrites; an eTag write to a missing key creates it,
 * once; an eTag write over a different version is a conflict. Keys live under their own prefix and expire.
 */
export class BotStorageAdapter implements Storage {
  constructor(private readonly store: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const found = await this.store.read<Record<string, unknown>>(KEYS.ssoDedupe(key));
      if (found) items[key] = { ...found.value, eTag: found.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...value } = change as Record<string, unknown>;
      const stored = KEYS.ssoDedupe(key);
      const options = { ttlMs: TTL.ssoDedupe };
      if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
        await this.store.put(stored, value, options);
        continue;
      }
      const current = await this.store.read(stored);
      const written = current
        ? (await this.store.replace(stored, value, eTag, options)).replaced
        : (await this.store.create(stored, value, options)).created;
      if (!written) throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(KEYS.ssoDedupe(key));
  }
}
