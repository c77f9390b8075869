import type { GraphFailureKind } from '../graph/errors';
import type { SyncType } from '../graph/types';
import type { TabStrings } from '../tab/shared/contract';
import type { Rich } from '../text/rich';

/** The statuses and types Graph documents today; anything else is shown as Graph sends it. */
export type KnownStatus = 'none' | 'connectionPending' | 'connected' | 'disconnected' | 'unknownFutureValue';
export type KnownType = 'onPremises' | 'hosted' | 'serviceToService' | 'dedicated' | 'unknownFutureValue';

/**
 * Every user-facing string. German and English implement the same interface, so neither can miss one. Anything
 * that carries a value from a user, Graph or Teams is Rich (built with `md`), so that value can never turn into
 * markdown; plain strings are the bot's own words only.
 */
export interface Messages {
  locale: Locale;
  syncTypeName: Record<SyncType, string>;
  syncTypeExplained: Record<SyncType, string>;
  startSync: Record<SyncType, string>;
  statusName: Record<KnownStatus, string>;
  typeName: Record<KnownType, string>;
  never: string;
  unknownValue: string;
  cancel: string;
  fact: {
    connector: string;
    server: string;
    type: string;
    status: string;
    lastSync: string;
    /** The same two facts on a card read later: as they were when the sync was asked for. */
    statusWhenAsked: string;
    lastSyncWhenAsked: string;
    id: string;
    version: string;
    organization: string;
  };

  confirmTitle: string;
  confirmAskedBy: (name: string, personal: boolean) => Rich;
  /** `when` is an Adaptive Card TIME()/DATE() expression, so each reader sees their own time. */
  confirmValidUntil: (when: string) => Rich;
  confirmStatusWarning: (name: string, status: 'disconnected' | 'connectionPending') => Rich;
  /** "why is X disconnected?": what the status means for this kind of connector, and what to check. */
  statusExplained: (name: string, status: string | null, type: string | null, server: string) => Rich;
  /** The syncs of one kind or status, when the words named none ("sync the hosted connector"). */
  matchingConnectors: (count: number) => string;
  /** Both full and delta were named: which one? */
  bothTypes: string;
  /** How a sync command is typed, in this language (suggestions never switch language). */
  syncCommand: (name: string, syncType: SyncType) => string;
  signInExpiredNote: string;
  sending: string;
  /** The clicker's answer when a click could not be settled in time; the card follows when it is. */
  working: string;
  /** The invoke answer when a button's result is posted as a new message. */
  answeredBelow: string;
  requestedTitle: (syncType: SyncType) => string;
  requestedBy: (name: string, when: string) => Rich;
  requestedNext: (statusCommand: string) => Rich;
  onPremisesNote: string;
  /** While the bot follows a sync: when it gives up (an Adaptive Card time expression). */
  watchFollowing: (until: string) => Rich;
  /** What became of a followed sync, after its outcome in a history line. */
  completionText: {
    completed: (when: string, minutes: number) => string;
    notReported: (minutes: number) => string;
    statusChanged: (status: string) => string;
    gone: string;
  };
  watchCompleted: (when: string, minutes: number) => Rich;
  watchNotReported: (minutes: number, server: string) => Rich;
  watchStatusChanged: (name: string, status: string) => Rich;
  watchStopped: string;
  watchGone: (name: string) => Rich;
  /** A sync of the same connector was asked for recently: who, which, when, and how far it got. */
  recentRequest: (name: string, syncType: SyncType, when: string, progress: string) => Rich;
  recentProgress: { requested: string; completed: string; notReported: string; watching: string };
  syncAgainAnyway: string;
  refusedTitle: string;
  unknownTitle: string;
  unknownText: (statusCommand: string) => Rich;
  interruptedText: (statusCommand: string) => Rich;
  cancelledTitle: string;
  cancelledBy: (name: string, when: string) => Rich;
  expiredTitle: string;
  expiredText: string;
  supersededTitle: string;
  supersededText: (name: string, syncType: SyncType, when: string) => Rich;
  alreadyHandled: string;
  beingHandled: string;
  notRequester: (name: string) => Rich;
  wrongConversation: string;
  confirmationNotFound: string;
  graphRequestId: (id: string) => Rich;
  /** Why a sync was not requested (or may not have been). */
  syncFailure: Record<GraphFailureKind, string>;
  /** Why a list, status or history look-up failed: nothing was synced by it, so it says nothing about syncing. */
  lookupFailure: Record<GraphFailureKind, string>;
  retryAfter: (seconds: number) => string;

  listTitle: (count: number) => string;
  listShowing: (from: number, to: number, total: number) => string;
  listTruncated: (shown: number) => string;
  listEmpty: string;
  showMore: string;
  showPrevious: string;
  statusTitle: (name: string) => Rich;
  chooseSyncTitle: (name: string) => Rich;
  ambiguousTitle: (query: string, count: number) => Rich;
  unknownConnector: (query: string) => Rich;
  didYouMean: (name: string) => Rich;
  knownConnectors: string;
  noConnectors: string;

  historyTitle: (name: string) => Rich;
  historyEmpty: string;
  historyLine: (when: string, who: string, type: string, outcome: string) => Rich;
  outcomeName: { requested: string; refused: (reason: string) => string; unknown: string };

  buttons: {
    status: string;
    history: string;
    retry: string;
    askAgain: string;
    sync: string;
    dashboard: string;
    refresh: string;
  };

  helpTitle: string;
  helpIntro: string;
  thanksReply: string;
  greeting: string;
  nothingToCancel: string;
  /** "ok", "yes", "confirm" typed: syncs start with a card's button; with a waiting card, which one. */
  confirmWithButton: string;
  confirmWithButtonPending: (name: string, syncType: SyncType) => Rich;
  /** The syncs a typed cancel cancelled, oldest first. */
  cancelledText: (cancelled: ReadonlyArray<{ name: string; syncType: SyncType }>) => Rich;
  oneAtATimeAll: string;
  oneAtATime: (names: string) => Rich;
  didYouMeanSync: (command: string) => Rich;
  notUnderstood: (text: string) => Rich;
  didYouMeanCommand: (command: string) => Rich;
  missingTarget: (command: 'sync' | 'status' | 'history') => string;
  unknownSyncType: (word: string) => Rich;
  invalidAction: string;
  unexpectedError: string;
  storageUnavailable: string;
  storageFull: string;
  tokenServiceUnavailable: string;

  signInButton: string;
  signInText: string;
  signedOut: string;
  nothingToSignOut: string;
  signInFailed: string;
  signInResourceMismatch: string;
  signInStillRefused: string;

  /** The dashboard tab's own labels. */
  tab: TabStrings;

  /** Connector alerts in a conversation. */
  alerts: AlertMessages;
}

export interface AlertMessages {
  confirmTitle: string;
  /** "Alerts will use Ada Admin's access; if Ada signs out or loses access, they pause." */
  usesAccess: (name: string) => Rich;
  /** What is checked and how often (`stale`: hours, 0 = off). */
  checks: (minutes: number, staleHours: number, staleOnPremises: boolean) => string;
  turnOn: string;
  onlyAsker: string;
  onTitle: string;
  onText: (name: string) => Rich;
  offText: (name: string) => Rich;
  alreadyOff: string;
  statusOn: (name: string, since: string) => Rich;
  statusPaused: (name: string, since: string) => Rich;
  statusOff: string;
  mutedLine: (name: string, until: string) => Rich;
  logTitle: string;
  logLine: (when: string, action: 'on' | 'off' | 'paused', name: string | null) => Rich;
  problemTitle: (name: string, status: string) => Rich;
  problemSince: (previous: string, since: string) => Rich;
  problemFirst: (since: string) => Rich;
  staleTitle: (name: string) => Rich;
  staleText: (lastSync: string, hours: number) => Rich;
  recovered: (name: string, previous: string, since: string) => Rich;
  appeared: (name: string) => Rich;
  disappeared: (name: string, since: string) => Rich;
  paused: (name: string) => Rich;
  delayed: (since: string) => Rich;
  mute: string;
  muted: (name: string, until: string) => Rich;
  sync: string;
}

export type Locale = 'en' | 'de';

/** `de`, `de-DE`, `de-AT` ... -> German; everything else, and no locale at all, -> English. */
export function localeOf(activityLocale: string | undefined | null): Locale {
  return /^de(-|_|$)/i.test(activityLocale ?? '') ? 'de' : 'en';
}
