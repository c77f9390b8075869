import type { Messages } from '../i18n';
import { userKeyOf, type Confirmation, type RecentRequest } from '../sync/confirmation';
import { ours, plain, type Rich } from '../text/rich';
import { VERBS, button } from './actions';
import { lastSyncText, statusCommand, statusText, timeOfDay, typeText, when } from './format';
import { card, type AdaptiveCard, type CardAction, type CardElement } from './schema';
import { block, factLine, heading } from './text';
import type { ConnectorSeen } from '../sync/watch';
import type { CardContext } from './cardContext';
import { watchLines } from './watchLines';

/**
 * Which status and last sync a card shows: `fresh` (just read: a pending or claimed card), `asked` (read when the sync
 * was asked for, and labelled so: the card may be read much later), or what a later poll saw (a followed sync).
 */
export type FactsAsOf = 'fresh' | 'asked' | ConnectorSeen;

export function connectorFacts(
  confirmation: Pick<Confirmation, 'connector'>,
  m: Messages,
  asOf: FactsAsOf = 'fresh',
): CardElement[] {
  const { connector } = confirmation;
  const now = typeof asOf === 'object' ? { ...connector, ...asOf } : connector;
  const old = asOf === 'asked';
  return [
    factLine(m.fact.connector, plain(connector.name)),
    factLine(m.fact.server, plain(connector.serverName ?? m.unknownValue), { spacing: 'none' }),
    factLine(m.fact.type, plain(typeText(connector, m)), { spacing: 'none' }),
    factLine(old ? m.fact.statusWhenAsked : m.fact.status, plain(statusText(now, m)), { spacing: 'none' }),
    factLine(old ? m.fact.lastSyncWhenAsked : m.fact.lastSync, ours(lastSyncText(now, m)), { spacing: 'none' }),
  ];
}

/** The facts a card in this state can truthfully show. */
function factsAsOf(confirmation: Confirmation, context: CardContext): FactsAsOf {
  if (confirmation.state === 'pending' || confirmation.state === 'claimed') return 'fresh';
  return confirmation.state === 'requested' && context.watch?.record.seen ? context.watch.record.seen : 'asked';
}

/** The line under a pending card about a sync of the same connector asked for shortly before. */
function recentText(recent: RecentRequest, m: Messages): Rich {
  return m.recentRequest(recent.by.name, recent.syncType, when(recent.at), m.recentProgress[recent.progress]);
}

/**
 * The confirmation card in every state of its life: the one renderer for every way a card reaches Teams (the
 * invoke answer, the in-place update, the late update after a slow Graph). Only a pending card can sync; cards
 * after it offer what to do next (Status, Retry, Ask again), each as a new flow that never resends.
 */
export function confirmationCard(confirmation: Confirmation, context: CardContext, note?: string): AdaptiveCard {
  const { m } = context;
  const facts = connectorFacts(confirmation, m, factsAsOf(confirmation, context));
  const kind = block(
    ours(`**${m.syncTypeName[confirmation.syncType]}**: ${m.syncTypeExplained[confirmation.syncType]}`),
  );
  const footer: CardElement[] = note ? [block(ours(note), { color: 'warning', spacing: 'medium' })] : [];
  const { id, connector } = confirmation;
  const status = button(m.buttons.status, { verb: VERBS.status, connectorId: connector.id });
  const again = (title: string): CardAction =>
    button(title, {
      verb: VERBS.prepare,
      connectorId: connector.id,
      syncType: confirmation.syncType,
      owner: userKeyOf(confirmation.requestedBy),
      inPlace: false,
    });

  switch (confirmation.state) {
    case 'pending': {
      const warning =
        connector.status === 'disconnected' || connector.status === 'connectionPending'
          ? [block(m.confirmStatusWarning(connector.name, connector.status), { spacing: 'medium' })]
          : [];
      return card(
        [
          heading(ours(m.confirmTitle)),
          ...facts,
          ...warning,
          kind,
          ...(confirmation.signInExpired ? [block(ours(m.signInExpiredNote), { color: 'warning' })] : []),
          ...(confirmation.recent
            ? [block(recentText(confirmation.recent, m), { color: 'warning', spacing: 'medium' })]
            : []),
          block(m.confirmAskedBy(confirmation.requestedBy.name, context.personal), { isSubtle: true }),
          block(m.confirmValidUntil(timeOfDay(confirmation.expiresAt)), {
            isSubtle: true,
            size: 'small',
            spacing: 'none',
          }),
          ...footer,
        ],
        [
          button(
            confirmation.recent ? m.syncAgainAnyway : m.startSync[confirmation.syncType],
            { verb: VERBS.confirm, confirmationId: id },
            'positive',
          ),
          button(m.cancel, { verb: VERBS.cancel, confirmationId: id }),
        ],
      );
    }
    case 'claimed':
      return card([
        heading(ours(m.confirmTitle)),
        ...facts,
        kind,
        block(ours(m.sending), { color: 'accent' }),
        ...footer,
      ]);
    case 'requested': {
      const following = context.watch ? watchLines(confirmation, context.watch, context) : null;
      return card(
        [
          heading(ours(`✅ ${m.requestedTitle(confirmation.syncType)}`), 'good'),
          ...facts,
          block(m.requestedBy(confirmation.claimedBy.name, when(confirmation.requestedAt))),
          ...(following?.lines ?? [
            block(
              connector.type === 'onPremises' ? ours(m.onPremisesNote) : m.requestedNext(statusCommand(connector.name)),
              { isSubtle: true },
            ),
          ]),
          ...(confirmation.graphRequestId
            ? [block(m.graphRequestId(confirmation.graphRequestId), { isSubtle: true, size: 'small' })]
            : []),
          ...footer,
        ],
        [
          ...(following?.actions ?? []),
          status,
          button(m.buttons.history, { verb: VERBS.history, connectorId: connector.id }),
        ],
        following?.refresh ? { refresh: following.refresh } : {},
      );
    }
    case 'refused': {
      const { failure } = confirmation;
      return card(
        [
          heading(ours(`❌ ${m.refusedTitle}`), 'attention'),
          ...facts,
          kind,
          block(ours(m.syncFailure[failure.kind])),
          ...(failure.retryAfterSeconds !== null
            ? [block(ours(m.retryAfter(failure.retryAfterSeconds)), { isSubtle: true })]
            : []),
          ...(failure.requestId ? [block(m.graphRequestId(failure.requestId), { isSubtle: true, size: 'small' })] : []),
          ...footer,
        ],
        [again(m.buttons.retry), status],
      );
    }
    case 'unknown': {
      const command = statusCommand(connector.name);
      const requestId = confirmation.failure?.requestId;
      return card(
        [
          heading(ours(`⚠️ ${m.unknownTitle}`), 'warning'),
          ...facts,
          block(confirmation.reason === 'interrupted' ? m.interruptedText(command) : m.unknownText(command)),
          ...(requestId ? [block(m.graphRequestId(requestId), { isSubtle: true, size: 'small' })] : []),
          ...footer,
        ],
        [status],
      );
    }
    case 'cancelled':
      return card([
        heading(ours(m.cancelledTitle)),
        ...facts,
        block(m.cancelledBy(confirmation.cancelledBy.name, when(confirmation.cancelledAt))),
        ...footer,
      ]);
    case 'expired':
      return card(
        [heading(ours(`⌛ ${m.expiredTitle}`), 'warning'), ...facts, block(ours(m.expiredText)), ...footer],
        [again(m.buttons.askAgain)],
      );
    case 'superseded': {
      const { other } = confirmation;
      return card(
        [
          heading(ours(m.supersededTitle)),
          ...facts,
          block(m.supersededText(other.by.name, other.syncType, when(other.at))),
          ...footer,
        ],
        [status],
      );
    }
  }
}
