import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '../../src/graph/errors';
import type { ConnectorGraph, SyncType } from '../../src/graph/types';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import { AuditLog, type AuditEntry } from '../../src/sync/auditLog';
import type { Person } from '../../src/sync/confirmation';
import { ConfirmationStore } from '../../src/sync/confirmationStore';
import { ConnectorClaims } from '../../src/sync/connectorClaims';
import { SyncService } from '../../src/sync/syncService';
import { FaultyBackend } from '../helpers/faultyBackend';
import { ManualClock } from '../helpers/storeContract';

const ada: Person = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' };
const ben: Person = { id: '29:ben', aadObjectId: 'aad-ben', name: 'Ben' };
const snapshot = { id: 'c1', name: 'CAS01', serverName: null, type: null, status: null, lastSyncDateTime: null };
const CHAT = 'a:chat';

/** The domain with an in-memory store, a scripted Graph and a hand-moved clock. */
function world(answer: () => Promise<{ requestId: string | null }> = () => Promise.resolve({ requestId: 'req-1' })) {
  const clock = new ManualClock();
  const backend = new FaultyBackend(new MemoryBackend({ now: clock.now }));
  const store = new Store(backend, { timeoutMs: 200, now: clock.now });
  const sent: Array<{ id: string; syncType: SyncType }> = [];
  const audited: AuditEntry[] = [];
  const background: Array<Promise<unknown>> = [];
  const graph: ConnectorGraph = {
    list: () => Promise.resolve({ connectors: [], truncated: false }),
    get: () => Promise.reject(new Error('unused')),
    sync: (_call, id, syncType) => (sent.push({ id, syncType }), answer()),
  };
  const audit = new AuditLog(
    store,
    (entry) => audited.push(entry),
    () => undefined,
  );
  const service = new SyncService({
    confirmations: new ConfirmationStore(store, clock.now),
    claims: new ConnectorClaims(store),
    audit,
    graph,
    timing: { ttlMs: 600_000, sendBudgetMs: 1_000, claimStaleAfterMs: 60_000, settlePauseMs: 10 },
    background: { track: (work) => void background.push(work) },
    now: () => new Date(clock.now()),
  });
  const settle = () => Promise.all(background.splice(0));
  /** Inspect, claim and send, as the click path sequences them. */
  const click = async (id: string, who = ada, conversation = CHAT) => {
    const inspection = await service.inspect(id, who, conversation);
    if (inspection.kind !== 'pending') return inspection;
    const claim = await service.claim(inspection.current, who);
    if (claim.kind !== 'claimed') return claim;
    return { kind: 'sent' as const, ...(await service.send(claim.claimed, 'token')) };
  };
  return { clock, backend, service, sent, audited, audit, settle, click };
}

describe('SyncService', () => {
  it('one confirmation, ten clicks at once: one sync', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const results = await Promise.all(Array.from({ length: 10 }, () => w.click(id)));
    expect(w.sent).toEqual([{ id: 'c1', syncType: 'fullSync' }]);
    expect(results.filter((result) => result.kind === 'sent')).toHaveLength(1);
  });

  it('is bound to its conversation and its requester: nothing changes for a click from elsewhere or by someone else', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    expect(await w.service.inspect(id, ada, 'a:another-chat')).toEqual({ kind: 'wrongConversation' });
    expect(await w.service.inspect(id, ben, CHAT)).toMatchObject({ kind: 'notYours', requester: ada });
    expect(await w.click(id)).toMatchObject({ kind: 'sent', confirmation: { state: 'requested' } });
  });

  it('two confirmations of the same connector confirmed at the same moment (two cards, a card and the dashboard): one sync', async () => {
    const w = world();
    const first = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    w.clock.advance(1_000);
    const second = await w.service.propose(snapshot, 'deltaSync', ben, 'tab:ben');
    w.clock.advance(1_000);
    const [a, b] = await Promise.all([w.click(first.id), w.click(second.id, ben, 'tab:ben')]);
    expect(w.sent).toHaveLength(1);
    const loser = a.kind === 'sent' ? b : a;
    expect(loser).toMatchObject({ kind: 'settled', byThisClick: true, confirmation: { state: 'superseded' } });
  });

  it('a card made after a sync may sync again ("again anyway"); one made before it is superseded', async () => {
    const w = world();
    const old = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    w.clock.advance(1_000);
    const first = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    w.clock.advance(1_000);
    await w.click(first.id);
    w.clock.advance(1_000);
    const again = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    w.clock.advance(1_000);
    expect(await w.click(again.id)).toMatchObject({ kind: 'sent' });
    expect(await w.click(old.id)).toMatchObject({ confirmation: { state: 'superseded', other: { by: ada } } });
    expect(w.sent).toHaveLength(2);
  });

  it("Graph's 401 changes nothing: the same confirmation works after signing in again", async () => {
    let answer: () => Promise<{ requestId: string | null }> = () =>
      Promise.reject(new GraphRequestError('unauthorized', 401, 'r', null, '401'));
    const w = world(() => answer());
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    expect(await w.click(id)).toMatchObject({
      kind: 'sent',
      signInAgain: true,
      confirmation: { state: 'pending', signInExpired: true },
    });
    answer = () => Promise.resolve({ requestId: 'r2' });
    expect(await w.click(id)).toMatchObject({ kind: 'sent', signInAgain: false, confirmation: { state: 'requested' } });
    expect(w.sent).toHaveLength(2);
  });

  it("Graph's 401 with storage down for a moment: the confirmation still goes back to pending, never stays claimed", async () => {
    let answer: () => Promise<{ requestId: string | null }> = () =>
      Promise.reject(new GraphRequestError('unauthorized', 401, 'r', null, '401'));
    const w = world(() => answer());
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const inspection = await w.service.inspect(id, ada, CHAT);
    if (inspection.kind !== 'pending') throw new Error('not pending');
    const claim = await w.service.claim(inspection.current, ada);
    if (claim.kind !== 'claimed') throw new Error('not claimed');
    w.backend.inject('putIfMatch', 'outage'); // the write that puts it back to pending fails once
    expect(await w.service.send(claim.claimed, 't')).toMatchObject({
      signInAgain: true,
      confirmation: { state: 'pending' },
    });
    expect(await w.service.view(id)).toMatchObject({ state: 'pending', signInExpired: true });
    answer = () => Promise.resolve({ requestId: 'r2' });
    expect(await w.click(id)).toMatchObject({ kind: 'sent', confirmation: { state: 'requested' } });
  });

  it('a claim whose write was applied but whose answer and read-back were lost: nothing sent, and the card is pending again, not "Sending…"', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const inspection = await w.service.inspect(id, ada, CHAT);
    if (inspection.kind !== 'pending') throw new Error('not pending');
    // The confirmation's claim write is applied but its answer is lost, and the read that would tell fails as well.
    w.backend.inject('putIfMatch', 'lostAnswer');
    const putIfMatch = w.backend.putIfMatch.bind(w.backend);
    w.backend.putIfMatch = (...args) => {
      w.backend.putIfMatch = putIfMatch;
      w.backend.inject('get', 'outage');
      return putIfMatch(...args);
    };
    await expect(w.service.claim(inspection.current, ada)).rejects.toThrow(/storage/i);
    await w.settle();
    expect(w.sent).toEqual([]);
    expect(await w.service.view(id)).toMatchObject({ state: 'pending' });
    expect(await w.click(id)).toMatchObject({ kind: 'sent', confirmation: { state: 'requested' } });
    expect(w.sent).toHaveLength(1);
  });

  it('a send that outlives the stale-claim window: the "unknown" guess gives way to the outcome Graph then gave', async () => {
    let answer: (value: { requestId: string | null }) => void = () => undefined;
    const w = world(() => new Promise((resolve) => (answer = resolve)));
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const sending = w.click(id);
    await expect.poll(() => w.sent.length).toBe(1);
    w.clock.advance(61_000); // past claimStaleAfterMs: the next view takes the send for interrupted
    expect(await w.service.view(id)).toMatchObject({ state: 'unknown', reason: 'interrupted' });
    answer({ requestId: 'late' }); // ...but the instance was only slow, and Graph accepted it
    await sending;
    await w.settle();
    expect(await w.service.view(id)).toMatchObject({ state: 'requested', graphRequestId: 'late' });
    expect(w.sent).toHaveLength(1);
  });

  it.each([
    ['a 504', new GraphRequestError('noAnswer', 504, 'r', null, '504'), 'unknown'],
    ['a timeout', new GraphRequestError('noAnswer', null, null, null, 'timeout'), 'unknown'],
    ['a 503 after the retries', new GraphRequestError('unavailable', 503, 'r', null, '503'), 'refused'],
    ['a 500', new GraphRequestError('serverError', 500, 'r', null, '500'), 'refused'],
  ] as const)('%s becomes %s, stored and audited as such', async (_name, error, state) => {
    const w = world(() => Promise.reject(error));
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    expect(await w.click(id)).toMatchObject({ confirmation: { state } });
    await w.settle();
    expect(await w.service.view(id)).toMatchObject({ state });
    expect(w.audited.map((entry) => entry.outcome)).toEqual([state]);
  });

  it('an outcome that could not be stored at first is stored on a later try; it is never sent again', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const inspection = await w.service.inspect(id, ada, CHAT);
    if (inspection.kind !== 'pending') throw new Error('not pending');
    const claim = await w.service.claim(inspection.current, ada);
    if (claim.kind !== 'claimed') throw new Error('not claimed');
    w.backend.inject('putIfMatch', 'outage');
    expect(await w.service.send(claim.claimed, 't')).toMatchObject({ confirmation: { state: 'requested' } });
    await w.settle();
    expect(await w.service.view(id)).toMatchObject({ state: 'requested' });
    expect(await w.click(id)).toMatchObject({ kind: 'settled', byThisClick: false });
    expect(w.sent).toHaveLength(1);
  });

  it('a claim whose send was interrupted (the instance stopped) is explained as unknown at the next look, and audited', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    const inspection = await w.service.inspect(id, ada, CHAT);
    if (inspection.kind !== 'pending') throw new Error('not pending');
    await w.service.claim(inspection.current, ada); // ... and the process dies before Graph answers
    expect(await w.service.view(id)).toMatchObject({ state: 'claimed' });
    w.clock.advance(61_000);
    expect(await w.service.view(id)).toMatchObject({ state: 'unknown', reason: 'interrupted' });
    await w.settle();
    expect(w.audited.map((entry) => [entry.outcome, entry.failure])).toEqual([['unknown', 'interrupted']]);
  });

  it('an outcome audited before the instance stopped settles the stale claim to that outcome, not to "unknown"', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'deltaSync', ada, CHAT);
    const inspection = await w.service.inspect(id, ada, CHAT);
    if (inspection.kind !== 'pending') throw new Error('not pending');
    const claim = await w.service.claim(inspection.current, ada);
    if (claim.kind !== 'claimed') throw new Error('not claimed');
    for (let n = 0; n < 5; n += 1) w.backend.inject('putIfMatch', 'outage'); // the outcome never reaches the record
    await w.service.send(claim.claimed, 't');
    await w.settle().catch(() => undefined);
    expect(await w.service.view(id)).toMatchObject({ state: 'claimed' });
    w.clock.advance(61_000);
    expect(await w.service.view(id)).toMatchObject({ state: 'requested', graphRequestId: 'req-1' });
    expect(w.audited.map((entry) => entry.outcome)).toEqual(['requested']);
  });

  it('expires: a click after the lifetime expires it and sends nothing', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'fullSync', ada, CHAT);
    w.clock.advance(600_000);
    expect(await w.click(id)).toMatchObject({ kind: 'settled', byThisClick: true, confirmation: { state: 'expired' } });
    expect(w.sent).toEqual([]);
  });

  it('a claim write whose answer was lost still sends, once', async () => {
    const w = world();
    const { id } = await w.service.propose(snapshot, 'deltaSync', ada, CHAT);
    w.backend.inject('putIfMatch', 'lostAnswer');
    expect(await w.click(id)).toMatchObject({ kind: 'sent', confirmation: { state: 'requested' } });
    expect(await w.click(id)).toMatchObject({ kind: 'settled' });
    expect(w.sent).toHaveLength(1);
  });
});

describe('AuditLog', () => {
  const entry = (n: number): AuditEntry => ({
    confirmationId: `conf-${n}`,
    connectorId: 'new-connector',
    connectorName: 'NEW',
    syncType: 'fullSync',
    requestedBy: ada,
    confirmedBy: ada,
    tenantId: null,
    at: new Date(Date.UTC(2026, 10, 27, 10, 0, n)).toISOString(),
    outcome: 'requested',
    failure: null,
    httpStatus: 204,
    graphRequestId: null,
  });

  it('concurrent appends, the first entry of a connector included, never lose an entry', async () => {
    const w = world();
    await Promise.all(Array.from({ length: 8 }, (_, n) => w.audit.record(entry(n))));
    const kept = await w.audit.recent('new-connector', 50);
    expect(kept.map((e) => e.confirmationId).sort()).toEqual(Array.from({ length: 8 }, (_, n) => `conf-${n}`).sort());
  });

  it('an append whose answer was lost is not added twice; at most 50 entries are kept, newest first', async () => {
    const w = world();
    w.backend.inject('putIfAbsent', 'lostAnswer');
    await w.audit.record(entry(0));
    await w.audit.record(entry(0));
    for (let n = 1; n <= 60; n += 1) await w.audit.record(entry(n));
    const kept = await w.audit.recent('new-connector', 100);
    expect(kept).toHaveLength(50);
    expect(kept[0]?.confirmationId).toBe('conf-60');
    expect(new Set(kept.map((e) => e.confirmationId)).size).toBe(50);
  });
});
