import { describe, expect, it } from 'vitest';
import { ADA, BOT, actionData, cardOf, textOf, useBotHarness } from '../helpers/botHarness';

const bot = useBotHarness();

describe('typed commands (TestAdapter)', () => {
  it('answers help with what it can do', async () => {
    const { replies } = await bot.say('help');
    expect(textOf(cardOf(replies[0]))).toContain('sync connector CAS01 full');
  });

  it('answers text it does not understand with help and a "did you mean"', async () => {
    const { replies } = await bot.say('snyc cas01');
    const card = textOf(cardOf(replies[0]));
    expect(card).toContain('did not understand');
    expect(card).toContain('Did you mean sync connector cas01?');
  });

  it('lists connectors with status, server and last sync', async () => {
    const { replies } = await bot.say('list connectors');
    const card = textOf(cardOf(replies[0]));
    for (const text of ['4 Exchange connectors', 'CAS01', 'Disconnected', 'outlook.office365.com', 'never']) {
      expect(card).toContain(text);
    }
  });

  it("shows one connector's status with buttons to start either sync", async () => {
    const card = cardOf((await bot.say('status mun')).replies[0]);
    expect(textOf(card)).toContain('Munich Exchange');
    expect(textOf(card)).toContain('Connection pending');
    expect(actionData(card, 'Start full sync')).toMatchObject({ verb: 'sync.prepare', syncType: 'fullSync' });
  });

  it('history shows the last sync requests for a connector, newest first, with who and the outcome', async () => {
    const before = textOf(cardOf((await bot.say('history mun')).replies[0]));
    expect(before).toContain('No sync has been requested');
    for (const mode of ['full', 'delta']) {
      const card = cardOf((await bot.say(`sync connector mun ${mode}`)).replies[0]);
      await bot.execute('sync.confirm', { confirmationId: actionData(card, 'Cancel').confirmationId });
    }
    const history = cardOf((await bot.say('history "Munich Exchange"')).replies[0]);
    const rows = history.body.slice(1).map((line) => textOf(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Delta sync');
    expect(rows[0]).toContain('Ada Admin');
    expect(rows[0]).toContain('Requested');
    expect(rows[1]).toContain('Full sync');
    expect(textOf(cardOf((await bot.say('verlauf mun', { locale: 'de-DE' })).replies[0]))).toContain(
      'Letzte Synchronisierungsanfragen',
    );
  });

  it('replies in German to a German Teams client', async () => {
    const { replies } = await bot.say('synchronisiere connector cas01 vollständig', { locale: 'de-DE' });
    const card = textOf(cardOf(replies[0]));
    expect(card).toContain('Diesen Exchange-Connector synchronisieren?');
    expect(card).toContain('Vollständig synchronisieren');
  });

  it('offers full and delta when the mode is missing', async () => {
    const card = cardOf((await bot.say('sync connector cas01')).replies[0]);
    expect(textOf(card)).toContain('Which sync for CAS01?');
    expect(actionData(card, 'Start delta sync')).toMatchObject({ verb: 'sync.prepare', syncType: 'deltaSync' });
  });

  it('lists the candidates of an ambiguous name, each with its own buttons', async () => {
    const card = cardOf((await bot.say('sync connector cas full')).replies[0]);
    expect(textOf(card)).toContain('2 connectors match “cas”');
  });

  it('answers an unknown connector with the known ones and a "did you mean"', async () => {
    const card = textOf(cardOf((await bot.say('sync connector cas1 full')).replies[0]));
    expect(card).toContain('I found no Exchange connector called “cas1”');
    expect(card).toContain('Did you mean sync connector CAS01 full?');
    expect(card).toContain('EXO-Hosted');
  });

  it.each([
    ['sync connector', 'Which connector?'],
    ['sync connector cas01 sometimes', 'is not a sync type'],
  ])('explains %j and changes nothing', async (text, answer) => {
    const syncsBefore = bot.sim.syncCalls().length;
    const { replies } = await bot.say(text);
    expect(replies[0]?.text).toContain(answer);
    expect(bot.sim.syncCalls()).toHaveLength(syncsBefore);
  });

  it('a stray word beside a connector and a type changes nothing: the confirmation card names both before anything syncs', async () => {
    const syncsBefore = bot.sim.syncCalls().length;
    const card = textOf(cardOf((await bot.say('sync connector cas01 xyz full')).replies[0]));
    expect(card).toContain('Sync this Exchange connector?');
    expect(card).toContain('Connector: CAS01');
    expect(card).toContain('[Start full sync]');
    expect(bot.sim.syncCalls()).toHaveLength(syncsBefore);
  });

  it('ignores group chat messages that do not mention it, and answers those that do', async () => {
    const group = {
      conversation: { id: '19:group@thread.v2', name: 'Ops', conversationType: 'groupChat', isGroup: true },
    };
    expect((await bot.say('list connectors', group)).replies).toEqual([]);
    const mention = { type: 'mention', mentioned: BOT, text: '<at>Connector Sync</at>' };
    const { replies } = await bot.say('<at>Connector Sync</at> list connectors', { ...group, entities: [mention] });
    expect(textOf(cardOf(replies[0]))).toContain('4 Exchange connectors');
  });

  it('introduces itself when it is added to a conversation', async () => {
    const { replies } = await bot.send({ type: 'conversationUpdate', membersAdded: [BOT, ADA] });
    expect(textOf(cardOf(replies[0]))).toContain('I start syncs');
  });

  it('answers unknown invokes with 501', async () => {
    const { invoke } = await bot.send({ type: 'invoke', name: 'composeExtension/query', value: {} });
    expect(invoke?.status).toBe(501);
  });
});
