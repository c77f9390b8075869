import { AppError } from '../errors';

/** A stored text and its version. */
export interface StoredText {
  readonly body: string;
  readonly eTag: string;
}

/** A conditional write: written (with the new version), or its precondition did not hold. */
export type ConditionalWrite = { readonly ok: true; readonly eTag: string } | { readonly ok: false };

/**
 * Raw key -> text storage with HTTP's conditional writes, one round trip per call. Implemented by the in-memory
 * backend and by Azure Blob Storage; everything above it (envelopes, expiry, lost answers, timeouts) lives in Store.
 * `expiresAt` (epoch ms) lets a backend drop expired records itself; it is also inside the stored envelope.
 */
export interface Backend {
  get(key: string, signal: AbortSignal): Promise<StoredText | null>;
  /** If-None-Match: * */
  putIfAbsent(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<ConditionalWrite>;
  /** If-Match: eTag. Fails (ok: false) when the record changed or is gone. */
  putIfMatch(
    key: string,
    body: string,
    eTag: string,
    expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite>;
  put(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<string>;
  delete(key: string, signal: AbortSignal): Promise<void>;
  /** The keys under `prefix` (an expired record may still be listed: reading it says it is gone). */
  list(prefix: string, signal: AbortSignal): Promise<string[]>;
  ping(signal: AbortSignal): Promise<void>;
}

/**
 * A backend call failed. `maybeApplied`: the request may have reached storage and taken effect although its answer
 * never arrived (connection reset, timeout after sending), so the caller must read back before drawing conclusions.
 */
export class BackendError extends AppError<'STORAGE_BACKEND_FAILED'> {
  constructor(
    readonly maybeApplied: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('STORAGE_BACKEND_FAILED', message, options);
  }
}
