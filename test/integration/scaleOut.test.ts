import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStorage } from '../../src/bot/blobStorage';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { Azurite } from '../helpers/azurite';
import { FakeConnector } from '../helpers/fakeConnector';
import { FakeTokenService } from '../helpers/fakeTokenService';
import { LiveBot, USERS, invokeBody } from '../helpers/liveBot';

const azurite = new Azurite();
const sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
const connector = new FakeConnector();
const tokenService = new FakeTokenService();
const instanceA = new LiveBot({ sim, connector });
const instanceB = new LiveBot({ sim, connector });

beforeAll(async () => {
  await Promise.all([azurite.start(), sim.start(), connector.start(), tokenService.start()]);
  const env = {
    BOT_STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: 'scaleout',
    OAUTH_CONNECTION_NAME: 'graph-sso',
    OAuthUrl: tokenService.url,
  };
  await instanceA.start(env);
  await instanceB.start(env);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([instanceA.stop(), instanceB.stop()]);
  await Promise.allSettled([azurite.stop(), sim.stop(), connector.stop(), tokenService.stop()]);
});

describe('BlobStorage on Azurite keeps MemoryStorage\'s eTag contract', () => {
  const storage = (): BlobStorage => new BlobStorage(azurite.connectionString, 'contract');

  it('round-trips items, German and emoji text included, and deletes them', async () => {
    const store = storage();
    await store.write({ 'a/b;messageid=1': { name: 'Jörg Müller „Prüfung“ ✅' } });
    expect((await store.read(['a/b;messageid=1']))['a/b;messageid=1']).toMatchObject({ name: 'Jörg Müller „Prüfung“ ✅' });
    await store.delete(['a/b;messageid=1']);
    expect(await store.read(['a/b;messageid=1'])).toEqual({});
  });

  it('compare-and-swap: a write with the current eTag wins, one with a stale eTag is refused', async () => {
    const store = storage();
    const key = `cas/${randomUUID()}`;
    await store.write({ [key]: { state: 'pending' } });
    const { eTag } = (await store.read([key]))[key] as { eTag: string };
    await store.write({ [key]: { state: 'claimed', eTag } });
    await expect(store.write({ [key]: { state: 'claimed-again', eTag } })).rejects.toThrow(/eTag conflict/);
    expect((await store.read([key]))[key]).toMatchObject({ state: 'claimed' });
  });

  it('the first write of a new key with an eTag creates it; the same write again conflicts (the SSO dedupe)', async () => {
    const store = storage();
    const key = `msteams/conv/${randomUUID()}`;
    await store.write({ [key]: { eTag: 'exchange-id' } });
    await expect(store.write({ [key]: { eTag: 'exchange-id' } })).rejects.toThrow(/eTag conflict/);
    const racers = await Promise.allSettled(Array.from({ length: 5 }, () => store.write({ [`${key}-race`]: { eTag: 'x' } })));
    expect(racers.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('Azurite stopped mid-test', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const storage = new Azurite(dataDir);
  const live = new LiveBot();
  beforeAll(async () => {
    await storage.start();
    await live.start({ BOT_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: storage.connectionString, AZURE_STORAGE_CONTAINER: 'outage' });
  }, 30_000);
  afterAll(async () => {
    await live.stop();
    await storage.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('clear errors while it is down, no sync without a claimed record, nothing lost once it is back', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 delta', USERS.ada);
    const port = storage.port;
    await storage.stop();

    const click = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(click.value).toContain('cannot reach my storage');
    const [typed] = await live.say('sync connector cas02 full', USERS.ada);
    expect(typed?.body.text).toContain('cannot reach my storage');
    expect(live.sim.syncCalls()).toEqual([]);

    await storage.start(port);
    const confirmed = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(JSON.stringify(confirmed.value)).toContain('Delta sync requested');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });
});

describe('two bot instances sharing Azurite', () => {
  it('50 concurrent clicks on one confirmation, spread over both instances: exactly one sync call', async () => {
    tokenService.userTokens.set(`${USERS.ada.id}|graph-sso|msteams`, `graph-${randomUUID()}`);
    const { confirmationId, messageId } = await instanceA.requestSync('sync connector cas01 full', USERS.ada);
    sim.calls.length = 0;
    const clicks = Array.from({ length: 50 }, (_, index) => {
      const instance = index % 2 === 0 ? instanceA : instanceB;
      return index % 3 === 0
        ? instance.submit(USERS.ada, { verb: 'sync.confirm', confirmationId }, messageId)
        : instance.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    });
    const answers = await Promise.all(clicks);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(sim.syncCalls()).toHaveLength(1);
    const outcomes = answers.map((answer) => JSON.stringify(invokeBody(answer)?.value ?? '')).filter((text) => text.includes('requested'));
    expect(outcomes.length).toBeGreaterThan(0);
  });

  it('a click on instance B for a card instance A sent is served from the shared storage', async () => {
    tokenService.userTokens.set(`${USERS.ben.id}|graph-sso|msteams`, `graph-${randomUUID()}`);
    const { confirmationId, messageId } = await instanceA.requestSync('sync connector exo delta', USERS.ben);
    sim.calls.length = 0;
    const answer = invokeBody(await instanceB.execute(USERS.ben, 'sync.cancel', { confirmationId }, messageId));
    expect(JSON.stringify(answer.value)).toContain('Cancelled by Ben Builder');
  });

  it('the token exchange every Teams client sends is handled once across instances', async () => {
    const user = { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'Gina Graph' };
    await instanceA.say('list connectors', user); // no token yet: an OAuth card, and the command is pending
    const sso = `sso-${randomUUID()}`;
    tokenService.ssoTokens.set(sso, `graph-${randomUUID()}`);
    const id = randomUUID();
    const exchangeOn = (instance: LiveBot) =>
      instance.post(instance.activity(user, { type: 'invoke', name: 'signin/tokenExchange', value: { id, connectionName: 'graph-sso', token: sso } }));
    const before = connector.calls.length;
    const [first, second] = await Promise.all([exchangeOn(instanceA), exchangeOn(instanceB)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const lists = connector.since(before).filter((call) => JSON.stringify(call.body).includes('Exchange connectors'));
    expect(lists).toHaveLength(1); // the pending command resumed once
  });
});
