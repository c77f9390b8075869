import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/schema';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { seedConnectors } from '../../src/simulator/seed';
import { BEN, BOT, actionData, cardOf, textOf, useBotHarness } from '../helpers/botHarness';

const bot = useBotHarness();

/** Asks for a sync and returns the confirmation card with the id of the message that carries it. */
async function confirmationFor(
  text: string,
): Promise<{ card: AdaptiveCard; messageId: string; confirmationId: string }> {
  const { replies } = await bot.say(text);
  const card = cardOf(replies[0]);
  return { card, messageId: replies[0]?.id ?? '', confirmationId: actionData(card, 'Cancel').confirmationId ?? '' };
}

function invokeCard(result: { invoke?: { status: number; body?: unknown } | undefined }): AdaptiveCard {
  const body = result.invoke?.body as { type?: string; value?: AdaptiveCard } | undefined;
  expect(result.invoke?.status).toBe(200);
  expect(body?.type).toBe('application/vnd.microsoft.card.adaptive');
  return body?.value as AdaptiveCard;
}

function invokeMessage(result: { invoke?: { status: number; body?: unknown } | undefined }): string {
  const body = result.invoke?.body as { type?: string; value?: string } | undefined;
  expect(body?.type).toBe('application/vnd.microsoft.activity.message');
  return body?.value ?? '';
}

describe('card actions (TestAdapter)', () => {
  it('Action.Execute confirm: one fullSync call, the card answers with the outcome and is updated for everyone', async () => {
    const { messageId, confirmationId } = await confirmationFor('sync connector cas01 full');
    const result = await bot.execute(
      'sync.confirm',
      { verb: 'sync.confirm', confirmationId },
      { replyToId: messageId },
    );
    const card = invokeCard(result);
    expect(textOf(card)).toContain('Full sync requested');
    expect(textOf(card)).toContain('Requested by Ada Admin');
    expect(textOf(card)).toContain('[Status] [History]');
    expect(JSON.stringify(card)).not.toContain('sync.confirm');
    expect(bot.sim.syncCalls()).toEqual([
      expect.objectContaining({ syncType: 'fullSync', bearerToken: 'turn-test-token' }),
    ]);
    expect(bot.adapter.updates.at(-1)).toMatchObject({ id: messageId });
  });

  it('a second click on either button never calls Graph again and says so', async () => {
    const { messageId, confirmationId } = await confirmationFor('sync connector cas02 delta');
    await bot.execute('sync.confirm', { confirmationId }, { replyToId: messageId });
    const again = invokeCard(await bot.execute('sync.confirm', { confirmationId }, { replyToId: messageId }));
    const cancel = invokeCard(await bot.execute('sync.cancel', { confirmationId }, { replyToId: messageId }));
    expect(textOf(again)).toContain('already handled');
    expect(textOf(cancel)).toContain('Delta sync requested');
    expect(bot.sim.syncCalls()).toHaveLength(1);
  });

  it('Action.Submit does the same, updating the card message in place', async () => {
    const { messageId, confirmationId } = await confirmationFor('sync connector exo delta');
    await bot.submit({ verb: 'sync.confirm', confirmationId }, { replyToId: messageId });
    const { replies } = await bot.submit({ verb: 'sync.confirm', confirmationId }, { replyToId: messageId });
    const update = bot.adapter.updates.at(-1);
    expect(update?.id).toBe(messageId);
    expect(textOf(cardOf(update))).toContain('Delta sync requested');
    expect(replies.map((reply) => reply.text)).toEqual(['This request was already handled; nothing was sent again.']);
    expect(bot.sim.syncCalls()).toEqual([expect.objectContaining({ syncType: 'deltaSync' })]);
  });

  it('cancel sends nothing and says who cancelled', async () => {
    const { messageId, confirmationId } = await confirmationFor('sync connector cas01 full');
    const card = invokeCard(await bot.execute('sync.cancel', { confirmationId }, { replyToId: messageId }));
    expect(textOf(card)).toContain('Cancelled by Ada Admin');
    await bot.execute('sync.confirm', { confirmationId }, { replyToId: messageId });
    expect(bot.sim.syncCalls()).toEqual([]);
  });

  it('an expired confirmation says so and sends nothing', async () => {
    const { confirmationId } = await confirmationFor('sync connector cas01 full');
    bot.clock = new Date('2026-11-26T10:10:00Z');
    const card = invokeCard(await bot.execute('sync.confirm', { confirmationId }));
    expect(textOf(card)).toContain('This confirmation expired');
    expect(actionData(card, 'Ask again')).toMatchObject({ verb: 'sync.prepare', syncType: 'fullSync' });
    expect(bot.sim.syncCalls()).toEqual([]);
  });

  it("someone else's click is refused and changes nothing", async () => {
    const { messageId, confirmationId } = await confirmationFor('sync connector cas01 full');
    const updatesBefore = bot.adapter.updates.length;
    const text = invokeMessage(
      await bot.execute('sync.confirm', { confirmationId }, { from: BEN, replyToId: messageId }),
    );
    expect(text).toBe('Only Ada Admin, who asked for this sync, can start or cancel it.');
    expect(bot.adapter.updates).toHaveLength(updatesBefore);
    expect(bot.sim.syncCalls()).toEqual([]);
    expect(textOf(invokeCard(await bot.execute('sync.confirm', { confirmationId })))).toContain('requested');
  });

  it.each([
    [
      'an unknown confirmation id',
      'sync.confirm',
      { confirmationId: '00000000-0000-0000-0000-000000000000' },
      'can no longer find',
    ],
    ['a forged verb', 'sync.everything', { confirmationId: 'x' }, 'did not carry a request'],
    ['a missing id', 'sync.confirm', {}, 'did not carry a request'],
    ['an oversized id', 'sync.confirm', { confirmationId: 'a'.repeat(5000) }, 'did not carry a request'],
    [
      'a connector id smuggled into a confirm',
      'sync.confirm',
      { confirmationId: '../x', connectorId: 'cas01' },
      'did not carry a request',
    ],
  ])('%s gets a clear answer and no Graph call', async (_name, verb, data, answer) => {
    expect(invokeMessage(await bot.execute(verb, data))).toContain(answer);
    expect(bot.sim.syncCalls()).toEqual([]);
  });

  it('a chooser button makes a fresh confirmation card; nothing is synced before confirm', async () => {
    const [reply] = (await bot.say('sync connector cas')).replies;
    const data = actionData(cardOf(reply), 'Start delta sync');
    // The chooser's owner clicks it: the confirmation takes its place (the click names the chooser's message).
    const confirmation = invokeCard(await bot.execute('sync.prepare', data, { replyToId: reply?.id ?? '' }));
    expect(textOf(confirmation)).toContain('Sync this Exchange connector?');
    expect(textOf(confirmation)).toContain('CAS01');
    expect(bot.sim.syncCalls()).toEqual([]);
    const confirmationId = actionData(confirmation, 'Cancel').confirmationId;
    await bot.execute('sync.confirm', { confirmationId });
    expect(bot.sim.syncCalls()).toEqual([expect.objectContaining({ syncType: 'deltaSync' })]);
  });

  it('a chooser button for a connector that no longer exists says so', async () => {
    const text = invokeMessage(
      await bot.execute('sync.prepare', { connectorId: 'deadbeef', syncType: 'fullSync', owner: 'aad-ada' }),
    );
    expect(text).toContain('no longer exists');
  });

  it.each([
    ['missingScope', simulatedErrors.missingScope(), 'DeviceManagementServiceConfig.ReadWrite.All'],
    ['throttled', simulatedErrors.throttled(30), 'Intune asks to wait 30 s before trying again'],
    ['unavailable', simulatedErrors.unavailable(), 'temporarily unavailable'],
  ])('a Graph failure (%s) lands on the card with the request-id', async (_name, error, words) => {
    const { confirmationId } = await confirmationFor('sync connector cas01 full');
    bot.sim.addFault({ operation: 'sync', error, times: 3 });
    const card = textOf(invokeCard(await bot.execute('sync.confirm', { confirmationId })));
    expect(card).toContain('The sync was not requested');
    expect(card).toContain(words);
    expect(card).toMatch(/Graph request-id: [0-9a-f-]{36}/);
  });
});

describe('paging the connector list', () => {
  it('pages forward and back in place for its owner; another member\'s "Show more" posts their own list from the page they asked for', async () => {
    const [first] = bot.sim.allConnectors();
    const many = Array.from({ length: 23 }, (_, index) => ({
      ...first!,
      id: `page-${index}`,
      exchangeAlias: `PG${index}`,
    }));
    bot.sim.setConnectors(many);
    try {
      const group = { id: '19:paging@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' };
      const mention = { type: 'mention', mentioned: BOT, text: '<at>Connector Sync</at>' };
      const [list] = (
        await bot.say('<at>Connector Sync</at> list connectors', { conversation: group, entities: [mention] })
      ).replies;
      expect(textOf(cardOf(list))).toContain('Showing 1–10 of 23.');
      expect(textOf(cardOf(list))).not.toContain('[Previous]');

      const second = invokeCard(
        await bot.execute('connectors.page', actionData(cardOf(list), 'Show more'), {
          replyToId: list?.id ?? '',
          conversation: group,
        }),
      );
      expect(textOf(second)).toContain('Showing 11–20 of 23.');
      expect(textOf(second)).toContain('[Previous]');
      const back = invokeCard(
        await bot.execute('connectors.page', actionData(second, 'Previous'), {
          replyToId: list?.id ?? '',
          conversation: group,
        }),
      );
      expect(textOf(back)).toContain('Showing 1–10 of 23.');

      // Ben clicks "Show more" on Ada's page 2: his own list, from page 3 (what he asked for), in a new message.
      const bens = await bot.execute('connectors.page', actionData(second, 'Show more'), {
        from: BEN,
        replyToId: list?.id ?? '',
        conversation: group,
      });
      const own = bens.replies.find((reply) => reply.attachments?.length);
      expect(textOf(cardOf(own))).toContain('Showing 21–23 of 23.');
    } finally {
      bot.sim.setConnectors(seedConnectors());
    }
  });
});
