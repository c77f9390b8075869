import { randomUUID } from 'node:crypto';
import { GraphRequestError } from '../graph/errors';
import type { ConnectorGraph, SyncType } from '../graph/types';
import type { Confirmation, ConnectorSnapshot, Person } from './confirmation';
import { isSamePerson } from './confirmation';
import type { ConfirmationStore, Versioned } from './confirmationStore';
import { auditEntryOf, type AuditLog } from './auditLog';

/** What became of a click on a confirmation card. The card shown next is drawn from this. */
export type ClickResult =
  | { kind: 'requested'; confirmation: Confirmation }
  | { kind: 'failed'; confirmation: Confirmation; error: GraphRequestError }
  | { kind: 'cancelled'; confirmation: Confirmation }
  /** Someone (maybe this user, in another window) got there first; nothing was done now. */
  | { kind: 'alreadyHandled'; confirmation: Confirmation }
  | { kind: 'expired'; confirmation: Confirmation }
  | { kind: 'notRequester'; confirmation: Confirmation }
  | { kind: 'notFound' }
  /** No token for the clicking user yet; nothing changed. */
  | { kind: 'signInRequired' };

/** Returns the acting user's Graph token, or null when the user must sign in first. */
export type TokenSource = () => Promise<string | null>;

export interface SyncServiceDeps {
  confirmations: ConfirmationStore;
  audit?: AuditLog;
  /** Told when the outcome of a sync that Graph already answered could not be stored (the user still sees it). */
  onRecordFailure?: (error: unknown, confirmation: Confirmation) => void;
  graph: ConnectorGraph;
  ttlMs: number;
  now?: () => Date;
  newId?: () => string;
}

/**
 * The confirmation lifecycle. The only place a sync is sent from, and only after this process has won the
 * compare-and-swap from `pending` to `claimed`: however many clicks arrive, at most one reaches Graph.
 */
export class SyncService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  async propose(connector: ConnectorSnapshot, syncType: SyncType, requestedBy: Person): Promise<Confirmation> {
    const now = this.now();
    const confirmation: Confirmation = {
      state: 'pending',
      id: this.newId(),
      connector,
      syncType,
      requestedBy,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.deps.ttlMs).toISOString(),
    };
    await this.deps.confirmations.create(confirmation);
    return confirmation;
  }

  /** `onClaimed` runs once this click has won the claim, before Graph is called (the bot may answer early). */
  async confirm(id: string, clicker: Person, token: TokenSource, onClaimed?: (claimed: Confirmation) => void): Promise<ClickResult> {
    const current = await this.deps.confirmations.get(id);
    const refusal = await this.refusal(current, clicker);
    if (refusal || !current) return refusal ?? { kind: 'notFound' };

    const accessToken = await token();
    if (!accessToken) return { kind: 'signInRequired' };

    const claimedAt = this.now().toISOString();
    const claimed: Confirmation = { ...current.value, state: 'claimed', claimedBy: clicker, claimedAt };
    if (!(await this.deps.confirmations.replace(current, claimed))) return this.lostRace(id);
    onClaimed?.(claimed);

    try {
      const { requestId } = await this.deps.graph.sync(accessToken, claimed.connector.id, claimed.syncType);
      const requested: Confirmation = {
        ...claimed,
        state: 'requested',
        requestedAt: this.now().toISOString(),
        graphRequestId: requestId,
      };
      await this.record(requested);
      return { kind: 'requested', confirmation: requested };
    } catch (caught) {
      if (!(caught instanceof GraphRequestError)) throw caught;
      const failed: Confirmation = {
        ...claimed,
        state: 'failed',
        failedAt: this.now().toISOString(),
        failure: {
          kind: caught.kind,
          status: caught.status,
          requestId: caught.requestId,
          retryAfterSeconds: caught.retryAfterSeconds,
        },
      };
      await this.record(failed);
      return { kind: 'failed', confirmation: failed, error: caught };
    }
  }

  async cancel(id: string, clicker: Person): Promise<ClickResult> {
    const current = await this.deps.confirmations.get(id);
    const refusal = await this.refusal(current, clicker);
    if (refusal || !current) return refusal ?? { kind: 'notFound' };
    const cancelled: Confirmation = {
      ...current.value,
      state: 'cancelled',
      cancelledBy: clicker,
      cancelledAt: this.now().toISOString(),
    };
    if (!(await this.deps.confirmations.replace(current, cancelled))) return this.lostRace(id);
    return { kind: 'cancelled', confirmation: cancelled };
  }

  /** Why a click may not proceed, or null when the confirmation is pending and the clicker may act on it. */
  private async refusal(current: Versioned<Confirmation> | null, clicker: Person): Promise<ClickResult | null> {
    if (!current) return { kind: 'notFound' };
    const confirmation = current.value;
    if (confirmation.state !== 'pending') return { kind: 'alreadyHandled', confirmation };
    if (!isSamePerson(confirmation.requestedBy, clicker)) return { kind: 'notRequester', confirmation };
    if (this.now().getTime() >= Date.parse(confirmation.expiresAt)) {
      const expired: Confirmation = { ...confirmation, state: 'expired', expiredAt: this.now().toISOString() };
      if (!(await this.deps.confirmations.replace(current, expired))) return this.lostRace(confirmation.id);
      return { kind: 'expired', confirmation: expired };
    }
    return null;
  }

  /**
   * Stores Graph's answer. Graph has acted by now, so a storage failure must not turn a sent sync into "nothing was
   * synced": the record stays `claimed` (which is never sent again) and the failure is reported.
   */
  private async record(outcome: Confirmation): Promise<void> {
    try {
      await this.deps.confirmations.settle(outcome);
    } catch (error) {
      this.deps.onRecordFailure?.(error, outcome);
    }
    const entry = auditEntryOf(outcome);
    if (entry && this.deps.audit) await this.deps.audit.record(entry);
  }

  private async lostRace(id: string): Promise<ClickResult> {
    const now = await this.deps.confirmations.get(id);
    return now ? { kind: 'alreadyHandled', confirmation: now.value } : { kind: 'notFound' };
  }
}
