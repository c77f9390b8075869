import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { BlobBackend } from '../../src/storage/blobBackend';
import { Store } from '../../src/storage/store';
import { Azurite } from '../helpers/azurite';
import { visibleText } from '../helpers/cardChecks';
import { FakeConnector } from '../helpers/fakeConnector';
import { FakeTokenService } from '../helpers/fakeTokenService';
import { LiveBot, USERS, cardIn, invokeBody } from '../helpers/liveBot';
import { StorageProxy } from '../helpers/storageProxy';
import { describeStoreContract } from '../helpers/storeContract';

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

describeStoreContract(
  'Azure Blob Storage (Azurite)',
  (clock) =>
    new Store(
      new BlobBackend({ kind: 'connectionString', connectionString: azurite.connectionString }, 'contract', 2_000),
      { timeoutMs: 2_000, now: clock.now },
    ),
);

describe('storage faults the network causes', () => {
  let proxy: StorageProxy;
  const live = new LiveBot();
  beforeAll(async () => {
    proxy = await new StorageProxy(`http://127.0.0.1:${azurite.port}`).start();
    await live.start({
      BOT_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: proxy.connectionString(azurite.connectionString),
      AZURE_STORAGE_CONTAINER: 'faults',
      STORAGE_TIMEOUT_MS: '500',
    });
  }, 30_000);
  afterAll(async () => {
    await live.stop();
    await proxy.stop();
  });

  it("a claim applied in storage whose answer was lost is still the click's claim: one sync, and the card says requested", async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas01 full');
    live.sim.calls.length = 0;
    let dropped = false;
    proxy.decide = (req) => {
      const conditional =
        req.method === 'PUT' && req.headers['if-match'] && decodeURIComponent(req.url ?? '').includes(confirmationId);
      if (!conditional || dropped) return 'pass';
      dropped = true;
      return 'dropAnswer';
    };
    const answer = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    proxy.decide = () => 'pass';
    expect(dropped).toBe(true);
    expect(JSON.stringify(answer.value)).toContain('Full sync requested');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it('a storage endpoint that accepts and never answers: the user hears so within seconds, and nothing is sent', async () => {
    live.sim.calls.length = 0;
    proxy.decide = () => 'hang';
    try {
      const started = Date.now();
      const [reply] = await live.say('sync connector cas02 full', {
        id: `29:1${randomUUID()}`,
        aadObjectId: randomUUID(),
        name: 'Hung Admin',
      });
      expect(String(reply?.body.text)).toContain('cannot reach my storage');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      proxy.decide = () => 'pass';
    }
    expect(live.sim.syncCalls()).toEqual([]);
  });
});

describe('Azurite stopped mid-test', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const storage = new Azurite(dataDir);
  const live = new LiveBot();
  beforeAll(async () => {
    await storage.start();
    await live.start({
      BOT_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: storage.connectionString,
      AZURE_STORAGE_CONTAINER: 'outage',
      STORAGE_TIMEOUT_MS: '1000',
    });
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
    expect((await fetch(live.url.replace('/api/messages', '/readyz'))).status).toBe(503);

    await storage.start(port);
    const confirmed = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(JSON.stringify(confirmed.value)).toContain('Delta sync requested');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });
});

describe('two bot instances sharing Azurite', () => {
  it('50 concurrent clicks on one confirmation, spread over both instances: exactly one sync call, and every clicker hears about it', async () => {
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
    const invokes = answers
      .filter((_, index) => index % 3 !== 0)
      .map((answer) => JSON.stringify(invokeBody(answer).value));
    const winners = invokes.filter(
      (text) => /Full sync requested|Sending/.test(text) && !/already handled|being handled/.test(text),
    );
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(invokes.every((text) => /requested|Sending|already handled|being handled/.test(text))).toBe(true);
  });

  it('a click on instance B for a card instance A sent is served from the shared storage', async () => {
    tokenService.userTokens.set(`${USERS.ben.id}|graph-sso|msteams`, `graph-${randomUUID()}`);
    const { confirmationId, messageId } = await instanceA.requestSync('sync connector exo delta', USERS.ben);
    const answer = invokeBody(await instanceB.execute(USERS.ben, 'sync.cancel', { confirmationId }, messageId));
    expect(visibleText(answer.value as never)).toContain('Cancelled by Ben Builder');
  });

  it('the token exchange every Teams client sends is handled once across instances', async () => {
    const user = { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'Gina Graph' };
    await instanceA.say('list connectors', user); // no token yet: an OAuth card, and the command is pending
    const sso = `sso-${randomUUID()}`;
    tokenService.ssoTokens.set(sso, `graph-${randomUUID()}`);
    const id = randomUUID();
    const exchangeOn = (instance: LiveBot) =>
      instance.post(
        instance.activity(user, {
          type: 'invoke',
          name: 'signin/tokenExchange',
          value: { id, connectionName: 'graph-sso', token: sso },
        }),
      );
    const before = connector.calls.length;
    const [first, second] = await Promise.all([exchangeOn(instanceA), exchangeOn(instanceB)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const lists = connector.since(before).filter((call) => JSON.stringify(call.body).includes('Exchange connectors'));
    expect(lists).toHaveLength(1); // the pending command resumed once
    expect(visibleText(cardIn(lists[0]))).toContain('4 Exchange connectors');
  });
});

describe('following syncs across instances (Azurite)', () => {
  const exchange = Array.from({ length: 20 }, (_, n) => ({
    id: `7e57c0de-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    exchangeAlias: `EX${String(n).padStart(2, '0')}`,
    serverName: `ex${n}.contoso.local`,
    status: 'connected' as const,
    exchangeConnectorType: 'hosted' as const,
    lastSyncDateTime: '2026-11-20T08:00:00Z',
  }));
  const watchSim = new GraphSimulator({ connectors: exchange, syncCompletesAfterMs: 3_600_000 });
  const first = new LiveBot({ sim: watchSim, connector });
  const second = new LiveBot({ sim: watchSim, connector });
  const gets = (): Array<{ id: string; at: number }> =>
    watchSim.calls
      .filter((call) => call.operation === 'get')
      .map((call) => ({ id: call.connectorId ?? '', at: Date.parse(call.at) }));

  beforeAll(async () => {
    await watchSim.start();
    // one poll per second; a lease lapses after 3 intervals plus the 1 s Graph timeout
    const env = {
      BOT_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'watching',
      SYNC_WATCH_INTERVAL_SECONDS: '1',
      GRAPH_TIMEOUT_MS: '1000',
    };
    await first.start(env);
    await second.start(env);
  }, 30_000);
  afterAll(async () => {
    await Promise.allSettled([first.stop(), second.stop()]);
    await watchSim.stop();
  });

  it("two instances, 20 followed connectors: each connector is polled once per interval in total; a stopped instance's watches resume on the other", async () => {
    const cards: Record<string, string> = {};
    for (const [n, ex] of exchange.entries()) {
      const bot = n % 2 === 0 ? first : second;
      const { confirmationId, messageId } = await bot.requestSync(`sync connector ${ex.exchangeAlias} delta`);
      await bot.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
      cards[ex.id] = messageId;
    }
    // Four rounds of each instance (rounds are the watch's own signal, about a second apart): one poll per connector
    // per interval in all, whichever instance holds its lease, ±1 at the edges.
    const before = gets().length;
    await Promise.all([first.afterWatchRounds(4), second.afterWatchRounds(4)]);
    const window = gets().slice(before);
    for (const ex of exchange)
      expect(window.filter((get) => get.id === ex.id).length, ex.exchangeAlias).toBeLessThanOrEqual(5);
    expect(window.length).toBeGreaterThanOrEqual(20 * 3); // and every one of them is polled

    // the instance holding the leases stops; the other takes over once they lapse, and sees the report
    await first.stop();
    watchSim.setConnectors(exchange.map((ex) => ({ ...ex, lastSyncDateTime: new Date().toISOString() })));
    const done = await second.updated(cards[exchange[0]!.id]!, 'Intune reports the sync completed at');
    expect(visibleText(cardIn(done))).toContain('EX00');
  }, 30_000);
});
