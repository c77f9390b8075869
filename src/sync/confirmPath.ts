import type { SyncType } from '../graph/types';
import { userKeyOf, type Claimed, type ConnectorSnapshot, type Person } from './confirmation';
import type { CardWatch, Following } from './following';
import type { RecentRequests } from './recentRequests';
import type { Pending, Refusal, SendResult, SyncService } from './syncService';
import type { NewWatchedCard } from './watch';

/** The connector list cached per user for name look-ups (src/commands/connectorDirectory.ts): a 404 makes it stale. */
export interface ConnectorCache {
  invalidate(userKey: string): void;
}

/** What the one confirm path works with; `following` and `cache` are implemented above `sync/`, where they live. */
export interface ConfirmParts {
  sync: SyncService;
  recent: Pick<RecentRequests, 'of'>;
  following: Following;
  cache: ConnectorCache;
}

/** One click on Confirm (a card's button or the tab's): who, where, and what will show the outcome. */
export interface ConfirmRequest {
  confirmationId: string;
  clicker: Person;
  conversationId: string;
  /** The clicker's Graph token: asked for once the confirmation may be acted on, before anything is written. */
  token: () => Promise<string | null>;
  /** What shows the outcome: it joins the connector's watch when Graph accepts the sync. */
  card: NewWatchedCard;
}

/** What Graph's answer left: the outcome, whether to sign in again (Graph said 401), and the watch that follows it. */
export interface Sent {
  result: SendResult;
  /** The watch as the outcome shows it the moment Graph accepted the sync; null for any other outcome. */
  watch: CardWatch | null;
}

/**
 * A confirmation up to the moment its sync is sent: refused (with the card's reason), no token (sign in first;
 * nothing changed), or claimed, with the step that sends it. The chat answers Teams in between (its deadline is
 * short, the send may not be); the tab awaits both.
 */
export type ConfirmStart =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'noToken' }
  | { kind: 'claimed'; claimed: Claimed; send: () => Promise<Sent> };

/**
 * The one confirm path, for the chat and the tab: inspect, token, claim; then send, start following an accepted sync,
 * and forget the cached connector list when Graph says the connector is gone. A sync is sent only by the click that
 * won the claim, and only once (see SyncService).
 */
export async function startConfirmation(request: ConfirmRequest, parts: ConfirmParts): Promise<ConfirmStart> {
  const inspection = await parts.sync.inspect(request.confirmationId, request.clicker, request.conversationId);
  if (inspection.kind !== 'pending') return { kind: 'refused', refusal: inspection };
  // The token comes before any write: a click that cannot sign in leaves the confirmation as it was.
  const token = await request.token();
  if (!token) return { kind: 'noToken' };
  const claim = await parts.sync.claim(inspection.current, request.clicker);
  if (claim.kind !== 'claimed') return { kind: 'refused', refusal: claim };
  return {
    kind: 'claimed',
    claimed: claim.claimed.value,
    send: async () => {
      const result = await parts.sync.send(claim.claimed, token);
      const sent = result.confirmation;
      if (sent.state === 'refused' && sent.failure.kind === 'notFound')
        parts.cache.invalidate(userKeyOf(request.clicker));
      if (sent.state !== 'requested') return { result, watch: null };
      // Graph accepted it: the bot follows it until Intune reports it, and whatever shows it says so.
      parts.following.begin(sent, request.card);
      return { result, watch: parts.following.preview(sent, request.clicker.id) };
    },
  };
}

/**
 * A new confirmation for a connector as Graph just described it, with the line about a sync of it asked for shortly
 * before (the cooldown line) when there was one: the same for a typed command, a card's button and the tab.
 */
export async function proposeSync(
  parts: Pick<ConfirmParts, 'sync' | 'recent'>,
  connector: ConnectorSnapshot,
  syncType: SyncType,
  requestedBy: Person,
  conversationId: string,
): Promise<Pending> {
  return parts.sync.propose(connector, syncType, requestedBy, conversationId, await parts.recent.of(connector.id));
}
