import type { SyncType } from '../graph/types';
import type { Confirmation, Person } from './confirmation';
import type { KeyValueStorage } from './confirmationStore';

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
  outcome: 'requested' | 'failed';
  failure: string | null;
  httpStatus: number | null;
  graphRequestId: string | null;
}

const KEEP = 50;
const keyOf = (connectorId: string): string => `audit/${connectorId.toLowerCase()}`;

export function auditEntryOf(confirmation: Confirmation): AuditEntry | null {
  if (confirmation.state !== 'requested' && confirmation.state !== 'failed') return null;
  const failed = confirmation.state === 'failed';
  return {
    confirmationId: confirmation.id,
    connectorId: confirmation.connector.id,
    connectorName: confirmation.connector.name,
    syncType: confirmation.syncType,
    requestedBy: confirmation.requestedBy,
    confirmedBy: confirmation.claimedBy,
    tenantId: confirmation.claimedBy.tenantId ?? null,
    at: failed ? confirmation.failedAt : confirmation.requestedAt,
    outcome: confirmation.state,
    failure: failed ? confirmation.failure.kind : null,
    httpStatus: failed ? confirmation.failure.status : 204,
    graphRequestId: failed ? confirmation.failure.requestId : confirmation.graphRequestId,
  };
}

/**
 * The last sync requests per connector, in the bot's storage (shared by every instance), appended with
 * compare-and-swap so that concurrent instances never lose an entry. Each entry also goes to the structured log.
 */
export class AuditLog {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly report: (entry: AuditEntry) => void,
    private readonly reportFailure: (error: unknown, entry: AuditEntry) => void,
  ) {}

  /** Never throws: a sync that happened must not look failed because its audit record could not be written. */
  async record(entry: AuditEntry): Promise<void> {
    this.report(entry);
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const key = keyOf(entry.connectorId);
        const current = (await this.storage.read([key]))[key] as { entries?: AuditEntry[]; eTag?: string } | undefined;
        const entries = [...(current?.entries ?? []), entry].slice(-KEEP);
        try {
          await this.storage.write({ [key]: { entries, eTag: current?.eTag ?? '*' } });
          return;
        } catch (error) {
          if (attempt === 4) throw error; // most likely another instance appended at the same moment: read again
        }
      }
    } catch (error) {
      this.reportFailure(error, entry);
    }
  }

  /** The newest first. */
  async recent(connectorId: string, count = 10): Promise<AuditEntry[]> {
    const key = keyOf(connectorId);
    const stored = (await this.storage.read([key]))[key] as { entries?: AuditEntry[] } | undefined;
    return (stored?.entries ?? []).slice(-count).reverse();
  }
}
