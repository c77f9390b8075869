import { keySegment as seg } from './keySegment';

/** Where the markers of followed connectors live: listed, never read as one record. */
export const WATCHING_PREFIX = 'watching/';
/** Where the markers of conversations with alerts on live, listed the same way. */
export const ALERTING_PREFIX = 'alerting/';

/**
 * Every kind of record the bot keeps, by key prefix. Every part that comes from outside (ids Teams, Graph or
 * botbuilder mint, ids that come back in card data or URLs) is one encoded segment (`keySegment`): whatever it
 * holds, the key stays under its prefix. deploy/azuredeploy.json's blob lifecycle rules match these
 * prefixes (a test checks that), so records that matter for minutes do not pile up for years.
 */
export const KEYS = {
  /** One confirmation card's lifecycle. */
  confirmation: (id: string) => `confirmations/${seg(id)}`,
  /** The first delivery of a message activity (Teams redelivers slow turns). */
  delivery: (channelId: string, conversationId: string, activityId: string) =>
    `deliveries/${seg(channelId)}/${seg(conversationId)}/${seg(activityId)}`,
  /** botbuilder's SSO token exchange dedupe, under its own prefix. */
  ssoDedupe: (key: string) => `sso-dedupe/${seg(key)}`,
  /** What a user was doing when they had to sign in. */
  pendingSignIn: (channelId: string, userId: string) => `signin-pending/${seg(channelId)}/${seg(userId)}`,
  /** The sync requests of one connector, for `history` (kept for the audit retention). */
  audit: (connectorId: string) => `audit/${seg(connectorId.toLowerCase())}`,
  /** A user's confirmation cards in a conversation, for a typed "cancel" (all that still wait). */
  pendingConfirmations: (conversationId: string, userKey: string) =>
    `pending-cards/${seg(conversationId)}/${seg(userKey)}`,
  /** The latest claim on a connector: one sync per moment, whichever card, tab or instance it comes from. */
  connectorClaim: (connectorId: string) => `claims/${seg(connectorId.toLowerCase())}`,
  /** A connector's sync being followed until Intune reports it, with the poller's lease. */
  watch: (connectorId: string) => `watches/${seg(connectorId.toLowerCase())}`,
  /** Who a card that changes in place (a chooser, a list page) was sent for, by its message: only they may change it. */
  cardOwner: (conversationId: string, messageId: string) => `card-owners/${seg(conversationId)}/${seg(messageId)}`,
  /**
   * One marker per connector being followed, found by listing the prefix (every instance, after a restart too): no
   * two watches ever write the same record, so none is lost to contention.
   */
  watching: (connectorId: string) => `${WATCHING_PREFIX}${seg(connectorId.toLowerCase())}`,
  /** A conversation's connector alerts: whose access polls, what was seen last, what is still to post, the lease. */
  alerts: (conversationId: string) => `alerts/${seg(conversationId)}`,
  /** One marker per conversation with alerts on, found by listing (as the watching markers). */
  alerting: (conversationId: string) => `${ALERTING_PREFIX}${seg(conversationId)}`,
  /** Who turned a conversation's alerts on or off, and when (its own record kind: the sync audit holds syncs only). */
  alertLog: (conversationId: string) => `alert-log/${seg(conversationId)}`,
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long records live (memory drops them; blob reads treat them as gone; lifecycle rules delete them). */
export const TTL = {
  /** Teams redelivers within seconds to minutes; an hour leaves a wide margin. */
  delivery: HOUR,
  ssoDedupe: HOUR,
  /** A sign-in that takes longer than a day is a new sign-in. */
  pendingSignIn: DAY,
  /** After its lifetime a confirmation is kept a day, so a late click is told what became of it. */
  confirmationAfterExpiry: DAY,
  /** A chooser or list older than a week is answered with a new card, whoever clicks. */
  cardOwner: 7 * DAY,
  /** A subscription is written at every check: one untouched for a month belongs to a bot that stopped long ago. */
  alerts: 30 * DAY,
  alertLog: 400 * DAY,
} as const;
