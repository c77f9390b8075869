import type { GraphFailureKind } from '../graph/errors';
import type { ConnectorStatus, ConnectorType, SyncType } from '../graph/types';

/** Every user-facing string. German and English implement the same interface, so neither can miss one. */
export interface Messages {
  syncTypeName: Record<SyncType, string>;
  syncTypeExplained: Record<SyncType, string>;
  startSync: Record<SyncType, string>;
  statusName: Record<ConnectorStatus, string>;
  typeName: Record<ConnectorType, string>;
  never: string;
  unknownValue: string;
  cancel: string;
  fact: { connector: string; server: string; type: string; status: string; lastSync: string; id: string; version: string; organization: string };

  confirmTitle: string;
  confirmAskedBy: (name: string) => string;
  confirmExpires: (minutes: number) => string;
  sending: string;
  requestedTitle: (syncType: SyncType) => string;
  requestedBy: (name: string, when: string) => string;
  requestedNext: (statusCommand: string) => string;
  failedTitle: string;
  cancelledTitle: string;
  cancelledBy: (name: string, when: string) => string;
  expiredTitle: string;
  expiredText: (command: string) => string;
  alreadyHandled: string;
  notRequester: (name: string) => string;
  confirmationNotFound: string;
  graphRequestId: (id: string) => string;
  graphFailure: Record<GraphFailureKind, string>;
  retryAfter: (seconds: number) => string;

  listTitle: (count: number) => string;
  listEmpty: string;
  statusTitle: (name: string) => string;
  chooseSyncTitle: (name: string) => string;
  ambiguousTitle: (query: string, count: number) => string;
  unknownConnector: (query: string) => string;
  didYouMean: (name: string) => string;
  knownConnectors: string;
  noConnectors: string;

  historyTitle: (name: string) => string;
  historyEmpty: string;
  historyColumns: { when: string; who: string; type: string; outcome: string };
  outcomeRequested: string;
  outcomeFailed: (reason: string) => string;

  helpTitle: string;
  helpIntro: string;
  helpCommands: Array<{ example: string; text: string }>;
  notUnderstood: (text: string) => string;
  didYouMeanCommand: (command: string) => string;
  missingTarget: (command: 'sync' | 'status' | 'history') => string;
  unknownSyncType: (word: string) => string;
  extraWords: (words: string) => string;
  invalidAction: string;
  unexpectedError: string;
  storageUnavailable: string;

  signInButton: string;
  signInText: string;
  signedOut: string;
  nothingToSignOut: string;
  signInFailed: string;
  signInResourceMismatch: string;
  signInStillRefused: string;
}

export type Locale = 'en' | 'de';

/** `de`, `de-DE`, `de-AT` ... -> German; everything else, and no locale at all, -> English. */
export function localeOf(activityLocale: string | undefined | null): Locale {
  return /^de(-|_|$)/i.test(activityLocale ?? '') ? 'de' : 'en';
}
