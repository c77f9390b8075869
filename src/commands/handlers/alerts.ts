import { alertsConfirmCard, alertsStatusCard } from '../../cards/alertCards';
import { ours } from '../../text/rich';
import type { Command } from '../command';
import type { Reply } from '../reply';
import { tokenOr, type CommandRequest } from './request';

/**
 * `alerts on` asks for a sign-in (the checks will run with this person's access) and answers with the card that
 * says so and turns them on; `alerts off` stops them for everyone here; `alerts` says how they stand.
 */
export async function handleAlerts(request: CommandRequest<Extract<Command, { kind: 'alerts' }>>): Promise<Reply> {
  const { command, input, deps } = request;
  const { m } = input;
  switch (command.action) {
    case 'show': {
      const { subscription, log } = await deps.alerts.status(input.conversationId);
      return { kind: 'card', card: alertsStatusCard(subscription, log, deps.alertChecks, m, deps.alerts.now()) };
    }
    case 'off': {
      const stopped = await deps.alerts.turnOff(input.conversationId, input.user);
      return { kind: 'text', text: stopped ? m.alerts.offText(input.user.name) : ours(m.alerts.alreadyOff) };
    }
    case 'on': {
      const token = await tokenOr(request);
      if ('reply' in token) return token.reply;
      return { kind: 'card', card: alertsConfirmCard(input.user, deps.alertChecks, m) };
    }
  }
}
