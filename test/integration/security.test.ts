import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedConnectors } from '../../src/simulator/seed';
import { buttonsOf, liveLinksIn, markdownTexts, visibleText } from '../helpers/cardChecks';
import { GROUP_CHAT, LiveBot, MENTION, TENANT, USERS, cardIn, invokeBody, personalChat } from '../helpers/liveBot';

const live = new LiveBot();
beforeAll(() => live.start({ ALLOWED_TENANT_IDS: `${TENANT.toUpperCase()}, 11111111-1111-1111-1111-111111111111` }));
afterAll(() => live.stop());
beforeEach(() => {
  live.sim.calls.length = 0;
  live.sim.setConnectors(seedConnectors());
});

const inGroup = { conversation: GROUP_CHAT, entities: [MENTION] };

describe('ALLOWED_TENANT_IDS', () => {
  it('serves the allowed tenant (case-insensitive)', async () => {
    const [reply] = await live.say('list connectors');
    expect(visibleText(cardIn(reply))).toContain('Exchange connectors');
  });

  it('refuses another tenant with nothing done: no reply, no Graph call, invokes get 403', async () => {
    const stranger = { channelData: { tenant: { id: 'ffffffff-0000-0000-0000-000000000000' } } };
    const before = live.connector.calls.length;
    const message = await live.post(
      live.activity(USERS.ada, { type: 'message', text: 'sync connector cas01 full', ...stranger }),
    );
    expect(message.status).toBe(200);
    const invoke = await live.post(
      live.activity(USERS.ada, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: { confirmationId: 'x' } } },
        ...stranger,
      }),
    );
    expect(invoke.status).toBe(403);
    expect(live.connector.since(before)).toEqual([]);
    expect(live.sim.calls).toEqual([]);
    expect(live.logs()).toContain('activity from a tenant that is not allowed');
  });

  it('refuses an activity that names no tenant at all, and says why in the log', async () => {
    const before = live.connector.calls.length;
    await live.post(
      live.activity(USERS.ada, { type: 'message', text: 'help', channelData: {}, conversation: { id: 'a:notenant' } }),
    );
    expect(live.connector.since(before)).toEqual([]);
    expect(live.logs()).toMatch(/"tenant":null[^\n]*activity from a tenant that is not allowed/);
  });
});

describe('every button acts for the person who clicks, and only where it was shown', () => {
  it.each([
    ['the chooser', 'sync connector cas01', 'Start full sync'],
    ['the status card', 'status cas01', 'Start delta sync'],
    ['the list', 'list connectors', 'Sync…'],
  ])(
    "%s: Ben's click on Ada's card never changes it; Ben gets his own card in a new message",
    async (_name, command, title) => {
      const [reply] = await live.say(`<at>Connector Sync</at> ${command}`, USERS.ada, inGroup);
      const data = buttonsOf(cardIn(reply)).find((button) => button.title === title)?.data ?? {};
      const before = live.connector.calls.length;
      await live.submit(USERS.ben, data, reply!.id, GROUP_CHAT);
      await expect.poll(() => live.connector.since(before).some((call) => call.kind !== 'update')).toBe(true);
      await live.idle();
      expect(live.connector.updatesOf(reply!.id)).toEqual([]);
      const own = live.connector.since(before).find((call) => call.kind !== 'update');
      expect(visibleText(cardIn(own))).not.toContain('Asked by Ada');
    },
  );

  it.each([
    ['the chooser', 'sync connector cas01', 'Start full sync'],
    ['the list', 'list connectors', 'Show more'],
  ])(
    "%s: a forged click that names the clicker as owner (and in place) still never changes another member's card",
    async (_name, command, title) => {
      const many = Array.from({ length: 12 }, (_, index) => ({
        ...seedConnectors()[0]!,
        id: `c-${index}`,
        exchangeAlias: `EX${index}`,
      }));
      if (title === 'Show more') live.sim.setConnectors(many);
      const [reply] = await live.say(`<at>Connector Sync</at> ${command}`, USERS.ada, inGroup);
      const data = buttonsOf(cardIn(reply)).find((button) => button.title === title)?.data ?? {};
      expect(data.owner).toBeDefined();
      const forged = { ...data, owner: USERS.ben.aadObjectId, inPlace: '1' };
      const before = live.connector.calls.length;
      await live.submit(USERS.ben, forged, reply!.id, GROUP_CHAT);
      await expect.poll(() => live.connector.since(before).some((call) => call.kind !== 'update')).toBe(true);
      await live.idle();
      expect(live.connector.updatesOf(reply!.id)).toEqual([]);
      // Leave Ada's cached connector list as the other tests expect it (a list is always read fresh, and cached).
      live.sim.setConnectors(seedConnectors());
      await live.say('list connectors');
    },
  );

  it("the owner's own click on a chooser replaces it with the confirmation", async () => {
    const [reply] = await live.say('<at>Connector Sync</at> sync connector cas01', USERS.ada, inGroup);
    const data = buttonsOf(cardIn(reply)).find((button) => button.title === 'Start full sync')?.data ?? {};
    await live.submit(USERS.ada, data, reply!.id, GROUP_CHAT);

    expect(visibleText(cardIn(await live.updated(reply!.id, 'Sync this Exchange connector?')))).toContain(
      'Asked by Ada Admin',
    );
  });

  it("a confirmation is bound to the conversation it was shown in: Ada's personal-chat card, clicked from a group chat, is refused and unchanged", async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 delta');
    const answer = invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId, GROUP_CHAT));
    expect(String(answer.value)).toContain('belongs to a card in another chat');
    expect(live.sim.syncCalls()).toEqual([]);
    expect(live.connector.updatesOf(messageId)).toEqual([]);
    expect(visibleText(cardIn((await live.say('status cas02'))[0]))).toContain('CAS02');
    const mine = invokeBody(
      await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId, personalChat(USERS.ada)),
    );
    expect(JSON.stringify(mine.value)).toContain('Delta sync requested');
  });
});

describe('a refresh (Universal Actions) shows a confirmation only where it belongs', () => {
  it('only in the chat it was made in, and only to its own tenant', async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 delta');
    const refresh = { type: 'Action.Execute', verb: 'sync.refresh', data: { confirmationId } };
    const fromGroup = invokeBody(
      await live.execute(USERS.ben, 'sync.refresh', { confirmationId }, messageId, GROUP_CHAT),
    );
    const otherTenant = '11111111-1111-1111-1111-111111111111';
    const fromOtherTenant = invokeBody(
      await live.post(
        live.activity(
          USERS.ada,
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: refresh, trigger: 'automatic' },
            replyToId: messageId,
            channelData: { tenant: { id: otherTenant } },
          },
          { ...personalChat(USERS.ada), tenantId: otherTenant },
        ),
      ),
    );
    for (const answer of [fromGroup, fromOtherTenant]) {
      expect(JSON.stringify(answer)).not.toMatch(/CAS02|Delta sync|cas02\.contoso/i);
      expect(String(answer.value)).toContain('can no longer find this confirmation');
    }
    const own = invokeBody(await live.execute(USERS.ada, 'sync.refresh', { confirmationId }, messageId));
    expect(JSON.stringify(own.value)).toContain('CAS02');
  });
});

describe('untrusted text is shown as text', () => {
  it('a link typed by a user is echoed inert, and at most about 60 characters of it (cards and chat text)', async () => {
    const [card] = await live.say(`what about [click](http://evil.example) ${'x'.repeat(10_000)}`);
    expect(markdownTexts(cardIn(card)).flatMap(liveLinksIn)).toEqual([]);
    expect(JSON.stringify(cardIn(card)).length).toBeLessThan(8_000);
    expect(visibleText(cardIn(card))).toMatch(/“[^”]{1,60}…”/);

    // One word where the sync type goes, that is none (a link, and a long one): echoed, inert and cut, before the choice.
    const [text] = await live.say(`sync connector cas01 [click](http://evil.example)${'y'.repeat(10_000)}`);
    const said = String(text?.body.text);
    expect(liveLinksIn(said)).toEqual([]);
    expect(said).toContain('&#91;click&#93;&#40;http:\u2060//evil.example');
    expect(said.length).toBeLessThan(400);
  });

  it('Graph values with markdown are inert on every card, and read exactly as Graph has them', async () => {
    const [cas01] = seedConnectors();
    live.sim.setConnectors([
      {
        ...cas01!,
        exchangeAlias: 'Contoso-HQ',
        serverName: '[Re-authenticate here](https://evil.example/login)',
        version: '**Approved**',
      },
    ]);
    const user = { id: '29:1mallory', aadObjectId: 'aad-mallory', name: '[Mallory](https://evil.example)' };
    for (const command of [
      'list connectors',
      'status contoso-hq',
      'sync connector contoso-hq full',
      'sync connector contoso-hq',
      'sync connector nothing-like-it full',
    ]) {
      const [reply] = await live.say(command, user);
      const card = cardIn(reply);
      expect(markdownTexts(card).flatMap(liveLinksIn), command).toEqual([]);
    }
    const [status] = await live.say('status contoso-hq', user);
    expect(visibleText(cardIn(status))).toContain('Server: [Re-authenticate here](https://evil.example/login)');
    expect(visibleText(cardIn(status))).toContain('Contoso-HQ');
  });

  it('one connector with a status, type or field the bot does not know never breaks the list', async () => {
    const [cas01] = seedConnectors();
    live.sim.setConnectors([{ id: 'odd', status: 'degraded', exchangeConnectorType: 'cloud' } as never, cas01!]);
    const [reply] = await live.say('list connectors', { id: '29:1odd', aadObjectId: 'aad-odd', name: 'Odd' });
    const text = visibleText(cardIn(reply));
    expect(text).toContain('degraded');
    expect(text).toContain('CAS01');
  });
});
