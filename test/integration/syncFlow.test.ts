import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { seedConnectors } from '../../src/simulator/seed';
import { LOCAL_TOKEN, LiveBot, TENANT, USERS, cardIn, invokeBody } from '../helpers/liveBot';

const live = new LiveBot();
beforeAll(() => live.start());
afterAll(() => live.stop());
beforeEach(() => {
  live.sim.calls.length = 0;
  live.sim.clearFaults();
  live.clock = null;
});

const json = (value: unknown): string => JSON.stringify(value);

describe('sync flow over HTTP: restify server, Graph simulator, fake Bot Connector', () => {
  it.each([
    ['full', 'fullSync', 'Full sync requested'],
    ['delta', 'deltaSync', 'Delta sync requested'],
  ])('%s: card -> confirm -> exactly one %s POST with the bearer token -> the card shows the outcome', async (mode, syncType, title) => {
    const { messageId, confirmationId, card } = await live.requestSync(`sync connector cas01 ${mode}`);
    expect(json(card)).toContain('Sync this Exchange connector?');

    const before = live.connector.calls.length;
    const answer = await live.execute(USERS.ada, 'sync.confirm', { verb: 'sync.confirm', confirmationId }, messageId);
    expect(answer.status).toBe(200);
    const body = invokeBody(answer);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(json(body.value)).toContain(title);

    expect(live.sim.syncCalls()).toEqual([
      expect.objectContaining({ method: 'POST', syncType, bearerToken: LOCAL_TOKEN, status: 204 }),
    ]);
    const [update] = live.connector.since(before);
    expect(update).toMatchObject({ kind: 'update', activityId: messageId });
    expect(json(cardIn(update))).toContain(title);
  });

  it('every sync request leaves an audit record in the structured log and in storage (history)', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector exo full');
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    const audit = live.logLines
      .map((line) => JSON.parse(line) as { msg: string; audit?: Record<string, unknown> })
      .filter((line) => line.msg === 'sync audit')
      .at(-1)?.audit;
    expect(audit).toMatchObject({
      confirmationId,
      connectorName: 'EXO-Hosted',
      syncType: 'fullSync',
      confirmedBy: { aadObjectId: USERS.ada.aadObjectId, name: 'Ada Admin' },
      tenantId: TENANT,
      outcome: 'requested',
      httpStatus: 204,
    });
    expect(String(audit?.graphRequestId)).toMatch(/^[0-9a-f-]{36}$/);
    const [history] = await live.say('history exo');
    expect(json(cardIn(history))).toContain('Ada Admin');
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
    live.connector.failUpdates = true;
    try {
      const first = await live.requestSync('sync connector cas01 delta');
      const body = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId: first.confirmationId }, first.messageId));
      expect(json(body.value)).toContain('Delta sync requested');
      const second = await live.requestSync('sync connector cas02 delta');
      const before = live.connector.calls.length;
      await live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId: second.confirmationId }, second.messageId);
      const sent = live.connector.since(before).filter((call) => call.kind !== 'update');
      expect(json(cardIn(sent[0]))).toContain('Delta sync requested');
      expect(live.sim.syncCalls()).toHaveLength(2);
    } finally {
      live.connector.failUpdates = false;
    }
  });

  it('cancel: no sync, and the card says who cancelled', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector exo delta');
    const before = live.connector.calls.length;
    await live.submit(USERS.ada, { verb: 'sync.cancel', confirmationId }, messageId);
    expect(json(cardIn(live.connector.since(before)[0]))).toContain('Cancelled by Ada Admin');
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('expired: no sync, and the card says so', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.clock = new Date(Date.now() + 11 * 60_000);
    const body = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(json(body.value)).toContain('This confirmation expired');
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('another user\'s click is refused: no sync, no card update', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    const before = live.connector.calls.length;
    const body = invokeBody(await live.execute(USERS.ben, 'sync.confirm', { confirmationId }, messageId));
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toBe('Only Ada Admin, who asked for this sync, can start or cancel it.');
    expect(live.connector.since(before)).toEqual([]);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it.each([
    ['an exact alias', 'sync connector CAS01 full', 'Sync this Exchange connector?'],
    ['a unique prefix', 'sync connector mun delta', 'Munich Exchange'],
    ['a quoted name with spaces', 'sync connector "munich exchange" full', 'Munich Exchange'],
    ['a server name', 'sync connector outlook.office365.com full', 'EXO-Hosted'],
    ['an ambiguous prefix', 'sync connector cas full', '2 connectors match'],
    ['an unknown name', 'sync connector cas9 full', 'Did you mean **CAS01**?'],
  ])('%s: %j', async (_name, text, expected) => {
    const [reply] = await live.say(text);
    expect(reply?.kind).toBe('reply');
    expect(json(cardIn(reply))).toContain(expected);
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('German locale: German card', async () => {
    const [reply] = await live.say('synchronisiere connector cas01 delta', USERS.ada, { locale: 'de-DE' });
    expect(json(cardIn(reply))).toContain('Delta synchronisieren');
  });
});

describe('Graph failures reach the user as clear answers', () => {
  it.each([
    ['401 expired token', simulatedErrors.expiredToken(), 'Sign in again', 1],
    ['403 missing scope', simulatedErrors.missingScope(), 'Intune Administrator role', 1],
    ['403 missing role', simulatedErrors.missingRole(), 'Intune Administrator role', 1],
    ['400 bad request', simulatedErrors.badRequest('Invalid'), 'rejected the request as invalid', 1],
    ['429 asking for longer than the retry budget', simulatedErrors.throttled(30), 'Intune asks to wait 30 s', 1],
    ['429 without Retry-After, three times', simulatedErrors.throttled(null), 'throttling', 3],
    ['503, three times', simulatedErrors.unavailable(503), 'temporarily unavailable', 3],
    ['504, three times', simulatedErrors.unavailable(504), 'temporarily unavailable', 3],
  ])('on confirm: %s', async (_name, error, words, attempts) => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', error, times: 3 });
    const card = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(card).toContain('The sync was not requested');
    expect(card).toContain(words);
    expect(card).toMatch(/Graph request-id: [0-9a-f-]{36}/);
    expect(live.sim.syncCalls()).toHaveLength(attempts); // retried only where Graph did not act on the request
    const again = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(again).toContain('already handled');
    expect(live.sim.syncCalls()).toHaveLength(attempts);
  });

  it('429 with Retry-After: 1, then success: one logical request after the wait, and the card says requested', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 delta');
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.throttled(1), times: 1 });
    const card = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(card).toContain('Delta sync requested');
    const [throttled, accepted] = live.sim.syncCalls();
    expect([throttled?.status, accepted?.status]).toEqual([429, 204]);
    expect(Date.parse(accepted!.at) - Date.parse(throttled!.at)).toBeGreaterThanOrEqual(1_000);
    expect(live.logs()).toContain('Graph asked to wait; retrying');
  });

  it('429 without Retry-After, then success: backs off and the card says requested', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 full');
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.throttled(null), times: 2 });
    const card = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(card).toContain('Full sync requested');
    expect(live.sim.syncCalls().map((call) => call.status)).toEqual([429, 429, 204]);
  });

  it('on confirm: 404, the connector was removed after the card was sent', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas02 full');
    const remaining = seedConnectors().filter((connector) => connector.exchangeAlias !== 'CAS02');
    live.sim.setConnectors(remaining);
    const card = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(card).toContain('no longer exists');
    expect(live.sim.syncCalls()).toEqual([expect.objectContaining({ status: 404 })]);
    live.sim.setConnectors(seedConnectors());
  });

  it('on confirm: Graph unreachable', async () => {
    const { messageId, confirmationId } = await live.requestSync('sync connector cas01 full');
    live.sim.addFault({ operation: 'sync', dropConnection: true, times: 1 });
    const card = json(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value);
    expect(card).toContain('could not be reached');
  });

  it.each([
    ['list connectors', simulatedErrors.missingRole(), 'Intune Administrator role'],
    ['sync connector cas01 full', simulatedErrors.throttled(25), 'Intune asks to wait 25 s'],
    ['status cas01', simulatedErrors.unavailable(), 'temporarily unavailable'],
  ])('on %j: a friendly text with the request-id', async (text, error, words) => {
    live.sim.addFault({ operation: 'list', error, times: 3 });
    // A user the bot has not seen yet, so no cached connector list hides the failure.
    const newcomer = { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name: 'New Admin' };
    const [reply] = await live.say(text, newcomer);
    expect(String(reply?.body.text)).toContain(words);
    expect(String(reply?.body.text)).toMatch(/request-id: [0-9a-f-]{36}/);
  });
});

describe('the server itself', () => {
  it('answers malformed and oversized bodies with 400 and 413, and keeps serving', async () => {
    expect((await live.postRaw('{not json')).status).toBe(400);
    expect((await live.postRaw('[1,2,3]')).status).toBe(400);
    expect((await live.postRaw(JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }))).status).toBe(413);
    const [reply] = await live.say('help');
    expect(json(cardIn(reply))).toContain('I start syncs');
  });

  it('reports health', async () => {
    const response = await fetch(live.url.replace('/api/messages', '/healthz'));
    expect(response.status).toBe(200);
  });

  it('never logs the Graph token', () => {
    expect(live.logLines.length).toBeGreaterThan(10);
    expect(live.logs()).not.toContain(LOCAL_TOKEN);
  });
});
