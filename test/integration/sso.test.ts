import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { FakeTokenService } from '../helpers/fakeTokenService';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import {
  GROUP_CHAT,
  LOCAL_TOKEN,
  LiveBot,
  MENTION,
  TENANT,
  USERS,
  cardIn,
  invokeBody,
  type User,
} from '../helpers/liveBot';
import type { ConnectorCall } from '../helpers/fakeConnector';

const CONNECTION = 'graph-sso';
const tokenService = new FakeTokenService();
const live = new LiveBot();
/** Every token this suite hands out: none may ever appear in a log line. */
const issued: string[] = [LOCAL_TOKEN];

beforeAll(async () => {
  await tokenService.start();
  await live.start({ OAUTH_CONNECTION_NAME: CONNECTION, OAuthUrl: tokenService.url });
});
afterAll(async () => {
  await live.stop();
  await tokenService.stop();
});
// No token ever reaches a log line: checked after every test, against the tokens that test issued (each test stands alone).
afterEach(() => {
  const logs = live.logs();
  for (const token of issued) expect(logs, 'a token in the log').not.toContain(token);
});
beforeEach(() => {
  live.sim.calls.length = 0;
  live.sim.clearFaults();
  tokenService.calls.length = 0;
  tokenService.userTokens.clear();
});

const json = (value: unknown): string => JSON.stringify(value);
const OAUTH = 'application/vnd.microsoft.card.oauth';

function oauthCardIn(
  calls: ConnectorCall[],
): { tokenExchangeResource?: unknown; buttons?: Array<{ value?: string }> } | undefined {
  for (const call of calls) {
    const attachment = (call.body.attachments as Array<{ contentType: string; content: never }> | undefined)?.find(
      (a) => a.contentType === OAUTH,
    );
    if (attachment) return attachment.content;
  }
  return undefined;
}

/** A fresh Teams SSO token that the token service will exchange for a fresh Graph token. */
function ssoFor(user: User): { sso: string; graph: string } {
  const sso = `sso-${user.name.split(' ')[0]}-${randomUUID()}`;
  const graph = `graph-${user.name.split(' ')[0]}-${randomUUID()}`;
  tokenService.ssoTokens.set(sso, graph);
  issued.push(sso, graph);
  return { sso, graph };
}

/** A user the bot has never seen, so no cached connector list hides a Graph call. */
function newUser(name: string): User {
  return { id: `29:1${randomUUID()}`, aadObjectId: randomUUID(), name };
}

function giveToken(user: User): string {
  const graph = `graph-${randomUUID()}`;
  tokenService.userTokens.set(`${user.id}|${CONNECTION}|msteams`, graph);
  issued.push(graph);
  return graph;
}

async function exchange(
  user: User,
  ssoToken: string,
  exchangeId: string,
  conversation?: Record<string, unknown>,
): Promise<{ status: number; body: unknown; sent: ConnectorCall[] }> {
  const before = live.connector.calls.length;
  const answer = await live.post(
    live.activity(
      user,
      {
        type: 'invoke',
        name: 'signin/tokenExchange',
        value: { id: exchangeId, connectionName: CONNECTION, token: ssoToken },
      },
      conversation,
    ),
  );
  return { ...answer, sent: live.connector.since(before) };
}

describe('Teams SSO (fake token service on loopback)', () => {
  it('personal chat without a token: OAuth card with exchange resource -> tokenExchange -> the command resumes -> confirm syncs with the exchanged token', async () => {
    const prompt = await live.say('sync connector cas01 full');
    expect(oauthCardIn(prompt)?.tokenExchangeResource).toMatchObject({
      uri: expect.stringMatching(/^api:\/\/botid-/) as unknown,
    });
    expect(live.sim.calls).toEqual([]);

    const { sso, graph } = ssoFor(USERS.ada);
    const exchanged = await exchange(USERS.ada, sso, randomUUID());
    expect(exchanged.status).toBe(200);
    const card = cardIn(exchanged.sent[0]);
    expect(json(card)).toContain('Sync this Exchange connector?');

    const confirmationId = buttonsOf(card).find((action) => action.data.verb === 'sync.confirm')?.data.confirmationId;
    const outcome = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }));
    expect(json(outcome.value)).toContain('Full sync requested');
    expect(live.sim.syncCalls()).toEqual([expect.objectContaining({ syncType: 'fullSync', bearerToken: graph })]);
  });

  it('the same exchange from two Teams clients is handled once; the second gets 200 and changes nothing', async () => {
    await live.say('list connectors', USERS.ada);
    const { sso } = ssoFor(USERS.ada);
    const id = randomUUID();
    const first = await exchange(USERS.ada, sso, id);
    const second = await exchange(USERS.ada, sso, id);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toBeUndefined();
    expect(first.sent).toHaveLength(1); // the resumed `list connectors`
    expect(second.sent).toEqual([]);
    expect(live.sim.calls.filter((call) => call.operation === 'list')).toHaveLength(1);
  });

  it('a failed exchange answers 412 so Teams shows the sign-in button; the magic code then resumes the command', async () => {
    const carl = newUser('Carl Client');
    await live.say('status cas02', carl);
    const failed = await exchange(carl, 'sso-token-the-service-rejects', randomUUID());
    expect(failed.status).toBe(412);
    expect(failed.body).toMatchObject({ connectionName: CONNECTION, failureDetail: expect.any(String) as unknown });

    const graph = `graph-magic-${randomUUID()}`;
    issued.push(graph);
    tokenService.magicCodes.set('123456', graph);
    const before = live.connector.calls.length;
    const verify = await live.post(
      live.activity(carl, { type: 'invoke', name: 'signin/verifyState', value: { state: '123456' } }),
    );
    expect(verify.status).toBe(200);
    expect(visibleText(cardIn(live.connector.since(before)[0]))).toContain('Exchange connector CAS02');
    // The resumed `status` finds the connector in the list and reads it fresh: both with the new token.
    expect(live.sim.calls.map((call) => call.operation)).toEqual(['list', 'get']);
    expect(new Set(live.sim.calls.map((call) => call.bearerToken))).toEqual(new Set([graph]));
  });

  it('channel: the OAuth card has no exchange resource (sign-in link only); a user with a token proceeds without a card', async () => {
    const channel = {
      id: '19:channel@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
      tenantId: TENANT,
    };
    const mention = {
      type: 'mention',
      mentioned: { id: '28:connector-sync-bot', name: 'Connector Sync' },
      text: '<at>Connector Sync</at>',
    };
    const before = live.connector.calls.length;
    await live.post(
      live.activity(
        USERS.ben,
        { type: 'message', text: '<at>Connector Sync</at> list connectors', entities: [mention] },
        channel,
      ),
    );
    const card = oauthCardIn(live.connector.since(before));
    expect(card).toBeDefined();
    expect(card?.tokenExchangeResource).toBeUndefined();
    expect(card?.buttons?.[0]?.value).toMatch(/^https:\/\//);

    const token = giveToken(USERS.ben);
    const after = live.connector.calls.length;
    await live.post(
      live.activity(
        USERS.ben,
        { type: 'message', text: '<at>Connector Sync</at> list connectors', entities: [mention] },
        channel,
      ),
    );
    expect(json(cardIn(live.connector.since(after)[0]))).toContain('4 Exchange connectors');
    expect(live.sim.calls.at(-1)?.bearerToken).toBe(token);
  });

  it("two users, two tokens: each Graph call carries the token of the user who acted; nobody acts on another's card", async () => {
    const dora = newUser('Dora Delta');
    const emil = newUser('Emil Exchange');
    const doraToken = giveToken(dora);
    const emilToken = giveToken(emil);
    const [card] = await live.say('<at>Connector Sync</at> sync connector exo delta', dora, {
      conversation: GROUP_CHAT,
      entities: [MENTION],
    });
    const confirmationId = buttonsOf(cardIn(card))[0]?.data.confirmationId;
    await live.say('<at>Connector Sync</at> list connectors', emil, { conversation: GROUP_CHAT, entities: [MENTION] });
    const refused = invokeBody(await live.execute(emil, 'sync.confirm', { confirmationId }, card?.id, GROUP_CHAT));
    expect(refused.value).toContain('Only Dora Delta');
    await live.execute(dora, 'sync.confirm', { confirmationId }, card?.id, GROUP_CHAT);
    expect(live.sim.calls.map((call) => [call.operation, call.bearerToken])).toEqual([
      ['list', doraToken],
      ['list', emilToken],
      ['sync', doraToken],
    ]);
  });

  it("Action.Execute without a token gets Teams' login request; with the SSO token Teams sends next, it proceeds", async () => {
    giveToken(USERS.ada);
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 delta', USERS.ada);
    tokenService.userTokens.clear();
    const login = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(login).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: { connectionName: CONNECTION },
    });
    expect(live.sim.syncCalls()).toEqual([]);

    const { sso, graph } = ssoFor(USERS.ada);
    const retried = await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId, undefined, {
      authentication: sso,
    });
    expect(json(invokeBody(retried).value)).toContain('Delta sync requested');
    expect(live.sim.syncCalls()).toEqual([expect.objectContaining({ bearerToken: graph })]);
  });

  it('Action.Submit without a token: a sign-in card and nothing changed; after sign-in the click runs by itself and syncs once', async () => {
    giveToken(USERS.ada);
    const { confirmationId, messageId } = await live.requestSync('sync connector exo full', USERS.ada);
    tokenService.userTokens.clear();
    const before = live.connector.calls.length;
    await live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId }, messageId);
    expect(oauthCardIn(live.connector.since(before))?.tokenExchangeResource).toBeDefined();
    expect(live.sim.syncCalls()).toEqual([]);

    const { sso, graph } = ssoFor(USERS.ada);
    expect((await exchange(USERS.ada, sso, randomUUID())).status).toBe(200);
    await live.updated(messageId, 'Full sync requested');
    expect(live.sim.syncCalls()).toEqual([expect.objectContaining({ syncType: 'fullSync', bearerToken: graph })]);
  });

  it('Graph 401: one sign-out and one new sign-in prompt; a second 401 after signing in is explained, not looped', async () => {
    giveToken(USERS.ada);
    live.sim.addFault({ operation: 'list', error: simulatedErrors.expiredToken(), times: 2 });
    const prompt = await live.say('list connectors', USERS.ada);
    expect(oauthCardIn(prompt)).toBeDefined();
    expect(tokenService.callsTo('/api/usertoken/SignOut')).toHaveLength(1);

    const { sso } = ssoFor(USERS.ada);
    const resumed = await exchange(USERS.ada, sso, randomUUID());
    expect(resumed.sent.map((call) => call.body.text)).toEqual([expect.stringContaining('still refuses')]);
    expect(oauthCardIn(resumed.sent)).toBeUndefined();
    expect(tokenService.callsTo('/api/usertoken/SignOut')).toHaveLength(1);
  });

  it("a 401 on confirm uses nothing up: sign-out, Teams' login request, the card says so, and the same card then syncs", async () => {
    giveToken(USERS.ada);
    // Munich Exchange: no other test here syncs it, so its card has no cooldown line whatever ran before.
    const { confirmationId, messageId } = await live.requestSync('sync connector munich full', USERS.ada);
    live.sim.addFault({ operation: 'sync', error: simulatedErrors.expiredToken(), times: 1 });
    const login = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(login).toMatchObject({ statusCode: 401, type: 'application/vnd.microsoft.activity.loginRequest' });
    expect(tokenService.callsTo('/api/usertoken/SignOut')).toHaveLength(1);
    expect(visibleText(cardIn(await live.updated(messageId, 'sign-in had expired')))).toContain('[Start full sync]');

    const { sso, graph } = ssoFor(USERS.ada);
    const retried = await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId, undefined, {
      authentication: sso,
    });
    expect(json(invokeBody(retried).value)).toContain('Full sync requested');
    expect(live.sim.syncCalls().map((call) => [call.status, call.bearerToken === graph])).toEqual([
      [401, false],
      [204, true],
    ]);
  });

  it("Universal Actions errors in Microsoft's shapes: a failed SSO exchange is 412 and changes nothing; a wrong magic code is 401", async () => {
    giveToken(USERS.ada);
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 full', USERS.ada);
    tokenService.userTokens.clear();
    const click = (value: Record<string, unknown>) =>
      live.post(
        live.activity(USERS.ada, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: messageId,
          value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: { confirmationId } }, ...value },
        }),
      );
    const failed = await click({ authentication: { token: 'sso-the-service-rejects' } });
    expect(failed.status).toBe(200);
    expect(invokeBody(failed)).toMatchObject({
      statusCode: 412,
      type: 'application/vnd.microsoft.error.preconditionFailed',
      value: { code: 'PreconditionFailed' },
    });
    expect(invokeBody(await click({ state: '000000' }))).toEqual({
      statusCode: 401,
      type: 'application/vnd.microsoft.error.invalidAuthCode',
    });
    expect(live.sim.syncCalls()).toEqual([]);

    const magic = `graph-${randomUUID()}`;
    issued.push(magic);
    tokenService.magicCodes.set('424242', magic);
    expect(json(invokeBody(await click({ state: '424242' })).value)).toContain('Full sync requested');
  });

  it('logout signs the user out at the token service and says so', async () => {
    giveToken(USERS.ada);
    const [reply] = await live.say('logout', USERS.ada);
    expect(reply?.body.text).toContain('You are signed out');
    expect(tokenService.callsTo('/api/usertoken/SignOut')).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        query: expect.objectContaining({ userId: USERS.ada.id, connectionName: CONNECTION }) as unknown,
      }),
    ]);
    const [german] = await live.say('abmelden', USERS.ada, { locale: 'de-DE' });
    expect(german?.body.text).toContain('Sie sind abgemeldet');
  });

  it('signin/failure with resourcematchfailed tells the admin what the Application ID URI must be', async () => {
    const before = live.connector.calls.length;
    const failure = live.activity(USERS.ada, {
      type: 'invoke',
      name: 'signin/failure',
      value: { code: 'resourcematchfailed', message: 'x' },
    });
    const answer = await live.post(failure);
    expect(answer.status).toBe(200);
    // The answer to this activity (work an earlier test left may post meanwhile).
    const reply = live.connector.since(before).find((call) => call.activityId === failure.id);
    expect(String(reply?.body.text)).toContain('/botid-<app id>');
  });
});

describe('a late 401 (after the "Sending…" card)', () => {
  const slow = new LiveBot();
  beforeAll(() =>
    slow.start({ OAUTH_CONNECTION_NAME: CONNECTION, OAuthUrl: tokenService.url, CARD_ANSWER_DEADLINE_MS: '200' }),
  );
  afterAll(() => slow.stop());

  it('reaches the card (pending again, nothing synced) and asks the user to sign in again', async () => {
    const user = newUser('Lena Late');
    giveToken(user);
    const { confirmationId, messageId } = await slow.requestSync('sync connector cas01 full', user);
    slow.sim.addFault({ operation: 'sync', delayMs: 500, error: simulatedErrors.expiredToken(), times: 1 });
    const before = slow.connector.calls.length;
    expect(json(invokeBody(await slow.execute(user, 'sync.confirm', { confirmationId }, messageId)).value)).toContain(
      'Sending the sync request',
    );
    expect(visibleText(cardIn(await slow.updated(messageId, 'sign-in had expired')))).toContain('Start full sync');
    await expect.poll(() => oauthCardIn(slow.connector.since(before))).toBeDefined();
    expect(tokenService.callsTo('/api/usertoken/SignOut').some((call) => call.query.userId === user.id)).toBe(true);
  });
});
