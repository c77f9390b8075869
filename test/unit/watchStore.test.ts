import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import type { Person, Requested } from '../../src/sync/confirmation';
import type { WatchedCard } from '../../src/sync/watch';
import { WatchStore } from '../../src/sync/watchStore';

/**
 * Which connectors are followed, under contention: every instance begins and ends watches at once. Two stores over
 * one backend stand for two instances; nothing here waits on a clock.
 */
const ada: Person = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Admin', tenantId: null };

function requested(connectorId: string): Requested {
  const now = new Date().toISOString();
  return {
    state: 'requested',
    id: randomUUID(),
    connector: {
      id: connectorId,
      name: connectorId,
      serverName: null,
      type: 'hosted',
      status: 'connected',
      lastSyncDateTime: null,
    },
    syncType: 'deltaSync',
    requestedBy: ada,
    conversationId: 'a:1',
    createdAt: now,
    expiresAt: now,
    revision: 2,
    claimId: randomUUID(),
    claimedBy: ada,
    claimedAt: now,
    requestedAt: now,
    graphRequestId: null,
  };
}

const card = (confirmationId: string): WatchedCard => ({
  confirmationId,
  reference: { conversation: { id: 'a:1' } },
  messageId: 'm',
  locale: 'en',
  personal: true,
  refreshFor: [],
});

describe('WatchStore: the followed connectors', () => {
  it('50 watches begun at once from two instances are all followed: none is lost to contention', async () => {
    const store = new Store(new MemoryBackend(), { timeoutMs: 2_000 });
    const instances = [new WatchStore(store, 60_000), new WatchStore(store, 60_000)];
    const ids = Array.from({ length: 50 }, (_, index) => `Connector-${index}`);
    const begun = await Promise.allSettled(
      ids.map((id, index) => {
        const confirmation = requested(id);
        return instances[index % 2]!.begin(confirmation, card(confirmation.id));
      }),
    );
    expect(begun.filter((result) => result.status === 'rejected')).toEqual([]);
    expect((await instances[0]!.followed()).sort()).toEqual(ids.map((id) => id.toLowerCase()).sort());
  });

  it('a watch that ends while a new sync of the same connector begins stays followed', async () => {
    const store = new Store(new MemoryBackend(), { timeoutMs: 2_000 });
    const watches = new WatchStore(store, 60_000);
    const first = requested('CAS01');
    await watches.begin(first, card(first.id));
    const current = await watches.read('CAS01');
    await watches.update(current!, { ...current!.value, state: { kind: 'notReported' } });
    // The poller ends the old watch as a new sync begins one.
    const second = requested('CAS01');
    await Promise.all([watches.unfollow('CAS01'), watches.begin(second, card(second.id))]);
    expect(await watches.followed()).toEqual(['cas01']);
    expect((await watches.read('CAS01'))?.value.state).toEqual({ kind: 'watching' });
  });
});
