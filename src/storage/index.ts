import type { StorageMode } from '../config';
import { BlobBackend } from './blobBackend';
import { MemoryBackend } from './memoryBackend';
import { Store } from './store';
import type { StateStore } from './stateStore';

export * from './stateStore';
export { changeOnce } from './changeOnce';
export { ALERTING_PREFIX, KEYS, TTL, WATCHING_PREFIX } from './keys';
export { fromKeySegment } from './keySegment';

/**
 * The bot's state store: memory for one process, Azure Blob Storage for several instances (local mode's embedded
 * store is blob storage too, once started: see startLocalBlobStore).
 */
export function createStateStore(mode: Exclude<StorageMode, { kind: 'local' }>, timeoutMs: number): StateStore {
  const backend = mode.kind === 'blob' ? new BlobBackend(mode.access, mode.container, timeoutMs) : new MemoryBackend();
  return new Store(backend, { timeoutMs });
}
