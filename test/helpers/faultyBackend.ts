import type { Backend, ConditionalWrite, StoredText } from '../../src/storage/backend';
import { BackendError } from '../../src/storage/backend';

/** What happens to the next matching backend call. */
export type StorageFault =
  /** Storage is down: the call fails and changes nothing. */
  | 'outage'
  /** The write is applied, but its answer is lost on the way back. */
  | 'lostAnswer'
  /** The call hangs past any deadline and changes nothing (the server gave up too). */
  | 'hang'
  /** The answer comes late but in time, and the write is applied. */
  | { slowMs: number };

type Operation = 'get' | 'putIfAbsent' | 'putIfMatch' | 'put' | 'delete' | 'list';

/**
 * A backend wrapper that injects storage faults, one per call, as a test or the fault campaign schedules them.
 * Faults sit in a queue per operation (or for any operation); calls without a fault pass straight through.
 */
export class FaultyBackend implements Backend {
  readonly injected: Array<{ operation: Operation; fault: StorageFault }> = [];
  private readonly queue: Array<{ operation: Operation | 'write' | 'any'; fault: StorageFault }> = [];

  constructor(private readonly inner: Backend) {}

  /** The next call of `operation` ('write' = any write, 'any' = any call) gets `fault`. */
  inject(operation: Operation | 'write' | 'any', fault: StorageFault): void {
    this.queue.push({ operation, fault });
  }

  clear(): void {
    this.queue.length = 0;
  }

  list(prefix: string, signal: AbortSignal): Promise<string[]> {
    return this.run('list', signal, () => this.inner.list(prefix, signal));
  }

  get(key: string, signal: AbortSignal): Promise<StoredText | null> {
    return this.run('get', signal, () => this.inner.get(key, signal));
  }

  putIfAbsent(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<ConditionalWrite> {
    return this.run('putIfAbsent', signal, () => this.inner.putIfAbsent(key, body, expiresAt, signal));
  }

  putIfMatch(
    key: string,
    body: string,
    eTag: string,
    expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    return this.run('putIfMatch', signal, () => this.inner.putIfMatch(key, body, eTag, expiresAt, signal));
  }

  put(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<string> {
    return this.run('put', signal, () => this.inner.put(key, body, expiresAt, signal));
  }

  delete(key: string, signal: AbortSignal): Promise<void> {
    return this.run('delete', signal, () => this.inner.delete(key, signal));
  }

  ping(signal: AbortSignal): Promise<void> {
    return this.inner.ping(signal);
  }

  private async run<T>(operation: Operation, signal: AbortSignal, call: () => Promise<T>): Promise<T> {
    const index = this.queue.findIndex(
      (entry) =>
        entry.operation === operation ||
        entry.operation === 'any' ||
        (entry.operation === 'write' && operation !== 'get'),
    );
    if (index === -1) return call();
    const { fault } = this.queue.splice(index, 1)[0]!;
    this.injected.push({ operation, fault });
    if (fault === 'outage') throw new BackendError(false, 'injected outage');
    if (fault === 'hang') {
      await new Promise<void>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      );
      throw new BackendError(false, 'unreachable');
    }
    if (fault === 'lostAnswer') {
      await call();
      throw new BackendError(true, 'injected: applied, answer lost');
    }
    await new Promise((resolve) => setTimeout(resolve, fault.slowMs));
    return call();
  }
}
