import { randomUUID } from 'node:crypto';
import { Deadline } from '../deadline';
import { GraphRequestError } from '../graph/errors';
import type { SyncType } from '../graph/types';
import type { Versioned } from '../storage';
import { auditEntryOf, outcomeFromAudit } from './auditLog';
import {
  isSamePerson,
  withoutPendingFlags,
  type Claimed,
  type Confirmation,
  type ConnectorSnapshot,
  type GraphFailure,
  type Person,
  type RecentRequest,
} from './confirmation';
import { supersedes } from './connectorClaims';
import { patiently } from './patiently';
import { undoUnconfirmedClaim } from './unconfirmedClaim';
import type { ClaimResult, Inspection, Pending, Refusal, SendResult, SyncServiceDeps } from './syncTypes';

export type { ClaimResult, Inspection, Pending, Refusal, SendResult, SyncServiceDeps, SyncTiming } from './syncTypes';

/**
 * The confirmation lifecycle: the only place a sync is sent from. A click inspects the confirmation (nothing
 * changes), the caller fetches the user's token, then claims it: first the connector's claim record, then the
 * confirmation, each by compare-and-swap. Only the click that won both sends, once; Graph's answer is stored as the
 * outcome. The caller sequences the steps, so it can answer the user between them.
 */
export class SyncService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  async propose(
    connector: ConnectorSnapshot,
    syncType: SyncType,
    requestedBy: Person,
    conversationId: string,
    recent?: RecentRequest,
  ): Promise<Pending> {
    const now = this.now();
    const confirmation: Pending = {
      state: 'pending',
      id: this.newId(),
      connector,
      syncType,
      requestedBy,
      conversationId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.deps.timing.ttlMs).toISOString(),
      revision: 0,
      ...(recent ? { recent } : {}),
    };
    await this.deps.confirmations.create(confirmation);
    return confirmation;
  }

  /** The confirmation as it stands now; a claim whose send was interrupted is settled as unknown on the way. */
  async view(id: string): Promise<Confirmation | null> {
    const current = await this.deps.confirmations.get(id);
    if (!current) return null;
    return (await this.resolveStale(current)).value;
  }

  /**
   * Whether `clicker` may act on the confirmation from this conversation: the conversation it was shown in, its
   * requester, still pending and not expired. Changes nothing unless it expired.
   */
  async inspect(id: string, clicker: Person, conversationId: string): Promise<Inspection> {
    const found = await this.deps.confirmations.get(id);
    if (!found) return { kind: 'notFound' };
    const current = await this.resolveStale(found);
    const confirmation = current.value;
    if (confirmation.conversationId !== conversationId) return { kind: 'wrongConversation' };
    // Somebody else's click never changes the card, whatever state it is in.
    if (!isSamePerson(confirmation.requestedBy, clicker))
      return { kind: 'notYours', requester: confirmation.requestedBy };
    if (confirmation.state !== 'pending') return { kind: 'settled', confirmation, byThisClick: false };
    if (this.now().getTime() >= Date.parse(confirmation.expiresAt)) {
      return this.moveOn(current as Versioned<Pending>, {
        ...confirmation,
        state: 'expired',
        expiredAt: this.iso(),
        revision: confirmation.revision + 1,
      });
    }
    return { kind: 'pending', current: current as Versioned<Pending> };
  }

  /**
   * Claims a pending confirmation for `clicker`: takes the connector's claim record unless a newer sync of the
   * connector was requested meanwhile (then this confirmation is superseded), then moves the confirmation to
   * claimed. Only a successful claim may send.
   */
  async claim(current: Versioned<Pending>, clicker: Person): Promise<ClaimResult> {
    const confirmation = current.value;
    const claimId = this.newId();
    const claimedAt = this.iso();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const record = await this.deps.claims.read(confirmation.connector.id);
      const last = record?.value.last;
      if (last && !last.released && last.confirmationId === confirmation.id) return this.refreshed(confirmation.id);
      if (supersedes(last, confirmation.id, confirmation.createdAt)) {
        const other = { confirmationId: last.confirmationId, by: last.by, syncType: last.syncType, at: last.at };
        return this.moveOn(current, {
          ...confirmation,
          state: 'superseded',
          supersededAt: this.iso(),
          other,
          revision: confirmation.revision + 1,
        });
      }
      const next: Claimed = {
        ...withoutPendingFlags(confirmation),
        state: 'claimed',
        claimId,
        claimedBy: clicker,
        claimedAt,
        revision: confirmation.revision + 1,
      };
      let claimed: Versioned<Confirmation> | null;
      try {
        const taken = await this.deps.claims.take(confirmation.connector.id, record, {
          confirmationId: confirmation.id,
          claimId,
          by: clicker,
          syncType: confirmation.syncType,
          at: claimedAt,
        });
        if (!taken) continue; // another claim on this connector got there first: look again
        claimed = await this.deps.confirmations.replace(current, next);
      } catch (error) {
        this.deps.background.track(
          undoUnconfirmedClaim(this.deps, next, (write) => this.patiently(write)),
          { confirmationId: confirmation.id, work: 'undo unconfirmed claim' },
        );
        throw error;
      }
      if (claimed) return { kind: 'claimed', claimed: claimed as Versioned<Claimed> };
      this.deps.background.track(this.deps.claims.release(confirmation.connector.id, claimId), {
        confirmationId: confirmation.id,
        work: 'release claim',
      });
      return this.refreshed(confirmation.id);
    }
    return this.refreshed(confirmation.id);
  }

  /**
   * Sends the claimed sync, once. Graph's answer becomes the outcome: requested, refused, or unknown when the
   * answer was lost. A 401 (the user's sign-in expired) changes nothing: the confirmation is pending again.
   */
  async send(claimed: Versioned<Claimed>, token: string): Promise<SendResult> {
    const confirmation = claimed.value;
    const revision = confirmation.revision + 1;
    let outcome: Confirmation;
    try {
      const deadline = Deadline.after(this.deps.timing.sendBudgetMs);
      const { requestId } = await this.deps.graph.sync(
        { token, deadline },
        confirmation.connector.id,
        confirmation.syncType,
      );
      outcome = { ...confirmation, state: 'requested', requestedAt: this.iso(), graphRequestId: requestId, revision };
    } catch (caught) {
      if (!(caught instanceof GraphRequestError)) throw caught;
      const failure: GraphFailure = {
        kind: caught.kind,
        status: caught.status,
        requestId: caught.requestId,
        retryAfterSeconds: caught.retryAfterSeconds,
      };
      if (caught.kind === 'unauthorized') return this.backToPending(claimed);
      outcome =
        caught.delivery === 'unknown'
          ? { ...confirmation, state: 'unknown', unknownAt: this.iso(), reason: 'noAnswer', failure, revision }
          : { ...confirmation, state: 'refused', refusedAt: this.iso(), failure, revision };
    }
    this.deps.background.track(this.settle(claimed, outcome), {
      confirmationId: confirmation.id,
      work: 'store outcome',
      state: outcome.state,
    });
    return { confirmation: outcome, signInAgain: false };
  }

  async cancel(current: Versioned<Pending>, clicker: Person): Promise<Refusal> {
    const confirmation = current.value;
    return this.moveOn(current, {
      ...confirmation,
      state: 'cancelled',
      cancelledBy: clicker,
      cancelledAt: this.iso(),
      revision: confirmation.revision + 1,
    });
  }

  /**
   * Records the outcome Graph gave: the audit entry first (it doubles as the write-ahead record: a claim left without
   * an outcome is settled from it), then the confirmation, by compare-and-swap on the claim's version so it never
   * overwrites what a stale-claim check decided. Storage failures are retried with growing pauses: Graph has acted,
   * so the outcome must not be lost to a hiccup.
   */
  private async settle(claimed: Versioned<Claimed>, outcome: Confirmation): Promise<void> {
    const entry = auditEntryOf(outcome);
    if (entry) await this.deps.audit.record(entry);
    const stored = await this.patiently(() => this.deps.confirmations.replace(claimed, outcome));
    if (!stored) await this.patiently(() => this.deps.confirmations.correctInterrupted(claimed.value, outcome)); // settled elsewhere: only a guess gives way
  }

  /** A write that records what already happened (Graph answered, nothing was sent): see patiently.ts. */
  private patiently<T>(write: () => Promise<T>): Promise<T> {
    return patiently(write, this.deps.timing.settlePauseMs);
  }

  private async backToPending(claimed: Versioned<Claimed>): Promise<SendResult> {
    const { claimId, claimedBy: _by, claimedAt: _at, ...rest } = claimed.value;
    const pending: Pending = { ...rest, state: 'pending', signInExpired: true, revision: claimed.value.revision + 1 };
    // Graph said 401 (nothing synced): the card must work again after sign-in, so a storage hiccup must not leave it claimed.
    const stored = await this.patiently(() => this.deps.confirmations.replace(claimed, pending));
    await this.patiently(() => this.deps.claims.release(claimed.value.connector.id, claimId));
    return { confirmation: stored ? pending : claimed.value, signInAgain: true };
  }

  /**
   * A confirmation claimed long ago with no stored outcome: its instance stopped during the send. If the outcome was
   * audited before that, it is settled to that outcome; otherwise nobody knows whether Graph acted: unknown, audited.
   */
  private async resolveStale(current: Versioned<Confirmation>): Promise<Versioned<Confirmation>> {
    const confirmation = current.value;
    if (confirmation.state !== 'claimed') return current;
    if (this.now().getTime() - Date.parse(confirmation.claimedAt) < this.deps.timing.claimStaleAfterMs) return current;
    const audited = await this.deps.audit.find(confirmation.connector.id, confirmation.id);
    const outcome: Confirmation = audited
      ? outcomeFromAudit(confirmation, audited)
      : {
          ...confirmation,
          state: 'unknown',
          unknownAt: this.iso(),
          reason: 'interrupted',
          failure: null,
          revision: confirmation.revision + 1,
        };
    const stored = await this.deps.confirmations.replace(current, outcome);
    if (!stored) return (await this.deps.confirmations.get(confirmation.id)) ?? current;
    const entry = audited ? null : auditEntryOf(outcome);
    if (entry)
      this.deps.background.track(this.deps.audit.record(entry), { confirmationId: confirmation.id, work: 'audit' });
    return stored;
  }

  /** Moves a pending confirmation to a state this click decided; if someone else moved it first, says what they did. */
  private async moveOn(current: Versioned<Pending>, next: Confirmation): Promise<Refusal> {
    const stored = await this.deps.confirmations.replace(current, next);
    return stored ? { kind: 'settled', confirmation: next, byThisClick: true } : this.refreshed(next.id);
  }

  private async refreshed(id: string): Promise<Refusal> {
    const confirmation = await this.view(id);
    return confirmation ? { kind: 'settled', confirmation, byThisClick: false } : { kind: 'notFound' };
  }

  private iso(): string {
    return this.now().toISOString();
  }
}
