import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/storage';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import type { Confirmation } from '../../src/sync/confirmation';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { FakeConnector } from '../helpers/fakeConnector';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import { LiveBot, USERS, cardIn, invokeBody, personalChat } from '../helpers/liveBot';
import { killAll, startBotProcess, waitForOutput } from '../helpers/processes';

const json = (value: unknown): string => JSON.stringify(value);

describe('slow Graph and redelivery', () => {
  const live = new LiveBot();
  beforeAll(() => live.start({ CARD_ANSWER_DEADLINE_MS: '300' }));
  afterAll(() => live.stop());

  it('Action.Execute: answered with a "sending" card before Graph has answered; the card is updated with the outcome afterwards', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', delayMs: 1_500, times: 1 });
    const answer = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(json(answer.value)).toContain('Sending the sync request');
    expect(live.sim.syncCalls().map((call) => call.status)).toEqual([0]); // Graph is still working on it

    await live.updated(messageId, 'Full sync requested');
    expect(live.sim.syncCalls().map((call) => call.status)).toEqual([204]);
  });

  it('Action.Submit: the same, through the card message', async () => {
    live.sim.calls.length = 0;
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 delta');
    live.sim.addFault({ operation: 'sync', delayMs: 1_000, times: 1 });
    await live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId }, messageId);
    await live.updated(messageId, 'Sending the sync request');
    await live.updated(messageId, 'Delta sync requested');
    expect(live.sim.syncCalls()).toHaveLength(1);
    // In order: the outcome is the last word on the card.
    expect(visibleText(cardIn(live.connector.updatesOf(messageId).at(-1)))).toContain('Delta sync requested');
  });

  it('a redelivered activity (same id) causes no second side effect', async () => {
    const activity = live.activity(USERS.ada, { type: 'message', text: 'sync connector exo full' });
    const before = live.connector.calls.length;
    await live.post(activity);
    await live.post(activity);
    const replies = live.connector.since(before).filter((call) => call.activityId === activity.id);
    expect(replies).toHaveLength(1);
    const { confirmationId } = buttonsOf(cardIn(replies[0]))[1]?.data ?? {};
    live.sim.calls.length = 0;
    const click = live.activity(USERS.ada, {
      type: 'message',
      value: { verb: 'sync.confirm', confirmationId },
      replyToId: replies[0]?.id,
    });
    await Promise.all([live.post(click), live.post(click)]);
    await expect.poll(() => live.sim.syncCalls().length).toBe(1);
    await live.idle(); // everything the two deliveries started is done
    expect(live.sim.syncCalls()).toHaveLength(1);
    expect(live.logs()).toContain('redelivered activity ignored');
  });
});

describe('SIGTERM during a slow sync', () => {
  const sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
  const connector = new FakeConnector();
  beforeAll(async () => {
    await sim.start();
    await connector.start();
  });
  afterAll(async () => {
    await sim.stop();
    await connector.stop();
  });
  afterEach(killAll);

  it('stops accepting, finishes the Graph call, updates the card, and exits 0 within 10 s', async () => {
    const bot = startBotProcess({
      PORT: '0',
      GRAPH_BASE_URL: sim.baseUrl,
      CARD_ANSWER_DEADLINE_MS: '200',
      LOG_LEVEL: 'info',
    });
    const [, endpoint] = await waitForOutput(bot, /Bot endpoint\s+(http:\/\/127\.0\.0\.1:\d+\/api\/messages)/);
    const post = (activity: Record<string, unknown>) =>
      fetch(endpoint!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
      });
    const base = {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: USERS.ada,
      recipient: { id: '28:bot' },
      conversation: personalChat(USERS.ada),
    };
    await post({ ...base, type: 'message', id: 'm1', text: 'sync connector cas01 full' });
    const card = cardIn(connector.calls[0]);
    const confirmationId = buttonsOf(card)[0]?.data.confirmationId;

    sim.addFault({ operation: 'sync', delayMs: 2_000, times: 1 });
    const click = await post({
      ...base,
      type: 'invoke',
      id: 'i1',
      name: 'adaptiveCard/action',
      replyToId: connector.calls[0]?.id,
      value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: { confirmationId } } },
    });
    expect(json(await click.json())).toContain('Sending the sync request');

    const stoppedAt = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(sim.syncCalls().map((call) => call.status)).toEqual([204]);
    expect(
      connector.calls.some((call) => call.kind === 'update' && json(call.body).includes('Full sync requested')),
    ).toBe(true);
    await expect(post({ ...base, type: 'message', id: 'm2', text: 'help' })).rejects.toThrow();
  });
});

describe('a stopped instance stops', () => {
  it('work that outlives the grace period writes nothing after stop(), as after a process exit', async () => {
    const store = new Store(new MemoryBackend(), { timeoutMs: 1_000 });
    // Graph and the Bot Connector outlive the instance (another instance would go on using them).
    const peers = { sim: new GraphSimulator({ syncCompletesAfterMs: 60_000 }), connector: new FakeConnector() };
    await Promise.all([peers.sim.start(), peers.connector.start()]);
    const live = await new LiveBot(peers).start({ CARD_ANSWER_DEADLINE_MS: '200', LOG_LEVEL: 'warn' }, { store });
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', delayMs: 800, apply: true, times: 1 });
    const answer = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(json(answer.value)).toContain('Sending the sync request');
    await live.stop(50); // the send is still waiting for Graph
    // Graph answers after the stop; the stopped instance's attempt to store the outcome fails, as it would after exit.
    await vi.waitFor(() => expect(live.logs()).toContain('background work failed'), { timeout: 5_000, interval: 50 });
    expect(live.sim.syncCalls().map((call) => call.status)).toEqual([204]);
    const stored = await store.read<Confirmation>(KEYS.confirmation(confirmationId));
    // Left claimed: the next instance settles it from the claim's age (unknown, or the audited outcome).
    expect(stored?.value.state).toBe('claimed');
    await Promise.all([peers.sim.stop(), peers.connector.stop()]);
  });
});
