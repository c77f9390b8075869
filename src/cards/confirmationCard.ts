import type { Messages } from '../i18n';
import { userKeyOf, type Confirmation } from '../sync/confirmation';
import { ours, plain } from '../text/rich';
import { VERBS, button } from './actions';
import { describe, type Line } from './describe';
import { lastSyncText, statusText, typeText } from './format';
import { card, type AdaptiveCard, type CardAction, type CardElement } from './schema';
import { block, factLine, heading } from './text';
import type { ConnectorSeen } from '../sync/watch';
import type { CardContext } from './cardContext';
import { watchActions } from './watchActions';

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

/**
 * The confirmation card in every state of its life: the one renderer for every way a card reaches Teams (the
 * invoke answer, the in-place update, the late update after a slow Graph). Only a pending card can sync; cards
 * after it offer what to do next (Status, Retry, Ask again), each as a new flow that never resends.
 */
export function confirmationCard(confirmation: Confirmation, context: CardContext, note?: string): AdaptiveCard {
  const { m } = context;
  const described = describe(confirmation, context);
  const body = [
    heading(described.title, described.tone ?? undefined),
    ...connectorFacts(confirmation, m, factsAsOf(confirmation, context)),
    ...described.lines.map(blockOf),
    ...(note ? [block(ours(note), { color: 'warning', spacing: 'medium' })] : []),
  ];
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
    case 'pending':
      return card(body, [
        button(
          confirmation.recent ? m.syncAgainAnyway : m.startSync[confirmation.syncType],
          { verb: VERBS.confirm, confirmationId: id },
          'positive',
        ),
        button(m.cancel, { verb: VERBS.cancel, confirmationId: id }),
      ]);
    case 'requested': {
      const following = context.watch ? watchActions(confirmation, context.watch, context) : null;
      return card(
        body,
        [
          ...(following?.actions ?? []),
          status,
          button(m.buttons.history, { verb: VERBS.history, connectorId: connector.id }),
        ],
        following?.refresh ? { refresh: following.refresh } : {},
      );
    }
    case 'refused':
      return card(body, [again(m.buttons.retry), status]);
    case 'expired':
      return card(body, [again(m.buttons.askAgain)]);
    case 'unknown':
    case 'superseded':
      return card(body, [status]);
    case 'claimed':
    case 'cancelled':
      return card(body);
  }
}

/** A described line as a card paragraph. */
function blockOf(line: Line): CardElement {
  return block(line.text, {
    ...(line.tone ? { color: line.tone } : {}),
    ...(line.subtle ? { isSubtle: true } : {}),
    ...(line.small ? { size: 'small' as const } : {}),
    ...(line.spacing ? { spacing: line.spacing } : {}),
  });
}
