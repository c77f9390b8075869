import { confirmationCard } from '../../cards/confirmationCard';
import { helpCard } from '../../cards/helpCard';
import { userKeyOf, type Confirmation } from '../../sync/confirmation';
import { ours, type Rich } from '../../text/rich';
import type { Command } from '../command';
import { helpLines } from '../catalogue';
import type { Reply, TurnInput } from '../reply';
import type { AdaptiveCard } from '../../cards/schema';
import type { CommandRequest } from './request';

type Request<K extends Command['kind']> = CommandRequest<Extract<Command, { kind: K }>>;

/**
 * The help card, built in this one place: for `help`, for a message not understood (with why, as `preface`), and when
 * the bot joins a chat. Its examples are the catalogue's, in the reader's language.
 */
export function helpFor(input: Pick<TurnInput, 'm' | 'dashboardUrl'>, preface: readonly Rich[] = []): AdaptiveCard {
  return helpCard(input.m, helpLines(input.m.locale), preface, input.dashboardUrl);
}

export function handleHelp({ input }: Request<'help'>): Promise<Reply> {
  return Promise.resolve({ kind: 'card', card: helpFor(input) });
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

/**
 * A typed "cancel": every confirmation of this user that still waits in this chat, each card updated, and says which.
 * "Nothing to cancel" only when none of theirs waits here.
 */
export async function handleCancel({ input, deps }: Request<'cancel'>): Promise<Reply> {
  const { m, user } = input;
  const userKey = userKeyOf(user);
  const cards = await deps.pending.of(input.conversationId, userKey);
  const cancelled: Array<{ messageId: string; confirmation: Confirmation }> = [];
  for (const card of [...cards].reverse()) {
    const inspection = await deps.sync.inspect(card.confirmationId, user, input.conversationId);
    if (inspection.kind !== 'pending') continue;
    const result = await deps.sync.cancel(inspection.current, user);
    if (result.kind === 'settled' && result.confirmation.state === 'cancelled')
      cancelled.push({ messageId: card.messageId, confirmation: result.confirmation });
  }
  if (cards.length > 0)
    await deps.pending.forget(
      input.conversationId,
      userKey,
      cards.map((card) => card.confirmationId),
    );
  if (cancelled.length === 0) return { kind: 'text', text: ours(m.nothingToCancel) };
  return {
    kind: 'update',
    updates: cancelled.map(({ messageId, confirmation }) => ({
      messageId,
      card: confirmationCard(confirmation, { m, personal: input.personal }),
      rank: confirmation.revision,
    })),
    text: m.cancelledText(
      cancelled
        .reverse()
        .map(({ confirmation }) => ({ name: confirmation.connector.name, syncType: confirmation.syncType })),
    ),
  };
}

/**
 * "ok", "yes", "confirm": typing never starts a sync (a card's button does, so nothing syncs by a stray word). Says
 * so, and points at the newest card of this user that still waits in this chat, if there is one.
 */
export async function handleConfirmHint({ input, deps }: Request<'confirm'>): Promise<Reply> {
  const { m, user } = input;
  const cards = await deps.pending.of(input.conversationId, userKeyOf(user));
  for (const card of [...cards].reverse()) {
    const inspection = await deps.sync.inspect(card.confirmationId, user, input.conversationId);
    if (inspection.kind !== 'pending') continue;
    const { connector, syncType } = inspection.current.value;
    return { kind: 'text', text: m.confirmWithButtonPending(connector.name, syncType) };
  }
  return { kind: 'text', text: ours(m.confirmWithButton) };
}
