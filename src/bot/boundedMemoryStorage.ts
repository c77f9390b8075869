import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder's MemoryStorage semantics (eTags, `*`, conflicts worded as MemoryStorage words them) with a bound on
 * the number of items: one instance must not grow without limit over months of turns. When full, the item
 * written longest ago goes first; confirmations expire after minutes and redelivery records matter for seconds, so
 * what is dropped is long settled (a click on such an old card is answered "I can no longer find this
 * confirmation"). Keys under a kept prefix (the audit history, one item per connector) are never dropped.
 */
export class BoundedMemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  private nextETag = 1;

  constructor(
    readonly maxItems = 5_000,
    private readonly keptPrefixes: readonly string[] = ['audit/'],
  ) {}

  get size(): number {
    return this.items.size;
  }

  read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item !== undefined) found[key] = JSON.parse(item) as unknown;
    }
    return Promise.resolve(found);
  }

  write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const item = change as Record<string, unknown>;
      const stored = this.items.get(key);
      const eTag = item.eTag;
      if (stored !== undefined && typeof eTag === 'string' && eTag !== '*' && eTag !== '') {
        if ((JSON.parse(stored) as { eTag?: string }).eTag !== eTag) {
          return Promise.reject(new Error(`Storage: error writing "${key}" due to eTag conflict.`));
        }
      }
      this.items.delete(key); // re-inserted last: the Map's order is the order of writes
      this.items.set(key, JSON.stringify({ ...item, eTag: String(this.nextETag++) }));
      if (this.items.size > this.maxItems) this.evictOldest();
    }
    return Promise.resolve();
  }

  private evictOldest(): void {
    for (const key of this.items.keys()) {
      if (!this.keptPrefixes.some((prefix) => key.startsWith(prefix))) {
        this.items.delete(key);
        return;
      }
    }
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
    return Promise.resolve();
  }
}
