import type { Messages } from '../i18n';
import type { AuditEntry } from '../sync/auditLog';
import { when } from './format';
import { card, heading, text, type AdaptiveCard, type TableCell } from './schema';

const cell = (value: string, bold = false): TableCell => ({ type: 'TableCell', items: [text(value, bold ? { weight: 'bolder' } : {})] });

/** `history CAS01`: the last sync requests, newest first, with who asked and Graph's request-id. */
export function historyCard(connectorName: string, entries: readonly AuditEntry[], m: Messages): AdaptiveCard {
  if (entries.length === 0) return card([heading(m.historyTitle(connectorName)), text(m.historyEmpty)]);
  const columns = m.historyColumns;
  const rows = entries.map((entry) => ({
    type: 'TableRow' as const,
    cells: [
      cell(when(entry.at)),
      cell(entry.confirmedBy.name),
      cell(m.syncTypeName[entry.syncType]),
      cell(entry.outcome === 'requested' ? m.outcomeRequested : m.outcomeFailed(entry.httpStatus ? String(entry.httpStatus) : (entry.failure ?? '?'))),
    ],
  }));
  return card(
    [
      heading(m.historyTitle(connectorName)),
      {
        type: 'Table',
        columns: [{ width: 3 }, { width: 3 }, { width: 3 }, { width: 2 }],
        firstRowAsHeader: true,
        showGridLines: false,
        rows: [{ type: 'TableRow', style: 'emphasis', cells: [columns.when, columns.who, columns.type, columns.outcome].map((title) => cell(title, true)) }, ...rows],
      },
    ],
    undefined,
    { fullWidth: true },
  );
}
