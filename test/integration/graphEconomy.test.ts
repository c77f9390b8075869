import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConnectors } from '../../src/simulator/seed';
import { LiveBot, invokeBody } from '../helpers/liveBot';

const live = new LiveBot();
beforeAll(() => live.start());
afterAll(() => live.stop());

/** A user no other test has used: their connector cache starts cold, whatever ran before. */
const freshUser = () => ({ id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'Erin Economy' });
const user = freshUser();
const count = (operation: string): number => live.sim.calls.filter((call) => call.operation === operation).length;

describe('Graph economy', () => {
  it('resolving names uses a short per-user cache; one sync is exactly one POST; a 404 invalidates the cache', async () => {
    // Counted from here, for a user of its own: each test sets up its own state and passes in any order.
    const user = freshUser();
    const lists = count('list');
    const syncs = live.sim.syncCalls().length;
    const first = await live.requestSync('sync connector cas01 full', user);
    await live.requestSync('sync connector mun delta', user);
    expect(count('list')).toBe(lists + 1);

    const gets = count('get');
    await live.execute(user, 'sync.confirm', { confirmationId: first.confirmationId }, first.messageId);
    expect(live.sim.syncCalls()).toHaveLength(syncs + 1);
    expect(live.sim.syncCalls().at(-1)?.method).toBe('POST');
    expect(count('get')).toBe(gets);

    // CAS02 disappears: the sync answers 404, and the next command asks Graph for the list again.
    const second = await live.requestSync('sync connector cas02 full', user);
    live.sim.setConnectors(seedConnectors().filter((connector) => connector.exchangeAlias !== 'CAS02'));
    const gone = invokeBody(
      await live.execute(user, 'sync.confirm', { confirmationId: second.confirmationId }, second.messageId),
    );
    expect(JSON.stringify(gone.value)).toContain('no longer exists');
    live.sim.setConnectors(seedConnectors());
    await live.say('sync connector cas02 full', user);
    expect(count('list')).toBe(lists + 2);
  });

  it('status reads the connector itself: one GET per status turn and no list on a warm cache, so a sync that completed a moment ago shows', async () => {
    const reader = { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'Sam Status' };
    await live.say('list connectors', reader); // warms the reader's cache
    const [lists, gets] = [count('list'), count('get')];
    const justNow = new Date(Date.now() - 5_000).toISOString().replace(/\.\d+Z$/, 'Z');
    live.sim.setConnectors(
      seedConnectors().map((connector) =>
        connector.exchangeAlias === 'CAS01' ? { ...connector, lastSyncDateTime: justNow } : connector,
      ),
    );
    try {
      const [reply] = await live.say('status cas01', reader);
      expect(JSON.stringify(reply?.body)).toContain(justNow);
      expect(count('get')).toBe(gets + 1);
      expect(count('list')).toBe(lists);
      await live.say('status cas02', reader);
      expect(count('get')).toBe(gets + 2);
      expect(count('list')).toBe(lists);
    } finally {
      live.sim.setConnectors(seedConnectors());
    }
  });

  it('a connector added a moment ago is found at once: a name the cached list misses refreshes it, one list per command', async () => {
    await live.say('list connectors', user);
    const before = count('list');
    live.sim.setConnectors([
      ...seedConnectors(),
      { ...seedConnectors()[0]!, id: 'new-connector-id', exchangeAlias: 'NEW01', serverName: 'new01.contoso.local' },
    ]);
    const { card } = await live.requestSync('sync connector new01 full', user);
    expect(JSON.stringify(card)).toContain('NEW01');
    expect(count('list')).toBe(before + 1);
    await live.say('status cas01', user);
    expect(count('list')).toBe(before + 1);
    live.sim.setConnectors(seedConnectors());
  });

  it('list connectors always asks Graph (the list a user reads is never stale)', async () => {
    const before = count('list');
    await live.say('list connectors', user);
    await live.say('list connectors', user);
    expect(count('list')).toBe(before + 2);
  });
});
