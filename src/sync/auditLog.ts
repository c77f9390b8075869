import type { GraphFailureKind } from '../graph/errors';
import type { SyncType } from '../graph/types';
import { changeOnce, KEYS, StorageContentionError, type StateStore } from '../storage';
import type { Confirmation, Person } from './confirmation';

/** One sync request as Intune admins and auditors need to see it later. */
export interface AuditEntry {
  confirmationId: string;
  connectorId: string;
  connectorName: string;
  syncType: SyncType;
  requestedBy: Person;
  confirmedBy: Person;
  tenantId: string | null;
  at: string;
  /** What Graph did: accepted it, refused it, or nobody knows (its answer was lost). */
  outcome: 'requested' | 'refused' | 'unknown';
  failure: GraphFailureKind | 'interrupted' | null;
  httpStatus: number | null;
  graphRequestId: string | null;
  /** What became of an accepted sync, once the bot stopped following it (absent while followed, or never followed). */
  completion?: Completion;
}

/**
 * The end of a followed sync, as history shows it: Intune reported it (when, and how many minutes after Graph
 * accepted it), did not within the window, the connector's status changed, or following stopped (sign-in, gone).
 */
export type Completion =
  | { state: 'completed'; at: string; minutes: number }
  | { state: 'notReported'; at: string; minutes: number }
  | { state: 'statusChanged'; at: string; status: string }
  | { state: 'stopped'; at: string; reason: 'signIn' | 'gone' };

/** The requests kept per connector: `history` shows ten, the dashboard ten; the rest is margin for support. */
const KEEP = 50;
/** Concurrent appends retry after a conflict; this many tries is far beyond any realistic contention. */
const MAX_TRIES = 10;

/** The outcome an audit entry records, as the claimed confirmation's next state (what a stale claim settles to). */
export function outcomeFromAudit(
  claimed: Extract<Confirmation, { state: 'claimed' }>,
  entry: AuditEntry,
): Confirmation {
  const revision = claimed.revision + 1;
  const failure = {
    kind: entry.failure === 'interrupted' || entry.failure === null ? ('noAnswer' as const) : entry.failure,
    status: entry.httpStatus,
    requestId: entry.graphRequestId,
    retryAfterSeconds: null,
  };
  switch (entry.outcome) {
    case 'requested':
      return { ...claimed, state: 'requested', requestedAt: entry.at, graphRequestId: entry.graphRequestId, revision };
    case 'refused':
      return { ...claimed, state: 'refused', refusedAt: entry.at, failure, revision };
    case 'unknown':
      return {
        ...claimed,
        state: 'unknown',
        unknownAt: entry.at,
        reason: entry.failure === 'interrupted' ? 'interrupted' : 'noAnswer',
        failure,
        revision,
      };
  }
}

export function auditEntryOf(confirmation: Confirmation): AuditEntry | null {
  if (confirmation.state !== 'requested' && confirmation.state !== 'refused' && confirmation.state !== 'unknown')
    return null;
  const base = {
    confirmationId: confirmation.id,
    connectorId: confirmation.connector.id,
    connectorName: confirmation.connector.name,
    syncType: confirmation.syncType,
    requestedBy: confirmation.requestedBy,
    confirmedBy: confirmation.claimedBy,
    tenantId: confirmation.claimedBy.tenantId ?? null,
  };
  switch (confirmation.state) {
    case 'requested':
      return {
        ...base,
        at: confirmation.requestedAt,
        outcome: 'requested',
        failure: null,
        httpStatus: 204,
        graphRequestId: confirmation.graphRequestId,
      };
    case 'refused': {
      const { failure } = confirmation;
      return {
        ...base,
        at: confirmation.refusedAt,
        outcome: 'refused',
        failure: failure.kind,
        httpStatus: failure.status,
        graphRequestId: failure.requestId,
      };
    }
    case 'unknown': {
      const failure = confirmation.failure;
      return {
        ...base,
        at: confirmation.unknownAt,
        outcome: 'unknown',
        failure: confirmation.reason === 'interrupted' ? 'interrupted' : (failure?.kind ?? 'noAnswer'),
        httpStatus: failure?.status ?? null,
        graphRequestId: failure?.requestId ?? null,
      };
    }
  }
}

/**
 * The last sync requests per connector, in the bot's storage (shared by every instance). Appends are
 * compare-and-swap, the first one a create-if-absent, and an entry already there (a retried append whose first try
 * was applied) is not added twice, so concurrent writers never lose or double an entry. Each entry also goes to
 * the structured log.
 */
export class AuditLog {
  constructor(
    private readonly store: StateStore,
    private readonly report: (entry: AuditEntry) => void,
    private readonly reportFailure: (error: unknown, entry: AuditEntry) => void,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Never throws: a sync that happened must not look failed because its audit record could not be written. A lost
   * race is retried at once, a storage outage with growing pauses (about 5 s in all); only then is the entry left to
   * the structured log alone.
   */
  async record(entry: AuditEntry): Promise<void> {
    this.report(entry);
    const key = KEYS.audit(entry.connectorId);
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
      try {
        const outcome = await changeOnce<{ entries: AuditEntry[] }>(this.store, key, (current) => {
          const entries = current?.entries ?? [];
          if (entries.some((existing) => existing.confirmationId === entry.confirmationId)) return null;
          return { entries: [...entries, entry].slice(-KEEP) };
        });
        if (outcome !== 'lost') return;
        await pause(this.random() * 10 * attempt);
      } catch (error) {
        lastError = error;
        await pause(this.random() * 200 * attempt);
      }
    }
    this.reportFailure(
      lastError ?? new StorageContentionError(`the audit of ${entry.connectorId} (${MAX_TRIES} tries)`),
      entry,
    );
  }

  /**
   * Adds what became of these confirmations' syncs to their entries (a followed sync ended). An entry that already has
   * one keeps it. Never throws (the card says it all the same): resolves false when storage kept refusing.
   */
  async complete(connectorId: string, confirmationIds: readonly string[], completion: Completion): Promise<boolean> {
    const key = KEYS.audit(connectorId);
    for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
      try {
        const outcome = await changeOnce<{ entries: AuditEntry[] }>(this.store, key, (current) => {
          if (!current) return null;
          const entries = current.entries.map((entry) =>
            confirmationIds.includes(entry.confirmationId) && !entry.completion ? { ...entry, completion } : entry,
          );
          return entries.every((entry, index) => entry === current.entries[index]) ? null : { entries };
        });
        if (outcome !== 'lost') return true;
        await pause(this.random() * 10 * attempt);
      } catch {
        await pause(this.random() * 200 * attempt);
      }
    }
    return false;
  }

  /** The entry of one confirmation, if it was audited. */
  async find(connectorId: string, confirmationId: string): Promise<AuditEntry | null> {
    const stored = await this.store.read<{ entries: AuditEntry[] }>(KEYS.audit(connectorId));
    return stored?.value.entries.find((entry) => entry.confirmationId === confirmationId) ?? null;
  }

  /** The newest first. */
  async recent(connectorId: string, count = 10): Promise<AuditEntry[]> {
    const stored = await this.store.read<{ entries: AuditEntry[] }>(KEYS.audit(connectorId));
    return (stored?.value.entries ?? []).slice(-count).reverse();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.round(ms)));
}

/**
 * An audit entry as the log carries it: people by their ids alone. Log lines go to Log Analytics, kept on their own
 * schedule; a name adds nothing there that the id and the audit records (history) do not give.
 */
export function loggedAudit(entry: AuditEntry): Record<string, unknown> {
  const byId = (person: Person): Pick<Person, 'id' | 'aadObjectId'> => ({
    id: person.id,
    aadObjectId: person.aadObjectId,
  });
  return { ...entry, requestedBy: byId(entry.requestedBy), confirmedBy: byId(entry.confirmedBy) };
}
