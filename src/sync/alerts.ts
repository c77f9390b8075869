import type { Connector } from '../graph/types';
import type { Locale } from '../i18n';
import type { ChatReference } from './chatReference';
import type { ConnectorSnapshot, Person } from './confirmation';
import { snapshotOf } from './connectorSnapshot';

/** A connector as the last check saw it, and since when it has had that status. */
export interface SeenConnector extends ConnectorSnapshot {
  /** When this status was first seen (the first check: the moment of that check). */
  since: string;
  /** Its last sync was older than ALERT_STALE_HOURS at that check. */
  stale: boolean;
}

/** Statuses that need attention: the connector cannot sync (disconnected) or is not set up yet (pending). */
export type ProblemStatus = 'disconnected' | 'connectionPending';

/** One thing the conversation is told, decided by the instance that won the write of the new state. */
export type Alert =
  | { kind: 'problem'; id: string; connector: SeenConnector; status: ProblemStatus; previous: Previous | null }
  | { kind: 'stale'; id: string; connector: SeenConnector }
  /** Back to connected (or synced again after a stale alert): a short reply under the alert it ends. */
  | { kind: 'recovered'; id: string; connector: SeenConnector; previous: Previous; replyTo: string | null }
  | { kind: 'appeared'; id: string; connector: SeenConnector }
  | { kind: 'disappeared'; id: string; connector: SeenConnector }
  /** The owner's token is gone or refused: polling pauses until someone turns alerts on again. */
  | { kind: 'paused'; id: string; owner: Person }
  /** Graph has not answered the checks for over an hour (throttling, outage). */
  | { kind: 'delayed'; id: string; since: string };

export interface Previous {
  status: string | null;
  since: string;
}

/** A conversation's alerts: whose access polls, what was seen last, and what is still to be posted. */
export interface AlertSubscription {
  /** The conversation, without a thread's `;messageid=` part: one subscription per chat or channel. */
  conversationId: string;
  reference: ChatReference;
  /** A channel: recoveries are posted as replies in the alert's thread. */
  channel: boolean;
  personal: boolean;
  /** Whose delegated token polls (fetched from the token service for each poll, never stored). */
  owner: Person;
  /** The language of the person who turned alerts on. */
  locale: Locale;
  since: string;
  state: { kind: 'on' } | { kind: 'paused'; at: string } | { kind: 'off'; at: string; by: Person };
  /** What the last check saw, by lower-cased connector id; null until the first check (which reports what needs attention). */
  seen: Record<string, SeenConnector> | null;
  /** Connector id -> until when its alerts are muted (ISO). */
  mutes: Record<string, string>;
  /** Connector id -> the message of its open problem alert (a recovery replies to it). */
  open: Record<string, string>;
  /** Alerts decided but not yet posted: a crash between the write and the post repeats one, never loses it. */
  outbox: Alert[];
  lease: { holder: string; until: number } | null;
  /** When the last check asked Graph (ms). */
  polledAt: number | null;
  /** Graph has failed every check since this moment (ms); null when the last check worked. */
  failingSince: number | null;
  /** The conversation was told that checks are delayed (once per outage). */
  delayTold: boolean;
  /** When its marker was last written (ms): rewritten daily, so storage's lifecycle rule never drops a running one. */
  listedAt?: number;
}

export interface StaleRule {
  /** A last sync older than this counts as stale; 0: never. */
  staleMs: number;
  staleOnPremises: boolean;
}

/**
 * What changed between two checks: the new `seen` and the alerts it means. The first check (`before` null) reports
 * what already needs attention; later ones only changes. Pure: the poller decides who writes and posts.
 */
export function changesOf(
  before: AlertSubscription['seen'],
  connectors: readonly Connector[],
  now: Date,
  rule: StaleRule,
  newId: () => string,
): { seen: Record<string, SeenConnector>; alerts: Alert[] } {
  const at = now.toISOString();
  const seen: Record<string, SeenConnector> = {};
  const alerts: Alert[] = [];
  for (const connector of connectors) {
    const key = connector.id.toLowerCase();
    const previous = before?.[key];
    const snapshot = snapshotOf(connector);
    const { status } = snapshot;
    const current: SeenConnector = {
      ...snapshot,
      since: previous && previous.status === status ? previous.since : at,
      stale: false,
    };
    current.stale = isStale(current, now, rule);
    seen[key] = current;
    if (before && !previous) alerts.push({ kind: 'appeared', id: newId(), connector: current });
    const problem = isProblem(status) ? status : null;
    const wasProblem = previous ? isProblem(previous.status) : false;
    if (problem && (!previous || previous.status !== status))
      alerts.push({
        kind: 'problem',
        id: newId(),
        connector: current,
        status: problem,
        previous: previous ? { status: previous.status, since: previous.since } : null,
      });
    if (previous && wasProblem && status === 'connected')
      alerts.push({
        kind: 'recovered',
        id: newId(),
        connector: current,
        previous: { status: previous.status, since: previous.since },
        replyTo: null,
      });
    if (current.stale && !previous?.stale) alerts.push({ kind: 'stale', id: newId(), connector: current });
  }
  for (const [key, gone] of Object.entries(before ?? {}))
    if (!seen[key]) alerts.push({ kind: 'disappeared', id: newId(), connector: gone });
  return { seen, alerts };
}

function isProblem(status: string | null): status is ProblemStatus {
  return status === 'disconnected' || status === 'connectionPending';
}

/** Microsoft ended on-premises connectors' support (2024-02-19): they no longer sync, so only hosted ones go stale by default. */
function isStale(connector: SeenConnector, now: Date, rule: StaleRule): boolean {
  if (rule.staleMs === 0 || !connector.lastSyncDateTime) return false;
  if (connector.type === 'onPremises' && !rule.staleOnPremises) return false;
  return now.getTime() - Date.parse(connector.lastSyncDateTime) > rule.staleMs;
}

/** A connector's alerts are muted until this moment has passed. */
export function isMuted(subscription: Pick<AlertSubscription, 'mutes'>, connectorId: string, now: Date): boolean {
  const until = subscription.mutes[connectorId.toLowerCase()];
  return until !== undefined && Date.parse(until) > now.getTime();
}

/** The conversation a subscription belongs to: a channel thread's id names its channel. */
export function conversationKeyOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}
