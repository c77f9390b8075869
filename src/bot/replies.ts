import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';
import { toMarkdown, type Rich } from '../text/rich';

/** Sends chat text: the bot's own markdown renders, anything from users, Graph or Teams stays inert. */
export async function sendText(context: TurnContext, text: Rich): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, text: toMarkdown(text), textFormat: 'markdown' });
}

/** Sends a card; resolves with the id of the message that carries it (to update it later). */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<string | null> {
  const response = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  return response?.id ?? null;
}

/**
 * Best effort: a typing indicator while Graph is asked, so a slow Graph never looks like a dead bot. Never delays or
 * fails the turn. Personal and group chats only: Teams shows no typing in channel threads (and the Agents
 * Playground mislays the reply that follows one there); never for expectReplies callers, who read the answer at once.
 */
export function showTyping(context: TurnContext): void {
  const { activity } = context;
  if (activity.conversation?.conversationType === 'channel' || activity.deliveryMode === 'expectReplies') return;
  try {
    context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
  } catch {
    // the turn is over (a slow click finishing in the background): nobody is waiting for a typing indicator
  }
}
