import { confirmationCard } from '../../cards/confirmationCard';
import { helpCard } from '../../cards/helpCard';
import { userKeyOf } from '../../sync/confirmation';
import { ours } from '../../text/rich';
import type { Command } from '../command';
import { helpLines } from '../registry';
import type { Reply } from '../reply';
import type { CommandRequest } from './request';

type Request<K extends Command['kind']> = CommandRequest<Extract<Command, { kind: K }>>;

export function handleHelp({ input }: Request<'help'>): Promise<Reply> {
  return Promise.resolve({ kind: 'card', card: helpCard(input.m, helpLines(input.m.locale), [], input.dashboardUrl) });
}

/** Small talk gets a short answer, not the help card. */
export function handleThanks({ input }: Request<'thanks'>): Promise<Reply> {
  return Promise.resolve({ kind: 'text', text: ours(input.m.thanksReply) });
}

export function handleGreeting({ input }: Request<'greeting'>): Promise<Reply> {
  return Promise.resolve({ kind: 'text', text: ours(input.m.greeting) });
}

export function handleSignOut(): Promise<Reply> {
  return Promise.resolve({ kind: 'signOut' });
}

/** A typed "cancel": the user's newest confirmation in this chat, if it still waits; otherwise, nothing to cancel. */
export async function handleCancel({ input, deps }: Request<'cancel'>): Promise<Reply> {
  const { m, user } = input;
  const latest = await deps.latest.latest(input.conversationId, userKeyOf(user));
  const inspection = latest ? await deps.sync.inspect(latest.confirmationId, user, input.conversationId) : null;
  if (!latest || inspection?.kind !== 'pending') return { kind: 'text', text: ours(m.nothingToCancel) };
  const result = await deps.sync.cancel(inspection.current, user);
  if (result.kind !== 'settled' || result.confirmation.state !== 'cancelled')
    return { kind: 'text', text: ours(m.nothingToCancel) };
  const { confirmation } = result;
  return {
    kind: 'update',
    messageId: latest.messageId,
    card: confirmationCard(confirmation, { m, personal: input.personal }),
    rank: confirmation.revision,
    text: m.cancelledText(confirmation.connector.name, confirmation.syncType),
  };
}
