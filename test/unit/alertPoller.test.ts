import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphConnectorClient } from '../../src/graph/connectorClient';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { createStateStore } from '../../src/storage';
import type { AlertDelivery } from '../../src/sync/alertDelivery';
import { AlertPoller } from '../../src/sync/alertPoller';
import type { Alert, AlertSubscription } from '../../src/sync/alerts';
import { AlertStore } from '../../src/sync/alertStore';
import { FAST_RETRIES } from '../helpers/liveBot';

/**
 * The outbox: an alert decided by a check stays in the subscription until it was posted. An instance that stops
 * between the write and the post (here: its post fails) leaves it there, and the instance that takes the lease over
 * posts it: repeated at worst, never lost. The chat side is a fake of the delivery (the Teams edge); Graph is the
 * simulator over HTTP, storage the bot's own memory store.
 */
const sim = new GraphSimulator();
let graph: GraphConnectorClient;
beforeAll(async () => {
  graph = new GraphConnectorClient(await sim.start(), { timeoutMs: 2_000, retryPolicy: FAST_RETRIES });
});
afterAll(() => sim.stop());

class Chat implements AlertDelivery {
  readonly posts: Alert[] = [];
  constructor(private readonly failing: boolean) {}
  ownerToken(): Promise<string | null> {
    return Promise.resolve('token');
  }
  post(_subscription: AlertSubscription, alert: Alert): Promise<string | null> {
    if (this.failing) return Promise.reject(new Error('the instance stopped before its post left'));
    this.posts.push(alert);
    return Promise.resolve(`msg-${this.posts.length}`);
  }
}

it('an alert whose post was lost is posted by the instance that takes over, once', async () => {
  const alerts = new AlertStore(createStateStore({ kind: 'memory' }, 1_000));
  let now = Date.parse('2026-12-07T10:00:00Z');
  const poller = (instanceId: string, delivery: Chat) =>
    new AlertPoller({
      alerts,
      graph,
      delivery,
      logger: createLogger('silent'),
      settings: { intervalMs: 60_000, staleMs: 0, staleOnPremises: false },
      graphTimeoutMs: 1_000,
      instanceId,
      now: () => new Date(now),
    });
  const lost = new Chat(true);
  const survivor = new Chat(false);
  await alerts.start({
    conversationId: '19:ops@thread.tacv2',
    reference: {},
    channel: true,
    personal: false,
    owner: { id: '29:ada', aadObjectId: null, name: 'Ada' },
    locale: 'en',
    since: new Date(now).toISOString(),
    state: { kind: 'on' },
    seen: null,
    mutes: {},
    open: {},
    outbox: [],
    lease: null,
    polledAt: null,
    failingSince: null,
    delayTold: false,
  });
  await expect(poller('first', lost).tick()).resolves.toBeUndefined(); // its post failed; the round goes on
  const stored = await alerts.read('19:ops@thread.tacv2');
  expect(stored?.value.outbox.map((alert) => alert.kind)).toEqual(['problem', 'problem']); // CAS02, Munich Exchange
  const second = poller('second', survivor);
  for (let interval = 0; interval < 5 && survivor.posts.length === 0; interval += 1) {
    now += 60_001;
    await second.tick();
  }
  expect(survivor.posts.map((alert) => alert.kind)).toEqual(['problem', 'problem']);
  expect((await alerts.read('19:ops@thread.tacv2'))?.value.outbox).toEqual([]);
  now += 60_001;
  await second.tick();
  expect(survivor.posts).toHaveLength(2); // nothing twice once it was posted
});
