import {
  StorageUnavailableError,
  type CreateResult,
  type ReplaceResult,
  type StateStore,
  type Versioned,
  type WriteOptions,
} from './stateStore';

/**
 * The store as one instance sees it: once the instance has stopped (`stopped` aborted), every call fails as storage
 * unavailable, as it would after the process exited. Work that outlived the grace period (a late Graph answer, a card
 * update) can then write nothing after the instance said it was gone, where another instance has taken over.
 */
export class StoppableStore implements StateStore {
  constructor(
    private readonly inner: StateStore,
    private readonly stopped: AbortSignal,
  ) {}

  read<T>(key: string): Promise<Versioned<T> | null> {
    return this.live(() => this.inner.read<T>(key));
  }

  create<T>(key: string, value: T, options?: WriteOptions): Promise<CreateResult> {
    return this.live(() => this.inner.create(key, value, options));
  }

  replace<T>(key: string, value: T, eTag: string, options?: WriteOptions): Promise<ReplaceResult> {
    return this.live(() => this.inner.replace(key, value, eTag, options));
  }

  put<T>(key: string, value: T, options?: WriteOptions): Promise<void> {
    return this.live(() => this.inner.put(key, value, options));
  }

  delete(key: string): Promise<void> {
    return this.live(() => this.inner.delete(key));
  }

  list(prefix: string): Promise<string[]> {
    return this.live(() => this.inner.list(prefix));
  }

  ping(): Promise<void> {
    return this.live(() => this.inner.ping());
  }

  private live<T>(call: () => Promise<T>): Promise<T> {
    if (this.stopped.aborted)
      return Promise.reject(new StorageUnavailableError(new Error('this instance has stopped')));
    return call();
  }
}
