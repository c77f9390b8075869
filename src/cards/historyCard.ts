import type { Messages } from '../i18n';
import type { AuditEntry, Completion } from '../sync/auditLog';
import { ours } from '../text/rich';
import { CARD_MOMENTS, type Moments } from './describe';
import { statusText, when } from './format';
import { card, type AdaptiveCard } from './schema';
import { block, heading } from './text';

/** An audit entry's outcome in the reader's words (the history card and the dashboard). */
export function outcomeText(entry: AuditEntry, m: Messages): string {
  if (entry.outcome === 'requested') return m.outcomeName.requested;
  if (entry.outcome === 'unknown') return m.outcomeName.unknown;
  return m.outcomeName.refused(entry.httpStatus ? String(entry.httpStatus) : (entry.failure ?? '?'));
}

/** What became of a followed sync (Intune reported it, or did not), after its outcome; null while not known. */
export function completionText(
  completion: Completion | undefined,
  m: Messages,
  at: Moments = CARD_MOMENTS,
): string | null {
  switch (completion?.state) {
    case undefined:
      return null;
    case 'completed':
      return m.completionText.completed(at.when(completion.at), completion.minutes);
    case 'notReported':
      return m.completionText.notReported(completion.minutes);
    case 'statusChanged':
      return m.completionText.statusChanged(statusText({ status: completion.status }, m));
    case 'stopped':
      return m.completionText.gone;
  }
}

/** `history CAS01`: the last sync requests, newest first, one line each so it reads on a phone. */
export function historyCard(connectorName: string, entries: readonly AuditEntry[], m: Messages): AdaptiveCard {
  if (entries.length === 0) return card([heading(m.historyTitle(connectorName)), block(ours(m.historyEmpty))]);
  return card([
    heading(m.historyTitle(connectorName)),
    ...entries.map((entry) =>
      block(
        m.historyLine(
          when(entry.at),
          entry.confirmedBy.name,
          m.syncTypeName[entry.syncType],
          [outcomeText(entry, m), completionText(entry.completion, m)].filter(Boolean).join(', '),
        ),
        { spacing: 'small' },
      ),
    ),
  ]);
}
