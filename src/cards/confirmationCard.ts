import type { Messages } from '../i18n';
import type { Confirmation } from '../sync/confirmation';
import { VERBS, button } from './actions';
import { connectorFacts, syncCommand, typedName, when } from './format';
import { card, heading, text, type AdaptiveCard, type CardElement } from './schema';

/**
 * The confirmation card in every state of its life. Only a pending card has buttons; the buttons carry nothing
 * but the opaque confirmation id.
 */
export function confirmationCard(confirmation: Confirmation, m: Messages, note?: string): AdaptiveCard {
  const facts: CardElement = { type: 'FactSet', facts: connectorFacts(confirmation.connector, m) };
  const kind = text(`**${m.syncTypeName[confirmation.syncType]}**: ${m.syncTypeExplained[confirmation.syncType]}`);
  const footer: CardElement[] = note ? [text(note, { color: 'warning', spacing: 'medium' })] : [];
  const { id } = confirmation;

  switch (confirmation.state) {
    case 'pending': {
      const minutes = Math.max(1, Math.round((Date.parse(confirmation.expiresAt) - Date.parse(confirmation.createdAt)) / 60_000));
      return card(
        [
          heading(m.confirmTitle),
          facts,
          kind,
          text(m.confirmAskedBy(confirmation.requestedBy.name), { isSubtle: true }),
          text(m.confirmExpires(minutes), { isSubtle: true, size: 'small', spacing: 'none' }),
          ...footer,
        ],
        [
          button(m.startSync[confirmation.syncType], { verb: VERBS.confirm, confirmationId: id }, 'positive'),
          button(m.cancel, { verb: VERBS.cancel, confirmationId: id }),
        ],
      );
    }
    case 'claimed':
      return card([heading(m.confirmTitle), facts, kind, text(m.sending, { color: 'accent' }), ...footer]);
    case 'requested':
      return card([
        heading(`✅ ${m.requestedTitle(confirmation.syncType)}`, 'good'),
        facts,
        text(m.requestedBy(confirmation.claimedBy.name, when(confirmation.requestedAt))),
        text(m.requestedNext(`status ${typedName(confirmation.connector.name)}`), { isSubtle: true }),
        ...(confirmation.graphRequestId ? [text(m.graphRequestId(confirmation.graphRequestId), { isSubtle: true, size: 'small' })] : []),
        ...footer,
      ]);
    case 'failed': {
      const { failure } = confirmation;
      return card([
        heading(`❌ ${m.failedTitle}`, 'attention'),
        facts,
        kind,
        text(m.graphFailure[failure.kind]),
        ...(failure.retryAfterSeconds !== null ? [text(m.retryAfter(failure.retryAfterSeconds), { isSubtle: true })] : []),
        ...(failure.requestId ? [text(m.graphRequestId(failure.requestId), { isSubtle: true, size: 'small' })] : []),
        ...footer,
      ]);
    }
    case 'cancelled':
      return card([
        heading(m.cancelledTitle),
        facts,
        text(m.cancelledBy(confirmation.cancelledBy.name, when(confirmation.cancelledAt))),
        ...footer,
      ]);
    case 'expired':
      return card([
        heading(`⌛ ${m.expiredTitle}`, 'warning'),
        facts,
        text(m.expiredText(syncCommand(confirmation.connector.name, confirmation.syncType))),
        ...footer,
      ]);
  }
}
