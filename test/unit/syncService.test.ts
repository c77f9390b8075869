import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { ConnectorGraph } from '../../src/graph/types';
import type { Confirmation, Person } from '../../src/sync/confirmation';
import { ConfirmationStore, type KeyValueStorage } from '../../src/sync/confirmationStore';
import { SyncService } from '../../src/sync/syncService';

const ada: Person = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' };
const snapshot = { id: 'c1', name: 'CAS01', serverName: null, type: null, status: null, lastSyncDateTime: null };

/** Storage that fails once a record reaches a given state: an outage right after Graph answered. */
class FailingAfterGraph implements KeyValueStorage {
  private readonly inner = new MemoryStorage();
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: Record<string, unknown>) {
    const states = Object.values(changes).map((item) => (item as Partial<Confirmation>).state);
    return states.includes('requested') ? Promise.reject(new Error('storage down')) : this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe('SyncService', () => {
  it('reports a sync Graph accepted as requested even when storing the outcome fails, and never sends it again', async () => {
    const sent: string[] = [];
    const graph: ConnectorGraph = {
      list: () => Promise.resolve([]),
      get: () => Promise.reject(new Error('unused')),
      sync: (_token, id, syncType) => (sent.push(`${id}:${syncType}`), Promise.resolve({ requestId: 'req-1' })),
    };
    const failures: string[] = [];
    const service = new SyncService({
      confirmations: new ConfirmationStore(new FailingAfterGraph()),
      graph,
      ttlMs: 60_000,
      onRecordFailure: (_error, confirmation) => failures.push(confirmation.state),
    });
    const { id } = await service.propose(snapshot, 'fullSync', ada);
    const first = await service.confirm(id, ada, () => Promise.resolve('t'));
    expect(first.kind).toBe('requested');
    expect(failures).toEqual(['requested']);
    const second = await service.confirm(id, ada, () => Promise.resolve('t'));
    expect(second.kind).toBe('alreadyHandled');
    expect(sent).toEqual(['c1:fullSync']);
  });
});
