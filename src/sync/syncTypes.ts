import type { ConnectorGraph } from '../graph/types';
import type { Versioned } from '../storage';
import type { AuditLog } from './auditLog';
import type { Claimed, Confirmation, Person } from './confirmation';
import type { ConfirmationStore } from './confirmationStore';
import type { ConnectorClaims } from './connectorClaims';

export type Pending = Extract<Confirmation, { state: 'pending' }>;

/** Why a click may not act on a confirmation. Nothing was changed, except where `byThisClick` says so. */
export type Refusal =
  | { kind: 'notFound' }
  /** The confirmation belongs to another conversation (its id was sent from somewhere else). */
  | { kind: 'wrongConversation' }
  | { kind: 'notYours'; requester: Person }
  /** No longer pending. `byThisClick`: this click moved it on (it had expired, or another sync superseded it). */
  | { kind: 'settled'; confirmation: Confirmation; byThisClick: boolean };

export type Inspection = { kind: 'pending'; current: Versioned<Pending> } | Refusal;
export type ClaimResult = { kind: 'claimed'; claimed: Versioned<Claimed> } | Refusal;

/** What a send left behind: the confirmation as it now stands, and whether the user must sign in again. */
export interface SendResult {
  confirmation: Confirmation;
  /** Graph refused the token (401): nothing was synced and the confirmation is pending again. */
  signInAgain: boolean;
}

/** Tracks work that outlives the call that started it, so shutdown can wait for it (src/bot/inFlight.ts). */
export interface BackgroundWork {
  track(work: Promise<unknown>, details: Record<string, unknown>): void;
}

export interface SyncTiming {
  /** How long a confirmation can be confirmed. */
  ttlMs: number;
  /** Graph attempts and their waits for one sync request (GRAPH_TIMEOUT_MS times three). */
  sendBudgetMs: number;
  /** A claim with no outcome after this long belongs to a send that was interrupted (the instance stopped). */
  claimStaleAfterMs: number;
  /** The first pause before storing an outcome again after a storage failure; it doubles each time. */
  settlePauseMs: number;
}

export interface SyncServiceDeps {
  confirmations: ConfirmationStore;
  claims: ConnectorClaims;
  audit: AuditLog;
  graph: ConnectorGraph;
  timing: SyncTiming;
  /** Work that outlives a call (storing an outcome again after a storage hiccup, the audit append). */
  background: BackgroundWork;
  now?: () => Date;
  newId?: () => string;
}
