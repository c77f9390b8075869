import type { AdaptiveCard, CardAction, CardElement, OpenUrlAction } from '../../src/cards/schema';

/** What Teams reads as markdown in a card: TextBlock text and FactSet values (never TextRuns). */
export function markdownTexts(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  const walk = (elements: readonly CardElement[]): void => {
    for (const element of elements) {
      if (element.type === 'TextBlock') texts.push(element.text);
      else if (element.type === 'Container') walk(element.items);
      else if (element.type === 'ColumnSet') for (const column of element.columns) walk(column.items);
      else if ((element as { type: string }).type === 'FactSet') {
        for (const fact of (element as unknown as { facts: Array<{ title: string; value: string }> }).facts)
          texts.push(fact.title, fact.value);
      }
    }
  };
  walk(card.body);
  return texts;
}

/** A markdown link, an autolinked address, or raw HTML: what must never come from an untrusted value. */
export function liveLinksIn(markdown: string): string[] {
  return [...markdown.matchAll(/\[[^\]]*\]\([^)]*\)|https?:\/\/\S+|\bwww\.\S+|<a\b[^>]*>/gi)].map((match) => match[0]);
}

/** Every button's data, wherever the button sits. */
export function buttonsOf(card: AdaptiveCard): Array<{ title: string; data: Record<string, string> }> {
  const found: CardAction[] = [...(card.actions ?? [])];
  const walk = (elements: readonly CardElement[]): void => {
    for (const element of elements) {
      if (element.type === 'ActionSet') found.push(...element.actions);
      else if (element.type === 'Container') walk(element.items);
      else if (element.type === 'ColumnSet') for (const column of element.columns) walk(column.items);
    }
  };
  walk(card.body);
  return found.filter((action): action is Exclude<CardAction, OpenUrlAction> => action.type !== 'Action.OpenUrl');
}

/** The bytes of the message activity that carries the card, as the bot sends it to Teams. */
export function activityBytes(card: AdaptiveCard): number {
  const activity = {
    type: 'message',
    id: 'f:00000000-0000-0000-0000-000000000000',
    serviceUrl: 'https://smba.trafficmanager.net/emea/00000000-0000-0000-0000-000000000000/',
    channelId: 'msteams',
    from: { id: '28:00000000-0000-0000-0000-000000000000', name: 'Connector Sync' },
    conversation: {
      id: '19:abcdefabcdefabcdefabcdefabcdefab@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
      tenantId: '00000000-0000-0000-0000-000000000000',
    },
    recipient: { id: '29:1abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz', name: 'Ada Admin' },
    replyToId: '1700000000000',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/** Teams refuses larger cards from webhooks and Workflows; the bot keeps every activity within it. */
export const CARD_LIMIT_BYTES = 28 * 1024;

/** A card as its reader sees it: each paragraph on a line (runs joined), then the button titles. */
export function visibleText(card: AdaptiveCard): string {
  const lines: string[] = [];
  const walk = (elements: readonly CardElement[]): void => {
    for (const element of elements) {
      if (element.type === 'TextBlock') lines.push(element.text);
      else if (element.type === 'RichTextBlock') lines.push(element.inlines.map((run) => run.text).join(''));
      else if (element.type === 'Container') walk(element.items);
      else if (element.type === 'ColumnSet')
        lines.push(
          element.columns.map((column) => visibleText({ ...card, body: column.items, actions: [] })).join(' '),
        );
      else if (element.type === 'ActionSet') lines.push(element.actions.map((action) => `[${action.title}]`).join(' '));
    }
  };
  walk(card.body);
  if (card.actions?.length) lines.push(card.actions.map((action) => `[${action.title}]`).join(' '));
  return lines.join('\n');
}
