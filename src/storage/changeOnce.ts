import type { StateStore, WriteOptions } from './stateStore';

/** What one read-edit-write did: stored the edit, found nothing to change, or lost the race to another writer. */
export type ChangeOutcome = 'written' | 'unchanged' | 'lost';

/**
 * One read-edit-write of a record against the version read. `edit` gets the stored value (null when there is none)
 * and returns the value to store, or null to leave the record as it is. The record is created when none is stored and
 * replaced otherwise; on 'lost' the caller decides whether, and after what pause, to try again.
 */
export async function changeOnce<T>(
  store: StateStore,
  key: string,
  edit: (current: T | null) => T | null,
  options?: WriteOptions,
): Promise<ChangeOutcome> {
  const current = await store.read<T>(key);
  const next = edit(current?.value ?? null);
  if (next === null) return 'unchanged';
  const written = current
    ? (await store.replace(key, next, current.eTag, options)).replaced
    : (await store.create(key, next, options)).created;
  return written ? 'written' : 'lost';
}
