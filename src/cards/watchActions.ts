import type { Confirmation } from '../sync/confirmation';
import { VERBS, button } from './actions';
import type { CardWatch } from '../sync/following';
import type { CardContext } from './cardContext';
import type { CardAction, Refresh } from './schema';

/**
 * The buttons a requested sync's card gains while the bot follows it (its words are in describe.ts). While it runs in
 * a group chat or channel the card carries a Universal Actions refresh, so whoever opens the chat sees the current
 * state, and a Refresh button for members beyond the 60 a refresh can name; a watch stopped for a sign-in offers
 * Refresh to continue it.
 */
export function watchActions(
  confirmation: Extract<Confirmation, { state: 'requested' }>,
  watch: CardWatch,
  context: CardContext,
): { actions: CardAction[]; refresh: Refresh | null } {
  const { m } = context;
  const { record } = watch;
  const refreshButton = button(m.buttons.refresh, { verb: VERBS.refresh, confirmationId: confirmation.id });
  switch (record.state.kind) {
    case 'watching': {
      const refresh: Refresh | null =
        !context.personal && watch.refreshFor.length > 0
          ? {
              action: {
                type: 'Action.Execute',
                verb: VERBS.refresh,
                data: { verb: VERBS.refresh, confirmationId: confirmation.id },
              },
              userIds: [...watch.refreshFor],
            }
          : null;
      return { actions: context.personal ? [] : [refreshButton], refresh };
    }
    case 'stopped':
      return { actions: record.state.reason === 'gone' ? [] : [refreshButton], refresh: null };
    default:
      return { actions: [], refresh: null };
  }
}
