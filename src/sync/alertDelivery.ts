import type { Alert, AlertSubscription } from './alerts';

/**
 * What alerts need from the chat platform, declared here and implemented at the Teams edge
 * (src/bot/teamsAlertDelivery.ts): the owner's token for one check, and posting one alert to the conversation.
 */
export interface AlertDelivery {
  /** The owner's delegated Graph token from the token service, for this check only; null when there is none. */
  ownerToken(subscription: AlertSubscription): Promise<string | null>;
  /** Posts the alert (a recovery as a reply to `replyTo`, the alert it ends); resolves with the new message's id. */
  post(subscription: AlertSubscription, alert: Alert): Promise<string | null>;
}
