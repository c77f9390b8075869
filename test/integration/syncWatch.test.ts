import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import { FaultyBackend } from '../helpers/faultyBackend';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { visibleText } from '../helpers/cardChecks';
import { FakeConnector } from '../helpers/fakeConnector';
import { GROUP_CHAT, LiveBot, MENTION, USERS, cardIn, invokeBody } from '../helpers/liveBot';

/**
 * Sync to completion: after Graph accepts a sync, the card follows Intune until the connector reports it. The bot
 * polls every second here (SYNC_WATCH_INTERVAL_SECONDS=1); the simulator reports a sync 1.2 s after it was accepted,
 * or never (a second simulator), so every ending can be seen.
 */
const WATCH = { SYNC_WATCH_INTERVAL_SECONDS: '1', SYNC_WATCH_MINUTES: '15', GRAPH_TIMEOUT_MS: '1000' };
const reporting = { sim: new GraphSimulator({ syncCompletesAfterMs: 1_200 }), connector: new FakeConnector() };
const silent = { sim: new GraphSimulator({ syncCompletesAfterMs: 3_600_000 }), connector: new FakeConnector() };
const live = new LiveBot(reporting);
const quiet = new LiveBot(silent);

beforeAll(async () => {
  await Promise.all([reporting.sim.start(), reporting.connector.start(), silent.sim.start(), silent.connector.start()]);
  await Promise.all([live.start(WATCH), quiet.start(WATCH)]);
});
afterAll(async () => {
  await Promise.all([live.stop(), quiet.stop()]);
  await Promise.all([reporting.sim.stop(), reporting.connector.stop(), silent.sim.stop(), silent.connector.stop()]);
});
afterEach(() => {
  quiet.clock = null;
  silent.sim.clearFaults();
});

const gets = (sim: GraphSimulator, connectorId: string): number =>
  sim.calls.filter((call) => call.operation === 'get' && call.connectorId === connectorId).length;

async function confirmed(
  bot: LiveBot,
  text: string,
  from = USERS.ada,
  conversation?: Record<string, unknown>,
): Promise<{ messageId: string; confirmationId: string; answer: string }> {
  const [reply] = await bot.say(text, from, conversation ? { conversation, entities: [MENTION] } : {});
  const card = cardIn(reply);
  const confirmationId =
    card.actions?.flatMap((action) =>
      'data' in action && action.data.verb === 'sync.cancel' ? [action.data.confirmationId ?? ''] : [],
    )[0] ?? '';
  const answer = invokeBody(await bot.execute(from, 'sync.confirm', { confirmationId }, reply?.id, conversation));
  return { messageId: reply?.id ?? '', confirmationId, answer: JSON.stringify(answer.value) };
}

describe('the card follows a sync until Intune reports it', () => {
  it('"requested", then "completed at … (took under a minute)", in place, polling once per interval', async () => {
    const cas01 = reporting.sim.allConnectors()[0]!;
    const asked = String(cas01.lastSyncDateTime);
    const { messageId, answer } = await confirmed(live, 'sync connector CAS01 delta');
    expect(answer).toContain('Following it: this card changes when Intune reports the sync');
    const done = await live.updated(messageId, 'Intune reports the sync completed at');
    expect(visibleText(cardIn(done))).toContain('(took under a minute)');
    // The finished card shows the connector as it is now, not the last sync it had when the sync was asked for.
    const reported = String(reporting.sim.allConnectors()[0]!.lastSyncDateTime);
    expect(reported).not.toBe(asked);
    expect(visibleText(cardIn(done))).toContain(`Last sync: {{DATE(${reported.replace(/\.\d+Z$/, 'Z')}`);
    expect(visibleText(cardIn(done))).not.toContain(asked.replace(/\.\d+Z$/, 'Z'));
    // History records what became of it, not "Requested" forever: in chat, and in the tab's request line.
    const history = await vi.waitFor(async () => {
      const text = visibleText(cardIn((await live.say('history cas01'))[0]));
      expect(text).toContain('completed');
      return text;
    });
    expect(history).toMatch(/Requested, completed \{\{DATE\(.*took under a minute/);
    const tab = (await (await fetch(`${live.baseUrl}/api/tab/connectors/${cas01.id}/history`)).json()) as {
      entries: Array<{ completion: { state: string; at: string; minutes: number } | null }>;
    };
    expect(tab.entries[0]?.completion).toMatchObject({ state: 'completed', minutes: 0 });
    // about 1.2 s of watching at one poll per second: never more than one GET per interval
    expect(gets(reporting.sim, cas01.id)).toBeLessThanOrEqual(3);
  });

  it('"not reported within 15 minutes", with what to check, when the window passes', async () => {
    const { messageId } = await confirmed(quiet, 'sync connector CAS01 full');
    quiet.clock = new Date(Date.now() + 16 * 60_000);
    const card = visibleText(cardIn(await quiet.updated(messageId, 'has not reported this sync within 15 minutes')));
    expect(card).toContain('Exchange connector service runs on cas01.contoso.local');
    expect(card).toContain('19 February 2024'); // on-premises: the end of support is part of what to check
  });

  it('a status change to disconnected is shown at once and ends the watch', async () => {
    const { messageId } = await confirmed(quiet, 'sync connector EXO-Hosted delta');
    const exo = silent.sim.allConnectors().find((connector) => connector.exchangeAlias === 'EXO-Hosted')!;
    silent.sim.setConnectors(
      silent.sim
        .allConnectors()
        .map((connector) => (connector.id === exo.id ? { ...connector, status: 'disconnected' } : connector)),
    );
    const changed = visibleText(cardIn(await quiet.updated(messageId, 'is now Disconnected')));
    expect(changed).toContain('I stopped following');
    // Not "Status: Connected" above "now Disconnected": the status fact is the one the bot just saw.
    expect(changed).toContain('Status: Disconnected');
    expect(changed).not.toContain('Status: Connected');
    const polls = gets(silent.sim, exo.id);
    await quiet.afterWatchRounds(2);
    expect(gets(silent.sim, exo.id)).toBe(polls); // ended: two more rounds, no more polls
    silent.sim.setConnectors(
      silent.sim
        .allConnectors()
        .map((connector) => (connector.id === exo.id ? { ...connector, status: 'connected' } : connector)),
    );
  });

  it("a refused token (401) stops the watch with a plain explanation; the requester's Refresh continues it", async () => {
    const { messageId, confirmationId } = await confirmed(quiet, 'sync connector CAS02 delta');
    silent.sim.addFault({ operation: 'get', error: simulatedErrors.expiredToken(), times: 1 });
    expect(visibleText(cardIn(await quiet.updated(messageId, 'your sign-in expired')))).toContain('[Refresh]');
    const refreshed = JSON.stringify(
      invokeBody(await quiet.execute(USERS.ada, 'sync.refresh', { confirmationId }, messageId)).value,
    );
    expect(refreshed).toContain('Following it');
  });
  it('a connector that disappears from Intune while followed ends the watch with a plain word', async () => {
    const seed = silent.sim.allConnectors();
    const extra = {
      ...seed[0]!,
      id: '0ddba11c-0000-4000-8000-00000000ab01',
      exchangeAlias: 'TEMP01',
      serverName: 'temp01.contoso.local',
    };
    silent.sim.setConnectors([...seed, extra]);
    const { messageId } = await confirmed(quiet, 'sync connector TEMP01 delta');
    silent.sim.setConnectors(seed);
    expect(visibleText(cardIn(await quiet.updated(messageId, 'no longer exists in Intune')))).toContain('TEMP01');
  });

  it('Graph 429 while watching: the polls back off and the card says nothing alarming', async () => {
    const munich = silent.sim.allConnectors().find((connector) => connector.exchangeAlias === 'Munich Exchange')!;
    const { messageId } = await confirmed(quiet, 'sync connector "Munich Exchange" delta');
    silent.sim.addFault({ operation: 'get', error: simulatedErrors.throttled(3), times: 5 });
    await vi.waitFor(
      () => expect(silent.sim.calls.some((call) => call.connectorId === munich.id && call.status === 429)).toBe(true),
      { timeout: 5_000 },
    );
    const after429 = gets(silent.sim, munich.id);
    await quiet.afterWatchRounds(2);
    expect(gets(silent.sim, munich.id)).toBe(after429); // Retry-After 3 s: two rounds (about 2 s), no poll meanwhile
    // What the card says, and 429 as a word: random UUIDs (activity and request ids) may contain "429".
    expect(quiet.connector.updatesOf(messageId).map((call) => visibleText(cardIn(call)))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/\b429\b|throttl|error/i)]),
    );
  });
});

describe('live for everyone in the chat', () => {
  it("a group chat card carries a refresh for the requester and the members; a member's refresh is answered from storage", async () => {
    reporting.connector.members.set(GROUP_CHAT.id, [USERS.ada, USERS.ben, { id: '29:1cleo', name: 'Cleo' }]);
    const { messageId, confirmationId } = await confirmed(
      live,
      '<at>Connector Sync</at> sync connector CAS02 full',
      USERS.ada,
      GROUP_CHAT,
    );
    const withEveryone = await live.updated(messageId, '29:1cleo');
    expect(cardIn(withEveryone).refresh).toMatchObject({
      action: { verb: 'sync.refresh' },
      userIds: [USERS.ada.id, USERS.ben.id, '29:1cleo'],
    });
    const graphCalls = reporting.sim.calls.length;
    const seen = invokeBody(await live.execute(USERS.ben, 'sync.refresh', { confirmationId }, messageId, GROUP_CHAT));
    expect(JSON.stringify(seen.value)).toMatch(/Following it|completed at/);
    expect(reporting.sim.calls.length).toBe(graphCalls); // no Graph call for looking
  });

  it('asking again within the cooldown still gives a card, which says who asked for what and how far it got', async () => {
    await confirmed(quiet, 'sync connector CAS01 delta');
    const [again] = await quiet.say('sync connector CAS01 full', USERS.ben);
    const text = visibleText(cardIn(again));
    expect(text).toContain('Ada Admin asked for a delta sync of this connector on');
    expect(text).toContain('Intune has not reported it yet');
    expect(text).toContain('[Sync again anyway]');
  });
});

describe('a storage hiccup when the watch begins', () => {
  it('the sync is still followed to completion (the start of the watch is stored again)', async () => {
    const backend = new FaultyBackend(new MemoryBackend());
    const peers = { sim: new GraphSimulator({ syncCompletesAfterMs: 1_200 }), connector: new FakeConnector() };
    await Promise.all([peers.sim.start(), peers.connector.start()]);
    const bot = await new LiveBot(peers).start(
      { ...WATCH, LOG_LEVEL: 'warn' },
      { store: new Store(backend, { timeoutMs: 1_000 }) },
    );
    try {
      const { messageId, confirmationId } = await bot.requestSync('sync connector cas01 full');
      backend.inject('put', 'outage'); // the next unconditional write: the watch's marker, right after Graph accepted
      await bot.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
      await bot.updated(messageId, 'Intune reports the sync completed');
      expect(backend.injected).toEqual([{ operation: 'put', fault: 'outage' }]);
    } finally {
      await bot.stop();
      await Promise.all([peers.sim.stop(), peers.connector.stop()]);
    }
  });
});
