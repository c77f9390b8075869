import type { GraphFailureKind } from '../graph/errors';
import type { SyncType } from '../graph/types';

/** A Teams user, as the domain needs one: who asked, who clicked. */
export interface Person {
  /** The channel's user id (Teams: `29:...`). */
  id: string;
  /** Entra object id, when the channel sends one: the identity that survives across channels. */
  aadObjectId: string | null;
  name: string;
  /** The Entra tenant the activity came from, when Teams names one. */
  tenantId?: string | null;
}

/**
 * What the card shows of the connector, as it was when the user asked. Status and type are Graph's raw strings:
 * Graph may add values the bot does not know yet, and those are shown as they are.
 */
export interface ConnectorSnapshot {
  id: string;
  name: string;
  serverName: string | null;
  type: string | null;
  status: string | null;
  lastSyncDateTime: string | null;
}

/** Graph's answer when it did not accept a sync. */
export interface GraphFailure {
  kind: GraphFailureKind;
  status: number | null;
  requestId: string | null;
  retryAfterSeconds: number | null;
}

/** Another sync of the same connector, requested after this card was shown. */
export interface OtherRequest {
  confirmationId: string;
  by: Person;
  syncType: SyncType;
  at: string;
}

/** Another sync of the connector asked for shortly before this confirmation was made (SYNC_COOLDOWN_MINUTES). */
export interface RecentRequest {
  by: Person;
  syncType: SyncType;
  at: string;
  progress: 'requested' | 'watching' | 'completed' | 'notReported';
}

interface ConfirmationBase {
  id: string;
  connector: ConnectorSnapshot;
  syncType: SyncType;
  requestedBy: Person;
  /** The conversation the card was shown in: a click sent from anywhere else is refused. */
  conversationId: string;
  createdAt: string;
  expiresAt: string;
  /** Grows with every change of state: a card is never updated back to an older state. */
  revision: number;
  /** Said on the card, which then offers "Sync again anyway": never a silent block. */
  recent?: RecentRequest;
}

export interface Claim {
  /** Unique per click that won the claim. */
  claimId: string;
  claimedBy: Person;
  claimedAt: string;
}

/**
 * One confirmation and where it stands. States only move forward, with one exception: Graph's 401 (the user's
 * sign-in expired, nothing was synced) puts a claimed confirmation back to pending, so the same card works after
 * signing in again.
 *   pending -> claimed -> requested | refused | unknown
 *   pending -> cancelled | expired | superseded
 * Each state carries exactly the facts that are true in it.
 */
export type Confirmation =
  | (ConfirmationBase & { state: 'pending'; signInExpired?: boolean })
  | (ConfirmationBase & Claim & { state: 'claimed' })
  | (ConfirmationBase & Claim & { state: 'requested'; requestedAt: string; graphRequestId: string | null })
  | (ConfirmationBase & Claim & { state: 'refused'; refusedAt: string; failure: GraphFailure })
  /** Graph's answer was lost (timeout, dropped connection, 504) or the bot stopped while sending: it may have synced. */
  | (ConfirmationBase &
      Claim & { state: 'unknown'; unknownAt: string; reason: 'noAnswer' | 'interrupted'; failure: GraphFailure | null })
  | (ConfirmationBase & { state: 'cancelled'; cancelledBy: Person; cancelledAt: string })
  | (ConfirmationBase & { state: 'expired'; expiredAt: string })
  | (ConfirmationBase & { state: 'superseded'; supersededAt: string; other: OtherRequest });

export type Claimed = Extract<Confirmation, { state: 'claimed' }>;
export type Requested = Extract<Confirmation, { state: 'requested' }>;

/** A stable key for per-user caches: the Entra object id when Teams sends one. */
export function userKeyOf(person: Person): string {
  return person.aadObjectId ?? person.id;
}

export function isSamePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId === b.aadObjectId;
  return a.id === b.id;
}

/** A pending confirmation's fields without its state and its pending-only flag (what a claim keeps). */
export function withoutPendingFlags(
  pending: Extract<Confirmation, { state: 'pending' }>,
): Omit<Extract<Confirmation, { state: 'pending' }>, 'state' | 'signInExpired'> {
  const { state: _state, signInExpired: _flag, ...rest } = pending;
  return rest;
}

/** Confirmation ids are UUIDs the bot mints (`randomUUID`); an id that comes back in any other shape is refused. */
const CONFIRMATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isConfirmationId(value: unknown): value is string {
  return typeof value === 'string' && CONFIRMATION_ID.test(value);
}
