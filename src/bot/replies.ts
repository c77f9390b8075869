import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';

/** Sends chat text (Teams markdown: `code` renders as code). */
export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'markdown' });
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/** Replaces the card message a button was on, for everyone in the conversation. False when there is none. */
export async function replaceCard(context: TurnContext, cardMessageId: string | null | undefined, card: AdaptiveCard): Promise<boolean> {
  if (!cardMessageId) return false;
  const update: Partial<Activity> = { type: ActivityTypes.Message, id: cardMessageId, attachments: [CardFactory.adaptiveCard(card)] };
  await context.updateActivity(update);
  return true;
}
