import { describe, expect, it } from 'vitest';
import { actionData, cardOf, textOf, useBotHarness } from '../helpers/botHarness';

/**
 * The conversation as a new admin has it, in English and German: everyday phrasings, typos, small talk. Each row is
 * what someone types and the words the answer must carry (card text and buttons, or chat text).
 */
const bot = useBotHarness();

/** Everything the bot said in answer, as a reader sees it: chat text and cards, in order. Each row in its own chat. */
async function answer(text: string, locale: 'en-US' | 'de-DE', chat = `a:${locale}:${text}`): Promise<string> {
  const { replies } = await bot.say(text, {
    locale,
    conversation: { id: chat, conversationType: 'personal', isGroup: false, name: '' },
  });
  return replies
    .map((reply) => (reply.attachments?.length ? textOf(cardOf(reply)) : String(reply.text)))
    .join('\n---\n');
}

type Row = [text: string, words: string[], absent?: string[]];
const ROWS: Record<'en-US' | 'de-DE', Row[]> = {
  'en-US': [
    [
      'please sync the exchange connector cas01 fully',
      ['Sync this Exchange connector?', 'Connector: CAS01', 'Full sync', '[Start full sync]'],
    ],
    ['delta sync for munich', ['Sync this Exchange connector?', 'Munich Exchange', '[Start delta sync]']],
    ['sync the munich connector', ['Which sync for Munich Exchange?', '[Start full sync]', '[Start delta sync]']],
    ['force sync CAS01', ['Which sync for CAS01?']],
    ['sync connector CAS01 full please', ['Sync this Exchange connector?', '[Start full sync]']],
    ['sync connector CAS01 full now!', ['Sync this Exchange connector?', '[Start full sync]']],
    ['full sync CAS01', ['Connector: CAS01', '[Start full sync]']],
    ['delta sync CAS01', ['Connector: CAS01', '[Start delta sync]']],
    ['CAS01 full sync', ['Connector: CAS01', '[Start full sync]']],
    ['🔄 sync CAS01 full', ['Connector: CAS01', '[Start full sync]']],
    ['sync connector Munich Exchange full', ['Connector: Munich Exchange', '[Start full sync]']],
    ['sync conector CSA01 ful', ['Did you mean sync connector CAS01 full?', '[Start full sync]', '[Start delta sync]']],
    ['sync all connectors', ['one connector at a time', '4 Exchange connectors', '[Sync…]']],
    ['sync all', ['one connector at a time', '[Sync…]']],
    ['sync connector CAS01 CAS02 full', ['One sync at a time', 'CAS01', 'CAS02', '[Start full sync]']],
    ['sync connector cas01 sometimes', ['“sometimes” is not a sync type', 'full', 'delta']],
    ['list connectors', ['4 Exchange connectors', 'CAS01', 'Disconnected', '[Status]', '[Sync…]']],
    ['show CAS02', ['Exchange connector CAS02', '[History]']],
    ['status of munich', ['Exchange connector Munich Exchange', 'Connection pending']],
    ['history cas01', ['Last sync requests for CAS01']],
    ['thanks', ['You are welcome']],
    ['hi', ['Hi!', 'sync connector CAS01 full', 'list connectors']],
    ['cancel', ['Nothing to cancel']],
    ['help', ['I start syncs', 'sync connector CAS01 full', 'list connectors', 'history CAS01']],
    ['what is the weather', ['Sorry, I did not understand', 'I start syncs']],
    // Everyday requests: a verb of doing, a connector, maybe a type; fillers change nothing.
    ['kick off a delta on cas01', ['Sync this Exchange connector?', 'Connector: CAS01', '[Start delta sync]']],
    ['trigger a full sync for the Munich connector', ['Connector: Munich Exchange', '[Start full sync]']],
    ['pls full sync cas01 asap', ['Connector: CAS01', '[Start full sync]']],
    ['could you run a quick sync on EXO-Hosted right away?', ['Connector: EXO-Hosted', '[Start delta sync]']],
    ['sync CAS01 full please sync CAS01', ['Connector: CAS01', '[Start full sync]'], ['“”']],
    ['sync connector CAS01 full sync connector CAS01 full', ['Connector: CAS01', '[Start full sync]'], ['“”']],
    [
      'sync CAS01 full delta',
      ['both full and delta', 'Which sync for CAS01?', '[Start full sync]', '[Start delta sync]'],
    ],
    // Questions get answers: a status card, the asked-for fact first.
    ['when was the last sync of cas01', ['Exchange connector CAS01\nLast sync:'], ['[Start full sync]\n']],
    ['when did CAS01 last sync?', ['Exchange connector CAS01\nLast sync:']],
    ['is cas01 connected?', ['Exchange connector CAS01', 'Status: Connected']],
    ['is EXO-Hosted ok?', ['Exchange connector EXO-Hosted', 'Status: Connected']],
    [
      'why is CAS02 disconnected?',
      [
        'Exchange connector CAS02',
        'CAS02 is disconnected: Intune cannot reach it',
        'runs on ICX-CONN-02',
        '19 February 2024',
      ],
    ],
    ['what connectors do we have?', ['4 Exchange connectors']],
    // Short words get short answers, not the help card.
    ['never mind', ['Nothing to cancel'], ['I start syncs']],
    ['nevermind', ['Nothing to cancel'], ['I start syncs']],
    ['forget it', ['Nothing to cancel'], ['I start syncs']],
    ['ok', ['never with a typed word'], ['I start syncs']],
    ['yes', ['never with a typed word'], ['I start syncs']],
    ['confirm', ['never with a typed word'], ['I start syncs']],
    // Names that match a kind or several connectors keep what was asked.
    ['sync the hosted connector', ['1 connector of that kind', 'EXO-Hosted', '[Start full sync]']],
    ['sync exchange online', ['EXO-Hosted', '[Start full sync]']],
    ['status cas', ['2 connectors match', '[Status]'], ['[Start full sync]']],
    ['history cas', ['2 connectors match', '[History]'], ['[Start full sync]']],
    ['sync history cas01', ['Last sync requests for CAS01']],
    ['help', ['Full sync of a connector', 'please sync CAS01 fully', 'Name with spaces'], ['Munich Exchange']],
  ],
  'de-DE': [
    [
      'synchronisiere den Connector CAS01 bitte vollständig',
      ['Diesen Exchange-Connector synchronisieren?', 'Vollständige Synchronisierung', '[Vollständig synchronisieren]'],
    ],
    ['Vollsynchronisierung CAS01', ['Diesen Exchange-Connector synchronisieren?', '[Vollständig synchronisieren]']],
    ['synchronisiere connector CAS01 delta', ['[Delta synchronisieren]']],
    ['synchronisere connector cas01 vollständig', ['Diesen Exchange-Connector synchronisieren?']],
    ['Status von CAS01', ['Exchange-Connector CAS01', '[Verlauf]']],
    ['Verlauf von Munich', ['Letzte Synchronisierungsanfragen für Munich Exchange']],
    ['liste', ['4 Exchange-Connectors', '[Synchronisieren…]']],
    ['liste connectors', ['4 Exchange-Connectors']],
    ['synchronisiere alle Connectoren', ['ein Connector nach dem anderen', '4 Exchange-Connectors']],
    ['danke', ['Gern geschehen']],
    ['hallo', ['Hallo!', 'synchronisiere connector CAS01 vollständig']],
    ['abbrechen', ['nichts abzubrechen']],
    ['wann wurde CAS01 zuletzt synchronisiert', ['Exchange-Connector CAS01\nLetzte Synchronisierung:']],
    [
      'bitte einen Delta-Sync für CAS01 starten',
      ['Diesen Exchange-Connector synchronisieren?', '[Delta synchronisieren]'],
    ],
    [
      'kannst du bitte den Exchange Connector CAS01 neu synchronisieren',
      ['Welche Synchronisierung für CAS01?', '[Vollständig synchronisieren]', '[Delta synchronisieren]'],
    ],
    ['welche Connectoren gibt es', ['4 Exchange-Connectors']],
    ['ist CAS02 getrennt?', ['Exchange-Connector CAS02', 'Status: Getrennt']],
    ['warum ist CAS02 getrennt?', ['CAS02 ist getrennt: Intune erreicht ihn nicht', '19. Februar 2024']],
    ['vergiss es', ['nichts abzubrechen'], ['Ich starte Synchronisierungen']],
    ['ja', ['nie mit einem getippten Wort'], ['Ich starte Synchronisierungen']],
    // Suggestions stay in the reader's language.
    [
      'synchronisiere connector CSA01 vollständig',
      ['Meinten Sie', 'synchronisiere connector CAS01 vollständig'],
      ['sync connector'],
    ],
    ['snyc cas01', ['Meinten Sie', 'synchronisiere connector cas01'], ['sync connector']],
    [
      'hilfe',
      [
        'Ich starte Synchronisierungen',
        'synchronisiere connector CAS01 vollständig',
        'liste connectors',
        'verlauf CAS01',
      ],
    ],
  ],
};

describe.each(['en-US', 'de-DE'] as const)('%s', (locale) => {
  it.each(ROWS[locale])('%j', async (text, words, absent = []) => {
    const said = await answer(text, locale);
    // On failure, the turn as botbuilder-testing's DialogTestLogger recorded it: what was sent, what came back.
    for (const word of words) expect(said, bot.transcript.slice(-8).join('\n')).toContain(word);
    for (const word of absent) expect(said, bot.transcript.slice(-8).join('\n')).not.toContain(word);
    expect(bot.sim.syncCalls()).toEqual([]);
  });
});

describe('saying the right thing', () => {
  it('a disconnected or waiting connector: the confirmation says so and what it means; the button still works', async () => {
    expect(await answer('sync connector cas02 full', 'en-US')).toContain(
      'CAS02 is disconnected: Intune cannot reach it right now',
    );
    expect(await answer('sync connector munich delta', 'en-US')).toContain(
      'Munich Exchange is waiting for its connection',
    );
    expect(await answer('sync connector cas02 full', 'de-DE')).toContain('CAS02 ist getrennt');
  });

  it('a typed "cancel" cancels the newest confirmation in this chat, updates its card, and changes nothing else', async () => {
    const chat = { id: 'a:cancel-chat', conversationType: 'personal', isGroup: false, name: '' };
    const { replies } = await bot.say('sync connector exo full', { conversation: chat });
    const card = cardOf(replies[0]);
    const messageId = replies[0]?.id ?? '';
    expect(await answer('cancel', 'en-US', chat.id)).toContain(
      'Cancelled your full sync of EXO-Hosted. Nothing was synced.',
    );
    expect(textOf(cardOf(bot.adapter.updates.at(-1)))).toContain('Cancelled by Ada Admin');
    expect(bot.adapter.updates.at(-1)?.id).toBe(messageId);
    expect(await answer('cancel', 'en-US', chat.id)).toContain('Nothing to cancel');
    const confirm = await bot.execute(
      'sync.confirm',
      { confirmationId: actionData(card, 'Cancel').confirmationId },
      { replyToId: messageId, conversation: chat },
    );
    expect(JSON.stringify(confirm.invoke)).toContain('already handled');
    expect(bot.sim.syncCalls()).toEqual([]);
  });

  it('a typed "cancel" cancels every confirmation of yours waiting in this chat and says which; only then is there nothing to cancel', async () => {
    const chat = { id: 'a:cancel-two', conversationType: 'personal', isGroup: false, name: '' };
    const first = (await bot.say('sync connector cas01 full', { conversation: chat })).replies[0];
    const second = (await bot.say('sync connector exo delta', { conversation: chat })).replies[0];
    // A third one that took a chooser's place: its card came by an update, not a reply.
    const chooser = (await bot.say('sync connector munich', { conversation: chat })).replies[0];
    await bot.execute('sync.prepare', actionData(cardOf(chooser), 'Start delta sync'), {
      replyToId: chooser?.id ?? '',
      conversation: chat,
    });
    const said = await answer('cancel', 'en-US', chat.id);
    expect(said).toContain('full sync of CAS01');
    expect(said).toContain('delta sync of EXO-Hosted');
    expect(said).toContain('delta sync of Munich Exchange');
    expect(said).toContain('Nothing was synced');
    const updated = bot.adapter.updates.slice(-3);
    expect(updated.map((update) => update.id).sort()).toEqual([first?.id, second?.id, chooser?.id].sort());
    for (const update of updated) expect(textOf(cardOf(update))).toContain('Cancelled by Ada Admin');
    expect(await answer('cancel', 'en-US', chat.id)).toContain('Nothing to cancel');
    const confirm = await bot.execute(
      'sync.confirm',
      { confirmationId: actionData(cardOf(first), 'Cancel').confirmationId },
      { replyToId: first?.id ?? '', conversation: chat },
    );
    expect(JSON.stringify(confirm.invoke)).toContain('already handled');
    expect(bot.sim.syncCalls()).toEqual([]);
  });

  it('after an on-premises sync is accepted, the card says what a 204 means since February 2024', async () => {
    const { replies } = await bot.say('sync connector cas01 delta');
    const result = await bot.execute(
      'sync.confirm',
      { confirmationId: actionData(cardOf(replies[0]), 'Cancel').confirmationId },
      { replyToId: replies[0]?.id ?? '' },
    );
    expect(textOf((result.invoke?.body as { value: unknown }).value)).toContain(
      'Microsoft ended support for the on-premises Exchange connector on 19 February 2024',
    );
  });
});
