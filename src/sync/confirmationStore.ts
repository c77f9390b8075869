import type { Confirmation } from './confirmation';

/**
 * The part of botbuilder's `Storage` this store uses, declared structurally so the domain does not import
 * botbuilder: `MemoryStorage` and `BlobsStorage` both fit. Items carry an `eTag`; a write whose eTag is stale fails.
 */
export interface KeyValueStorage {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** The bot's storage could not be read or written: nothing was changed, and the user is told to try again. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(override readonly cause: unknown) {
    super('The bot\'s storage is unavailable');
  }
}

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(error);
  }
}

export interface Versioned<T> {
  value: T;
  eTag: string;
}

const keyOf = (id: string): string => `confirmations/${id}`;

/** Confirmation records with compare-and-swap updates on the storage eTag. */
export class ConfirmationStore {
  constructor(private readonly storage: KeyValueStorage) {}

  async create(confirmation: Confirmation): Promise<void> {
    await guarded(() => this.storage.write({ [keyOf(confirmation.id)]: { ...confirmation, eTag: '*' } }));
  }

  async get(id: string): Promise<Versioned<Confirmation> | null> {
    const key = keyOf(id);
    const items = await guarded(() => this.storage.read([key]));
    const item = items[key] as (Confirmation & { eTag?: string }) | undefined;
    if (!item) return null;
    const { eTag, ...value } = item;
    return { value: value, eTag: eTag ?? '*' };
  }

  /**
   * Replaces the record only if nobody changed it since `current` was read. Returns false when someone did.
   * A failed write is told apart from a lost race by reading again, not by the storage's error text.
   */
  /**
   * Stores the outcome of a confirmation this process has claimed. No compare-and-swap is needed: only the claimant
   * ever moves a claimed record on, and every other writer refuses records that are not pending.
   */
  async settle(outcome: Confirmation): Promise<void> {
    await guarded(() => this.storage.write({ [keyOf(outcome.id)]: { ...outcome, eTag: '*' } }));
  }

  async replace(current: Versioned<Confirmation>, next: Confirmation): Promise<boolean> {
    try {
      await this.storage.write({ [keyOf(next.id)]: { ...next, eTag: current.eTag } });
      return true;
    } catch (error) {
      const now = await this.get(next.id);
      if (now && now.eTag !== current.eTag) return false;
      throw new StorageUnavailableError(error);
    }
  }
}
