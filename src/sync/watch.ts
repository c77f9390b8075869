import type { Completion } from './auditLog';
import type { ChatReference } from './chatReference';
import { lastSyncOf, type Connector, type SyncType } from '../graph/types';
import type { Locale } from '../i18n';
import type { Person } from './confirmation';

/** A chat card that shows a watched sync: updated in place when the watch moves on. */
export interface ChatWatchedCard {
  confirmationId: string;
  reference: ChatReference;
  messageId: string | null;
  locale: Locale;
  personal: boolean;
  /** Group chats and channels: who gets the card's automatic refresh (the requester first, at most 60). */
  refreshFor: string[];
}

/**
 * A sync confirmed in the dashboard tab. Nothing is pushed to it: the page reads the watch from storage, and while it
 * is open its requests carry the token that polls (the bot has no chat to fetch one through).
 */
export interface TabWatchedCard {
  confirmationId: string;
  tab: true;
  locale: Locale;
}

/** Whatever shows a watched sync. Stored records from before the tab followed syncs hold chat cards only. */
export type WatchedCard = ChatWatchedCard | TabWatchedCard;

/** A card as the confirm path hands it over: the watcher adds who gets a chat card's refresh. */
export type NewWatchedCard = Omit<ChatWatchedCard, 'refreshFor'> | TabWatchedCard;

export function isTabCard(card: WatchedCard | NewWatchedCard): card is TabWatchedCard {
  return 'tab' in card && card.tab;
}

/** The chat cards among a watch's cards: those the watcher updates and fetches the requester's token through. */
export function chatCardsOf(record: Pick<WatchRecord, 'cards'>): ChatWatchedCard[] {
  return record.cards.filter((card): card is ChatWatchedCard => !isTabCard(card));
}

/** Where a watch stands. Only `watching` is polled; the others are final. */
export type WatchState =
  | { kind: 'watching' }
  /** Intune reported the sync: its new `lastSyncDateTime`. */
  | { kind: 'completed'; lastSyncDateTime: string }
  /** The window passed without Intune reporting it. */
  | { kind: 'notReported' }
  /** The connector's status changed to one that will not sync (disconnected): shown at once, the watch ends. */
  | { kind: 'statusChanged'; status: string }
  /** Graph refused the requester's token (401/403) or the token service had none (Refresh continues), or the
   * connector no longer exists in Intune (404). */
  | { kind: 'stopped'; reason: 'signIn' | 'gone' };

/** One connector's watch: one record, however many cards, users or instances follow it. */
export interface WatchRecord {
  connectorId: string;
  connectorName: string;
  syncType: SyncType;
  requestedBy: Person;
  /** When Graph accepted the (latest) sync; Intune's report must come after it. */
  acceptedAt: string;
  /** The watch gives up at this moment (SYNC_WATCH_MINUTES after acceptance). */
  until: string;
  /** The connector as it was before the sync: a report is a `lastSyncDateTime` newer than this one. */
  baseline: { lastSyncDateTime: string | null; status: string | null };
  state: WatchState;
  /** When the state last changed (for "completed at", "stopped at"). */
  changedAt: string;
  /** The connector as the poll that ended the watch saw it: what its card shows as current facts. */
  seen?: ConnectorSeen;
  cards: WatchedCard[];
  /** The instance polling this connector, until when (renewed at every poll; another instance takes over after). */
  lease: { holder: string; until: number } | null;
  /** Graph asked to slow down (429/503): no poll before this moment. */
  pausedUntil: number | null;
  /** When an instance last asked Graph (ms): a poll driven by the dashboard page waits a full interval after it. */
  polledAt?: number;
}

/** A connector's status and last sync as one poll saw them. */
export interface ConnectorSeen {
  status: string | null;
  lastSyncDateTime: string | null;
  at: string;
}

export function seenOf(connector: Connector, now: Date): ConnectorSeen {
  return {
    status: typeof connector.status === 'string' ? connector.status : null,
    lastSyncDateTime: lastSyncOf(connector)?.toISOString() ?? null,
    at: now.toISOString(),
  };
}

/** Intune's clock and the bot's may differ: a report this much before the acceptance still counts as this sync's. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** What one poll of the connector means for the watch. */
export function nextState(record: WatchRecord, connector: Connector, now: Date): WatchState {
  const reported = lastSyncOf(connector);
  const baseline = record.baseline.lastSyncDateTime ? Date.parse(record.baseline.lastSyncDateTime) : -Infinity;
  if (
    reported &&
    reported.getTime() > baseline &&
    reported.getTime() >= Date.parse(record.acceptedAt) - CLOCK_SKEW_MS
  ) {
    return { kind: 'completed', lastSyncDateTime: reported.toISOString() };
  }
  const status = typeof connector.status === 'string' ? connector.status : null;
  if (status === 'disconnected' && record.baseline.status !== 'disconnected') return { kind: 'statusChanged', status };
  return windowPassed(record, now) ? { kind: 'notReported' } : { kind: 'watching' };
}

export function windowPassed(record: WatchRecord, now: Date): boolean {
  return now.getTime() >= Date.parse(record.until);
}

export function isFinal(state: WatchState): boolean {
  return state.kind !== 'watching';
}

/**
 * What history records when a watch ends. A watch stopped for a sign-in is left out: the requester's Refresh
 * continues it, and its real end is recorded then.
 */
export function completionOf(record: WatchRecord): Completion | null {
  const { state } = record;
  const minutesAfterAcceptance = (at: string): number =>
    Math.max(0, Math.round((Date.parse(at) - Date.parse(record.acceptedAt)) / 60_000));
  switch (state.kind) {
    case 'watching':
      return null;
    case 'completed':
      return {
        state: 'completed',
        at: state.lastSyncDateTime,
        minutes: minutesAfterAcceptance(state.lastSyncDateTime),
      };
    case 'notReported':
      return { state: 'notReported', at: record.changedAt, minutes: minutesAfterAcceptance(record.until) };
    case 'statusChanged':
      return { state: 'statusChanged', at: record.changedAt, status: state.status };
    case 'stopped':
      return state.reason === 'gone' ? { state: 'stopped', at: record.changedAt, reason: 'gone' } : null;
  }
}
