import { describe, type Moments } from '../cards/describe';
import { completionText, outcomeText } from '../cards/historyCard';
import type { Messages } from '../i18n';
import type { AuditEntry } from '../sync/auditLog';
import type { Confirmation } from '../sync/confirmation';
import type { CardWatch } from '../sync/following';
import { chatCardsOf, completionOf, type WatchRecord } from '../sync/watch';
import { toPlainText } from '../text/rich';
import type { ConfirmationView, LiveRow, RequestLine } from './shared/contract';

/** Moments as placeholders the page fills in with the reader's own date and time format (MOMENT_PATTERN). */
const PAGE_MOMENTS: Moments = {
  when: (iso) => `⟨when:${iso}⟩`,
  timeOfDay: (iso) => `⟨time:${iso}⟩`,
};

/** A confirmation in its chat card's words (the one presenter, src/cards/describe.ts), as text for the page. */
export function viewOf(confirmation: Confirmation, m: Messages, watch?: CardWatch): ConfirmationView {
  const described = describe(confirmation, { m, personal: true, watch, moments: PAGE_MOMENTS });
  const failure = confirmation.state === 'refused' || confirmation.state === 'unknown' ? confirmation.failure : null;
  return {
    id: confirmation.id,
    state: confirmation.state,
    connectorId: confirmation.connector.id,
    connectorName: confirmation.connector.name,
    syncType: confirmation.syncType,
    title: toPlainText(described.title),
    tone: described.tone,
    lines: described.lines.map((line) => ({
      text: toPlainText(line.text),
      tone: line.tone ?? null,
      subtle: line.subtle ?? false,
    })),
    confirmLabel:
      confirmation.state === 'pending' && confirmation.recent ? m.syncAgainAnyway : m.startSync[confirmation.syncType],
    requestId: confirmation.state === 'requested' ? confirmation.graphRequestId : (failure?.requestId ?? null),
    expiresAt: confirmation.expiresAt,
  };
}

export function lineOf(entry: AuditEntry, m: Messages): RequestLine {
  return {
    at: entry.at,
    by: entry.confirmedBy.name,
    syncType: entry.syncType,
    syncTypeName: m.syncTypeName[entry.syncType],
    outcome: entry.outcome,
    outcomeText: outcomeText(entry, m),
    completionText: completionText(entry.completion, m, PAGE_MOMENTS),
    requestId: entry.graphRequestId,
    completion: entry.completion ?? null,
  };
}

/**
 * A followed connector's row: its latest request and the watch while it runs. A watch that ended gives the request its
 * completion at once, before history's own record of it lands (a separate write).
 */
export function liveRowOf(record: WatchRecord, latest: AuditEntry | undefined, m: Messages): LiveRow {
  const completion = completionOf(record);
  const ended = latest && latest.at === record.acceptedAt && !latest.completion && completion;
  return {
    connectorId: record.connectorId,
    latest: latest ? lineOf(ended ? { ...latest, completion } : latest, m) : null,
    watch:
      record.state.kind === 'watching'
        ? {
            since: record.acceptedAt,
            until: record.until,
            polledAt: record.polledAt === undefined ? null : new Date(record.polledAt).toISOString(),
            byPage: chatCardsOf(record).length === 0,
          }
        : null,
  };
}
