import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { seedConnectors } from '../../src/simulator/seed';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import {
  GROUP_CHAT,
  LOCAL_TOKEN,
  LiveBot,
  MENTION,
  USERS,
  cardIn,
  invokeBody,
  type HttpAnswer,
} from '../helpers/liveBot';

const live = new LiveBot();
beforeAll(() => live.start());
afterAll(() => live.stop());
beforeEach(() => {
  live.sim.calls.length = 0;
  live.sim.clearFaults();
  live.clock = null;
  live.connector.failUpdates = false;
});

/** What the clicker sees in the invoke answer: the card's text, or the message. */
function seen(answer: HttpAnswer): string {
  const body = invokeBody(answer);
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? visibleText(body.value as never)
    : String(body.value);
}

describe('sync flow over HTTP: restify server, Graph simulator, fake Bot Connector', () => {
  it.each([
    ['full', 'fullSync', 'Full sync requested'],
    ['delta', 'deltaSync', 'Delta sync requested'],
  ])(
    '%s: card -> confirm -> exactly one %s POST with the bearer token -> the card shows the outcome, for everyone',
    async (mode, syncType, title) => {
      const { messageId, confirmationId, card } = await live.requestSync(`sync connector cas01 ${mode}`);
      expect(visibleText(card)).toContain('Sync this Exchange connector?');

      const answer = await live.execute(USERS.ada, 'sync.confirm', { verb: 'sync.confirm', confirmationId }, messageId);
      expect(answer.status).toBe(200);
      expect(invokeBody(answer).type).toBe('application/vnd.microsoft.card.adaptive');
      expect(seen(answer)).toContain(title);
      expect(live.sim.syncCalls()).toEqual([
        expect.objectContaining({ method: 'POST', syncType, bearerToken: LOCAL_TOKEN, status: 204 }),
      ]);
      expect(visibleText(cardIn(await live.updated(messageId, title)))).toContain('Requested by Ada Admin');
    },
  );

  it('every sync request leaves an audit record in the structured log and in storage (history)', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector exo full');
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    await expect
      .poll(() => live.logLines.some((line) => line.includes('"sync audit"') && line.includes(confirmationId)))
      .toBe(true);
    const audit = live.logLines
      .map((line) => JSON.parse(line) as { msg: string; audit?: Record<string, unknown> })
      .filter((line) => line.msg === 'sync audit')
      .at(-1)?.audit;
    expect(audit).toMatchObject({
      confirmationId,
      connectorName: 'EXO-Hosted',
      syncType: 'fullSync',
      confirmedBy: { id: USERS.ada.id, aadObjectId: USERS.ada.aadObjectId },
      outcome: 'requested',
      httpStatus: 204,
    });
    // The log names people by id only (it goes to Log Analytics); their names stay in the audit records (history).
    expect(JSON.stringify(audit)).not.toContain('Ada Admin');
    expect(String(audit?.graphRequestId)).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(async () => visibleText(cardIn((await live.say('history exo'))[0]))).toContain('Ada Admin');
  });

  it('double click, ten clicks at once: exactly one sync call', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 full');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0
          ? live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)
          : live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId }, messageId),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it('when the card message cannot be updated, the clicker still gets the outcome (and Submit gets a new message)', async () => {
    live.connector.failUpdates = 500;
    const first = await live.requestSync('sync connector cas01 delta');
    expect(
      seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId: first.confirmationId }, first.messageId)),
    ).toContain('Delta sync requested');
    const second = await live.requestSync('sync connector cas02 delta');
    const before = live.connector.calls.length;
    await live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId: second.confirmationId }, second.messageId);
    await expect
      .poll(() =>
        live.connector
          .since(before)
          .some((call) => call.kind !== 'update' && JSON.stringify(call.body).includes('Delta sync requested')),
      )
      .toBe(true);
    expect(live.sim.syncCalls()).toHaveLength(2);
  });

  it('cancel: no sync, and the card says who cancelled', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector exo delta');
    await live.submit(USERS.ada, { verb: 'sync.cancel', confirmationId }, messageId);
    expect(visibleText(cardIn(await live.updated(messageId, 'Cancelled')))).toContain('Cancelled by Ada Admin');
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('expired: no sync, and the card says so and offers to ask again', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.clock = new Date(Date.now() + 11 * 60_000);
    const answer = seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(answer).toContain('This confirmation expired');
    expect(answer).toContain('[Ask again]');
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it("another user's click in a group chat is refused: no sync, no card update", async () => {
    const [reply] = await live.say('<at>Connector Sync</at> sync connector cas01 full', USERS.ada, {
      conversation: GROUP_CHAT,
      entities: [MENTION],
    });
    const confirmationId = buttonsOf(cardIn(reply))[0]?.data.confirmationId;
    const before = live.connector.calls.length;
    const answer = await live.execute(USERS.ben, 'sync.confirm', { confirmationId }, reply?.id, GROUP_CHAT);
    expect(invokeBody(answer)).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only Ada Admin, who asked for this sync, can start or cancel it.',
    });
    await live.idle(); // nothing this click started is still on its way
    expect(live.connector.since(before)).toEqual([]);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it.each([
    ['an exact alias', 'sync connector CAS01 full', 'Sync this Exchange connector?'],
    ['a unique prefix', 'sync connector mun delta', 'Munich Exchange'],
    ['a quoted name with spaces', 'sync connector "munich exchange" full', 'Munich Exchange'],
    ['a server name', 'sync connector outlook.office365.com full', 'EXO-Hosted'],
    ['an ambiguous prefix', 'sync connector cas full', '2 connectors match'],
    ['an unknown name', 'sync connector cas9 full', 'Did you mean sync connector CAS01 full?'],
  ])('%s: %j', async (_name, text, expected) => {
    const [reply] = await live.say(text);
    expect(reply?.kind).toBe('reply');
    expect(visibleText(cardIn(reply))).toContain(expected);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('German locale: German card', async () => {
    const [reply] = await live.say('synchronisiere connector cas01 delta', USERS.ada, { locale: 'de-DE' });
    const text = visibleText(cardIn(reply));
    expect(text).toContain('Diesen Exchange-Connector synchronisieren?');
    // CAS01 was synced earlier in this file: the card says so, in German too, and offers to sync again anyway
    expect(text).toContain('[Trotzdem erneut synchronisieren] [Abbrechen]');
  });
});

describe('Graph failures reach the user as clear answers', () => {
  it.each([
    ['403 missing scope', simulatedErrors.missingScope(), 'Intune Administrator role', 1],
    ['403 missing role', simulatedErrors.missingRole(), 'Intune Administrator role', 1],
    ['400 bad request', simulatedErrors.badRequest('Invalid'), 'rejected the request as invalid', 1],
    ['429 asking for longer than the send budget', simulatedErrors.throttled(40), 'Intune asks to wait 40 s', 1],
    ['429 without Retry-After, three times', simulatedErrors.throttled(null), 'throttling', 3],
    ['503, three times', simulatedErrors.unavailable(503), 'temporarily unavailable', 3],
  ])('on confirm: %s', async (_name, error, words, attempts) => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', error, times: 3 });
    const card = seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(card).toContain('The sync was not requested');
    expect(card).toContain(words);
    expect(card).toMatch(/Graph request-id: [0-9a-f-]{36}/);
    expect(card).toContain('[Retry]');
    expect(live.sim.syncCalls()).toHaveLength(attempts); // resent only where Graph said it did not act
    expect(seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId))).toContain(
      'already handled',
    );
    expect(live.sim.syncCalls()).toHaveLength(attempts);
  });

  it('on confirm: a 504 is never resent; the card says the outcome is unknown and what to check', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.unavailable(504), times: 3 });
    const card = seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(card).toContain('Outcome unknown');
    expect(card).toContain('Graph did not confirm it');
    expect(card).toContain('status CAS01');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it('429 with Retry-After: 1, then success: one logical request after the wait, and the card says requested', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 delta');
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.throttled(1), times: 1 });
    const before = live.connector.calls.length;
    const answer = seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    // Waiting a second fits the send budget but not the answer: the card follows.
    expect(answer).toMatch(/Delta sync requested|Sending the sync request/);
    await live.updated(messageId, 'Delta sync requested');
    const [throttled, accepted] = live.sim.syncCalls();
    expect([throttled?.status, accepted?.status]).toEqual([429, 204]);
    expect(Date.parse(accepted!.at) - Date.parse(throttled!.at)).toBeGreaterThanOrEqual(1_000);
    expect(live.logs()).toContain('Graph asked to wait; retrying');
    expect(live.connector.since(before).length).toBeGreaterThan(0);
  });

  it('429 without Retry-After, then success: backs off and the card says requested', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 full');
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.throttled(null), times: 2 });
    expect(seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId))).toContain(
      'Full sync requested',
    );
    expect(live.sim.syncCalls().map((call) => call.status)).toEqual([429, 429, 204]);
  });

  it('on confirm: 404, the connector was removed after the card was sent', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 full');
    live.sim.setConnectors(seedConnectors().filter((connector) => connector.exchangeAlias !== 'CAS02'));
    expect(seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId))).toContain(
      'no longer exists',
    );
    expect(live.sim.syncCalls()).toEqual([expect.objectContaining({ status: 404 })]);
    live.sim.setConnectors(seedConnectors());
  });

  it('on confirm: a connection dropped after the request was sent is an unknown outcome, never resent', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', dropConnection: true, times: 1 });
    expect(seen(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId))).toContain(
      'Outcome unknown',
    );
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it.each([
    ['list connectors', simulatedErrors.missingRole(), 'refused to show the connectors'],
    ['sync connector cas01 full', simulatedErrors.throttled(25), 'Intune asks to wait 25 s'],
    ['status cas01', simulatedErrors.unavailable(), 'could not look the connectors up'],
  ])(
    'on %j: a friendly text about the look-up (nothing is said about syncing) with the request-id',
    async (text, error, words) => {
      live.sim.addFault({ operation: 'list', error, times: 3 });
      // A user the bot has not seen yet, so no cached connector list hides the failure.
      const newcomer = { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'New Admin' };
      const [reply] = await live.say(text, newcomer);
      expect(String(reply?.body.text)).toContain(words);
      expect(String(reply?.body.text)).not.toContain('synced');
      expect(String(reply?.body.text)).toMatch(/request-id: [0-9a-f-]{36}/);
    },
  );
});

describe('the server itself', () => {
  it('answers malformed and oversized bodies with 400 and 413, and keeps serving', async () => {
    expect((await live.postRaw('{not json')).status).toBe(400);
    expect((await live.postRaw('[1,2,3]')).status).toBe(400);
    expect((await live.postRaw(JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }))).status).toBe(413);
    const [reply] = await live.say('help');
    expect(visibleText(cardIn(reply))).toContain('I start syncs');
  });

  it('reports health and readiness', async () => {
    expect((await fetch(live.url.replace('/api/messages', '/healthz'))).status).toBe(200);
    const ready = await fetch(live.url.replace('/api/messages', '/readyz'));
    // Anybody may ask: the answer is the status alone (what failed, and why, goes to the log).
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('never logs the Graph token', () => {
    expect(live.logLines.length).toBeGreaterThan(10);
    expect(live.logs()).not.toContain(LOCAL_TOKEN);
  });
});

/** Memory storage whose writes under `prefix` wait until the test opens the gate. */
class GatedWrites extends MemoryBackend {
  private release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly prefix: string) {
    super();
  }
  open(): void {
    this.release();
  }
  override async putIfAbsent(
    ...args: Parameters<MemoryBackend['putIfAbsent']>
  ): ReturnType<MemoryBackend['putIfAbsent']> {
    if (args[0].startsWith(this.prefix)) await this.gate;
    return super.putIfAbsent(...args);
  }
  override async putIfMatch(...args: Parameters<MemoryBackend['putIfMatch']>): ReturnType<MemoryBackend['putIfMatch']> {
    if (args[0].startsWith(this.prefix)) await this.gate;
    return super.putIfMatch(...args);
  }
}

describe('the record a typed "cancel" reads', () => {
  it('is written after the reply: the card arrives while that write waits, and a later "cancel" finds the card', async () => {
    const storage = new GatedWrites('pending-cards/');
    const bot = await new LiveBot().start({}, { store: new Store(storage, { timeoutMs: 10_000 }) });
    try {
      const reply = bot.requestSync('sync connector cas01 full');
      // Before, the turn answered only once the record was stored: here that is never, until the gate opens.
      const early = await Promise.race([reply, new Promise<null>((resolve) => setTimeout(resolve, 5_000, null))]);
      storage.open();
      expect(early?.confirmationId).toMatch(/^[0-9a-f-]{36}$/);
      await bot.idle();
      const [said] = await bot.say('cancel');
      expect(String(said?.body.text)).toContain('Cancelled your full sync of CAS01. Nothing was synced.');
      await bot.updated(early?.messageId ?? '', 'Cancelled by Ada Admin');
    } finally {
      storage.open();
      await bot.stop();
    }
  });
});
