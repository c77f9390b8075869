import type { Backend, ConditionalWrite, StoredText } from './backend';
import { StorageFullError } from './stateStore';

interface Item {
  body: string;
  eTag: string;
  expiresAt: number | null;
}

export interface MemoryBackendOptions {
  /**
   * At most this many records. Live state is never evicted to make room: expired records go first, and when the
   * rest is still too much, new records are refused (StorageFullError) and the user is told to try again later.
   * 100,000 records of about 1 KB stay near 100 MB, well inside the smallest App Service plan.
   */
  maxItems?: number;
  now?: () => number;
}

/** One instance's state in memory, with the conditional-write semantics of blob storage. */
export class MemoryBackend implements Backend {
  private readonly items = new Map<string, Item>();
  private readonly maxItems: number;
  private readonly now: () => number;
  private nextETag = 1;
  private lastSweep = 0;

  constructor(options: MemoryBackendOptions = {}) {
    this.maxItems = options.maxItems ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): Promise<StoredText | null> {
    const item = this.live(key);
    return Promise.resolve(item ? { body: item.body, eTag: item.eTag } : null);
  }

  putIfAbsent(key: string, body: string, expiresAt: number | null): Promise<ConditionalWrite> {
    if (this.live(key)) return Promise.resolve({ ok: false });
    return this.store(key, body, expiresAt);
  }

  putIfMatch(key: string, body: string, eTag: string, expiresAt: number | null): Promise<ConditionalWrite> {
    const item = this.live(key);
    if (!item || item.eTag !== eTag) return Promise.resolve({ ok: false });
    return this.store(key, body, expiresAt);
  }

  async put(key: string, body: string, expiresAt: number | null): Promise<string> {
    const written = await this.store(key, body, expiresAt);
    return written.ok ? written.eTag : '';
  }

  delete(key: string): Promise<void> {
    this.items.delete(key);
    return Promise.resolve();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  list(prefix: string): Promise<string[]> {
    return Promise.resolve([...this.items.keys()].filter((key) => key.startsWith(prefix) && this.live(key)));
  }

  private live(key: string): Item | null {
    const item = this.items.get(key);
    if (!item) return null;
    if (item.expiresAt !== null && item.expiresAt <= this.now()) {
      this.items.delete(key);
      return null;
    }
    return item;
  }

  private store(key: string, body: string, expiresAt: number | null): Promise<ConditionalWrite> {
    if (!this.items.has(key) && this.items.size >= this.maxItems) {
      this.sweep();
      if (this.items.size >= this.maxItems) return Promise.reject(new StorageFullError());
    }
    const eTag = `"${this.nextETag++}"`;
    this.items.set(key, { body, eTag, expiresAt });
    this.maybeSweep();
    return Promise.resolve({ ok: true, eTag });
  }

  /** Expired records are dropped as they are met, and in one pass a minute, so memory follows live state. */
  private maybeSweep(): void {
    if (this.now() - this.lastSweep >= 60_000) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    for (const [key, item] of this.items) if (item.expiresAt !== null && item.expiresAt <= now) this.items.delete(key);
  }
}
