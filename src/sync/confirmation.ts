import type { GraphFailureKind } from '../graph/errors';
import type { ConnectorStatus, ConnectorType, SyncType } from '../graph/types';

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

/** What the card shows of the connector, as it was when the user asked. */
export interface ConnectorSnapshot {
  id: string;
  name: string;
  serverName: string | null;
  type: ConnectorType | null;
  status: ConnectorStatus | null;
  lastSyncDateTime: string | null;
}

interface ConfirmationBase {
  id: string;
  connector: ConnectorSnapshot;
  syncType: SyncType;
  requestedBy: Person;
  createdAt: string;
  expiresAt: string;
}

export interface Claim {
  claimedBy: Person;
  claimedAt: string;
}

/**
 * One confirmation and where it stands. States only move forward:
 * pending -> claimed -> requested | failed, or pending -> cancelled | expired.
 * Each state carries exactly the facts that are true in it, so a "requested" record without a time cannot exist.
 */
export type Confirmation =
  | (ConfirmationBase & { state: 'pending' })
  | (ConfirmationBase & Claim & { state: 'claimed' })
  | (ConfirmationBase & Claim & { state: 'requested'; requestedAt: string; graphRequestId: string | null })
  | (ConfirmationBase &
      Claim & {
        state: 'failed';
        failedAt: string;
        failure: { kind: GraphFailureKind; status: number | null; requestId: string | null; retryAfterSeconds: number | null };
      })
  | (ConfirmationBase & { state: 'cancelled'; cancelledBy: Person; cancelledAt: string })
  | (ConfirmationBase & { state: 'expired'; expiredAt: string });

export type ConfirmationState = Confirmation['state'];

/** A stable key for per-user caches: the Entra object id when Teams sends one. */
export function userKeyOf(person: Person): string {
  return person.aadObjectId ?? person.id;
}

export function isSamePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId === b.aadObjectId;
  return a.id === b.id;
}
