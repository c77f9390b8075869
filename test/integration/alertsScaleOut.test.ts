import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { Azurite } from '../helpers/azurite';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import { FakeConnector, type ConnectorCall } from '../helpers/fakeConnector';
import { CHANNEL, LiveBot, MENTION, USERS, cardIn } from '../helpers/liveBot';

/**
 * Two instances on one Azure Storage (Azurite) check the same channel's alerts: each alert is posted once, by the
 * instance that won the write of the new state; when the instance holding the lease stops, the other takes the checks
 * over within four intervals. Each instance's clock is moved past the interval and a round run at once.
 */
const azurite = new Azurite();
const sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
const connector = new FakeConnector();
const first = new LiveBot({ sim, connector });
const second = new LiveBot({ sim, connector });
const INTERVAL_MS = 60_000;
const CAS01 = '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d01';

beforeAll(async () => {
  await Promise.all([azurite.start(), sim.start(), connector.start()]);
  const env = {
    BOT_STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: 'alerts',
    ALERT_INTERVAL_SECONDS: String(INTERVAL_MS / 1000),
    LOG_LEVEL: 'warn',
  };
  await Promise.all([first.start(env), second.start(env)]);
}, 60_000);
afterAll(async () => {
  await Promise.allSettled([first.stop(), second.stop()]);
  await Promise.allSettled([azurite.stop(), sim.stop(), connector.stop()]);
});

const posted = (since: number): ConnectorCall[] =>
  connector.calls.slice(since).filter((call) => call.kind === 'send' && call.conversationId.startsWith(CHANNEL.id));
const both = (): Promise<unknown> =>
  Promise.all([first.alertRounds(1, INTERVAL_MS), second.alertRounds(1, INTERVAL_MS)]);

it('two instances post each alert once, and the second takes the checks over within four intervals when the first stops', async () => {
  const [reply] = await first.say('<at>Connector Sync</at> alerts on', USERS.ada, {
    conversation: CHANNEL,
    entities: [MENTION],
  });
  const turnOn = buttonsOf(cardIn(reply)).find((action) => action.data.verb === 'alerts.on')!;
  const start = connector.calls.length;
  await first.execute(USERS.ada, 'alerts.on', turnOn.data, reply!.id, CHANNEL);
  await first.idle();
  for (let round = 0; round < 3; round += 1) await both();
  expect(posted(start)).toHaveLength(3); // what needed attention, once, though both instances ran three rounds

  const flip = connector.calls.length;
  sim.changeConnector(CAS01, { status: 'disconnected' });
  for (let round = 0; round < 4; round += 1) await both();
  expect(posted(flip).map((call) => visibleText(cardIn(call)))).toEqual([
    expect.stringMatching(/CAS01 is Disconnected/),
  ]);

  // The first instance (it ran the first check and holds the lease) stops, leaving its lease in storage as a crash would.
  await first.stop();
  const survivor = second;
  sim.changeConnector(CAS01, { status: 'connected' });
  const takeover = connector.calls.length;
  let intervals = 0;
  while (posted(takeover).length === 0 && intervals < 6) {
    await survivor.alertRounds(1, INTERVAL_MS);
    intervals += 1;
  }
  expect(posted(takeover).map((call) => visibleText(cardIn(call)))).toEqual([
    expect.stringMatching(/CAS01 is connected again/),
  ]);
  // Not before the lease lapsed (three intervals and a margin), and within four.
  expect(intervals).toBeGreaterThanOrEqual(3);
  expect(intervals).toBeLessThanOrEqual(4);
}, 60_000);
