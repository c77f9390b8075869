import type { StorageMode } from '../config';
import { BlobBackend } from './blobBackend';
import { MemoryBackend } from './memoryBackend';
import { Store } from './store';
import type { StateStore } from './stateStore';

export * from './stateStore';
export { KEYS, TTL } from './keys';

/** The bot's state store for its configuration: memory for one instance, Azure Blob Storage for several. */
export function createStateStore(mode: StorageMode, timeoutMs: number): StateStore {
  const backend = mode.kind === 'blob' ? new BlobBackend(mode.access, mode.container, timeoutMs) : new MemoryBackend();
  return new Store(backend, { timeoutMs });
}
