import { VERBS, type CardActionData } from '../cards/actions';
import { alertsOnCard } from '../cards/alertCards';
import { when } from '../cards/format';
import { userKeyOf } from '../sync/confirmation';
import { ours } from '../text/rich';
import type { CommandDeps } from './handlers/request';
import type { ClickOutcome, TurnInput } from './reply';

type AlertAction = Extract<CardActionData, { verb: typeof VERBS.alertsOn | typeof VERBS.alertsMute }>;

export function isAlertAction(action: CardActionData): action is AlertAction {
  return action.verb === VERBS.alertsOn || action.verb === VERBS.alertsMute;
}

/**
 * Turn on (only the person the card asked, with their own sign-in: the checks run with their access) and Mute 24 h
 * (anyone in the conversation). Turn on replaces its card with what is now on; a mute is said to the clicker.
 */
export async function alertClick(
  action: AlertAction,
  input: TurnInput,
  replyToId: string | null,
  deps: CommandDeps,
): Promise<ClickOutcome> {
  const { m } = input;
  if (action.verb === VERBS.alertsMute) {
    const muted = await deps.alerts.mute(input.conversationId, action.connectorId);
    return { kind: 'notice', text: muted ? m.alerts.muted(muted.name, when(muted.until)) : ours(m.alerts.alreadyOff) };
  }
  if (action.owner !== userKeyOf(input.user)) return { kind: 'notice', text: ours(m.alerts.onlyAsker) };
  const token = await input.token();
  if (!token) return { kind: 'signIn', need: { staleToken: false, resume: { kind: 'cardAction', action, replyToId } } };
  await deps.alerts.turnOn(
    {
      conversationId: input.conversationId,
      reference: input.reference,
      channel: input.channel,
      personal: input.personal,
    },
    input.user,
    m.locale,
    token,
  );
  return { kind: 'card', card: alertsOnCard(input.user, deps.alertChecks, m), rank: null };
}
