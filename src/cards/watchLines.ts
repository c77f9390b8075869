import type { Confirmation } from '../sync/confirmation';
import { ours } from '../text/rich';
import { VERBS, button } from './actions';
import type { CardWatch } from '../sync/following';
import type { CardContext } from './cardContext';
import { statusText, timeOfDay, when } from './format';
import type { CardAction, CardElement, Refresh } from './schema';
import { block } from './text';

/**
 * The lines a requested sync's card gains while the bot follows it: "following until…", then completed, not
 * reported (with what to check), a status change, or "stopped: sign in again". While it runs in a group chat or
 * channel the card carries a Universal Actions refresh, so whoever opens the chat sees the current state, and a
 * Refresh button for members beyond the 60 a refresh can name.
 */
export function watchLines(
  confirmation: Extract<Confirmation, { state: 'requested' }>,
  watch: CardWatch,
  context: CardContext,
): { lines: CardElement[]; actions: CardAction[]; refresh: Refresh | null } {
  const { m } = context;
  const { record } = watch;
  const { connector } = confirmation;
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
      const lines = [block(m.watchFollowing(timeOfDay(record.until)), { color: 'accent' })];
      // Since February 2024 an on-premises connector may never report: the card says so from the start.
      if (connector.type === 'onPremises') lines.push(block(ours(m.onPremisesNote), { isSubtle: true }));
      return { lines, actions: context.personal ? [] : [refreshButton], refresh };
    }
    case 'completed': {
      const minutes = Math.max(
        0,
        Math.round((Date.parse(record.state.lastSyncDateTime) - Date.parse(record.acceptedAt)) / 60_000),
      );
      return {
        lines: [block(m.watchCompleted(when(record.state.lastSyncDateTime), minutes), { color: 'good' })],
        actions: [],
        refresh: null,
      };
    }
    case 'notReported': {
      const minutes = Math.round((Date.parse(record.until) - Date.parse(record.acceptedAt)) / 60_000);
      const lines = [block(m.watchNotReported(minutes, connector.serverName ?? connector.name), { color: 'warning' })];
      if (connector.type === 'onPremises') lines.push(block(ours(m.onPremisesNote), { isSubtle: true }));
      return { lines, actions: [], refresh: null };
    }
    case 'statusChanged':
      return {
        lines: [
          block(m.watchStatusChanged(connector.name, statusText({ ...connector, status: record.state.status }, m)), {
            color: 'warning',
          }),
        ],
        actions: [],
        refresh: null,
      };
    case 'stopped':
      if (record.state.reason === 'gone')
        return { lines: [block(m.watchGone(connector.name), { color: 'warning' })], actions: [], refresh: null };
      return { lines: [block(ours(m.watchStopped), { color: 'warning' })], actions: [refreshButton], refresh: null };
  }
}
