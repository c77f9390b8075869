import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';
import type { Logger } from '../logger';

/** Sends chat text (Teams markdown: `code` renders as code). */
export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'markdown' });
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/**
 * Replaces the card message a button was on, for everyone in the conversation. False when there is none or the
 * update failed: the outcome has already happened, so a failed update must not turn into an error for the user;
 * callers fall back to the invoke answer or a new message.
 */
export async function replaceCard(context: TurnContext, cardMessageId: string | null | undefined, card: AdaptiveCard, logger?: Logger): Promise<boolean> {
  if (!cardMessageId) return false;
  const update: Partial<Activity> = { type: ActivityTypes.Message, id: cardMessageId, attachments: [CardFactory.adaptiveCard(card)] };
  try {
    await context.updateActivity(update);
    return true;
  } catch (error) {
    logger?.warn({ err: error, activityId: context.activity.id }, 'could not update the card message');
    return false;
  }
}
