import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';

/** Universal Actions answers (`adaptiveCard/action`): a card replaces the one clicked; a message shows beside it. */
export type ActionInvokeBody =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string };

export async function sendInvokeResponse(context: TurnContext, status: number, body?: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

export const cardBody = (card: AdaptiveCard): ActionInvokeBody => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

export const messageBody = (text: string): ActionInvokeBody => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text,
});
