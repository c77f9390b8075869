import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';

/**
 * Universal Actions answers (`adaptiveCard/action`), in the shapes Microsoft documents: a card replaces the one
 * clicked; a message shows beside it; the error types tell Teams to run sign-in again or show a failure.
 */
export type ActionInvokeBody =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
  | {
      statusCode: 412;
      type: 'application/vnd.microsoft.error.preconditionFailed';
      value: { code: string; message: string };
    }
  | { statusCode: 401; type: 'application/vnd.microsoft.error.invalidAuthCode' }
  | { statusCode: 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

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

/** The SSO token Teams sent with the click could not be exchanged: Teams then shows its sign-in instead. */
export const exchangeFailedBody = (message: string): ActionInvokeBody => ({
  statusCode: 412,
  type: 'application/vnd.microsoft.error.preconditionFailed',
  value: { code: 'PreconditionFailed', message },
});

/** The magic code Teams sent with the click was wrong. */
export const invalidAuthCodeBody = (): ActionInvokeBody => ({
  statusCode: 401,
  type: 'application/vnd.microsoft.error.invalidAuthCode',
});

/** Anything unexpected: a generic message, never the error's own text. */
export const errorBody = (message: string): ActionInvokeBody => ({
  statusCode: 500,
  type: 'application/vnd.microsoft.error',
  value: { code: 'InternalError', message },
});
