import { randomUUID } from 'node:crypto';
import { BackendError, type Backend, type StoredText } from './backend';
import {
  StorageFullError,
  StorageUnavailableError,
  type CreateResult,
  type ReplaceResult,
  type StateStore,
  type Versioned,
  type WriteOptions,
} from './stateStore';

/** What is stored under a key: the value, the id of the write that stored it, and when it expires. */
interface Envelope {
  v: unknown;
  /** Write id: lets a writer whose answer was lost recognise its own write when it reads back. */
  w: string;
  /** Expiry, epoch ms. */
  x?: number;
}

export interface StoreOptions {
  /** Each backend round trip is abandoned after this long (STORAGE_TIMEOUT_MS). */
  timeoutMs: number;
  now?: () => number;
  newWriteId?: () => string;
}

/**
 * The StateStore contract over any backend. Conditional writes are stamped with a write id; when a write fails in
 * a way that may have been applied (lost answer, timeout, or a conflict that could be our own retried write), the
 * record is read back and the write counts as done if the stored write id is ours. Expired records read as absent.
 */
export class Store implements StateStore {
  private readonly now: () => number;
  private readonly newWriteId: () => string;

  constructor(
    private readonly backend: Backend,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.newWriteId = options.newWriteId ?? randomUUID;
  }

  async read<T>(key: string): Promise<Versioned<T> | null> {
    const stored = await this.readEnvelope(key);
    return stored && !this.expired(stored.envelope) ? { value: stored.envelope.v as T, eTag: stored.eTag } : null;
  }

  async create<T>(key: string, value: T, options: WriteOptions = {}): Promise<CreateResult> {
    const { body, writeId, expiresAt } = this.envelope(value, options);
    const first = await this.attempt(key, writeId, () =>
      this.call((signal) => this.backend.putIfAbsent(key, body, expiresAt, signal)),
    );
    if (first.kind === 'written') return { created: true, eTag: first.eTag };
    // Something is stored: our own write whose answer was lost, an expired record, or another writer's record.
    const current = first.current;
    if (!current) return { created: false }; // deleted in between: somebody else's business, treat as lost
    if (!this.expired(current.envelope)) return { created: false };
    const over = await this.attempt(key, writeId, () =>
      this.call((signal) => this.backend.putIfMatch(key, body, current.eTag, expiresAt, signal)),
    );
    return over.kind === 'written' ? { created: true, eTag: over.eTag } : { created: false };
  }

  async replace<T>(key: string, value: T, eTag: string, options: WriteOptions = {}): Promise<ReplaceResult> {
    const { body, writeId, expiresAt } = this.envelope(value, options);
    const result = await this.attempt(key, writeId, () =>
      this.call((signal) => this.backend.putIfMatch(key, body, eTag, expiresAt, signal)),
    );
    if (result.kind === 'written') return { replaced: true, eTag: result.eTag };
    return { replaced: false, reason: result.current && !this.expired(result.current.envelope) ? 'conflict' : 'gone' };
  }

  async put<T>(key: string, value: T, options: WriteOptions = {}): Promise<void> {
    const { body, expiresAt } = this.envelope(value, options);
    try {
      await this.call((signal) => this.backend.put(key, body, expiresAt, signal));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.call((signal) => this.backend.delete(key, signal));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    try {
      return await this.call((signal) => this.backend.list(prefix, signal));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.call((signal) => this.backend.ping(signal));
    } catch (error) {
      throw unavailable(error);
    }
  }

  /**
   * Runs one conditional write. Written -> its eTag. Not written, or failed in a way that may have been applied ->
   * read back: our write id there means it was written after all; otherwise the current record (or null) is returned.
   * A failure that was certainly not applied, or a read-back that fails, is StorageUnavailableError.
   */
  private async attempt(
    key: string,
    writeId: string,
    write: () => Promise<{ ok: true; eTag: string } | { ok: false }>,
  ): Promise<
    { kind: 'written'; eTag: string } | { kind: 'refused'; current: { envelope: Envelope; eTag: string } | null }
  > {
    let failure: unknown = null;
    try {
      const result = await write();
      if (result.ok) return { kind: 'written', eTag: result.eTag };
    } catch (error) {
      if (error instanceof StorageFullError) throw error;
      if (!(error instanceof BackendError && error.maybeApplied) && !isTimeout(error)) throw unavailable(error);
      failure = error;
    }
    let current: { envelope: Envelope; eTag: string } | null;
    try {
      current = await this.readEnvelope(key);
    } catch (error) {
      throw unavailable(failure ?? error);
    }
    if (current?.envelope.w === writeId) return { kind: 'written', eTag: current.eTag };
    if (failure) throw unavailable(failure); // it did not take effect, but the request failed: say so
    return { kind: 'refused', current };
  }

  private async readEnvelope(key: string): Promise<{ envelope: Envelope; eTag: string } | null> {
    let stored: StoredText | null;
    try {
      stored = await this.call((signal) => this.backend.get(key, signal));
    } catch (error) {
      throw unavailable(error);
    }
    if (!stored) return null;
    return { envelope: JSON.parse(stored.body) as Envelope, eTag: stored.eTag };
  }

  private envelope(value: unknown, options: WriteOptions): { body: string; writeId: string; expiresAt: number | null } {
    const writeId = this.newWriteId();
    const expiresAt = options.ttlMs === undefined ? null : this.now() + options.ttlMs;
    const envelope: Envelope = expiresAt === null ? { v: value, w: writeId } : { v: value, w: writeId, x: expiresAt };
    return { body: JSON.stringify(envelope), writeId, expiresAt };
  }

  private expired(envelope: Envelope): boolean {
    return envelope.x !== undefined && envelope.x <= this.now();
  }

  private call<T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return operation(AbortSignal.timeout(this.options.timeoutMs));
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function unavailable(error: unknown): Error {
  return error instanceof StorageFullError || error instanceof StorageUnavailableError
    ? error
    : new StorageUnavailableError(error);
}
