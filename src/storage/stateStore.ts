import { AppError } from '../errors';

/** A stored value and the version it was read at. */
export interface Versioned<T> {
  readonly value: T;
  readonly eTag: string;
}

export interface WriteOptions {
  /** The record counts as gone this long after the write (memory drops it; blob lifecycle rules delete it later). */
  readonly ttlMs?: number;
}

export type CreateResult = { readonly created: true; readonly eTag: string } | { readonly created: false };
export type ReplaceResult =
  | { readonly replaced: true; readonly eTag: string }
  | { readonly replaced: false; readonly reason: 'conflict' | 'gone' };

/**
 * The bot's state, shared by every instance. Writes that must not be lost to a race are explicit:
 * - `create` writes only if nothing is stored under the key (If-None-Match: *): redelivery records, first audit
 *   entries, leases, the SSO dedupe;
 * - `replace` writes only over the version that was read (If-Match): claims and every later state change. It never
 *   creates: a record that is gone stays gone (`reason: 'gone'`).
 * A write whose answer was lost is resolved by reading back, so an applied write is never reported as a lost race.
 * Failures are StorageUnavailableError (or StorageFullError); a lost race is a result, not an error.
 */
export interface StateStore {
  read<T>(key: string): Promise<Versioned<T> | null>;
  create<T>(key: string, value: T, options?: WriteOptions): Promise<CreateResult>;
  replace<T>(key: string, value: T, eTag: string, options?: WriteOptions): Promise<ReplaceResult>;
  /** Unconditional write, for records with a single writer. */
  put<T>(key: string, value: T, options?: WriteOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /** The keys under `prefix`, for records that are found by listing (each followed connector's marker). */
  list(prefix: string): Promise<string[]>;
  /** One cheap round trip, for the readiness probe. */
  ping(): Promise<void>;
}

/** The bot's storage could not be read or written in time: nothing was changed by this request. */
export class StorageUnavailableError extends AppError<'STORAGE_UNAVAILABLE'> {
  constructor(cause?: unknown) {
    super('STORAGE_UNAVAILABLE', "The bot's storage is unavailable", { cause });
  }
}

/** Concurrent writers kept changing one record, past every retry: nothing was changed by this request. */
export class StorageContentionError extends AppError<'STORAGE_CONTENTION'> {
  constructor(what: string) {
    super('STORAGE_CONTENTION', `${what}: changed by others on every try`);
  }
}

/** In-memory storage is full of live state: new work is refused rather than evicting anything in use. */
export class StorageFullError extends AppError<'STORAGE_FULL'> {
  constructor() {
    super('STORAGE_FULL', "The bot's in-memory storage is full");
  }
}
