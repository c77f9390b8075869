import type { Activity } from 'botbuilder';
import type { TokenSource, TurnInput } from '../commands/reply';
import { Deadline } from '../deadline';
import { messagesFor, localeOf } from '../i18n';
import type { Person } from '../sync/confirmation';
import { chatReferenceOf } from './chatReferences';
import { tenantOf } from './tenantGuard';

export function personOf(activity: Activity): Person {
  const from = activity.from ?? { id: 'unknown', name: '' };
  return {
    id: from.id,
    aadObjectId: from.aadObjectId ?? null,
    name: from.name?.trim() || from.id,
    tenantId: tenantOf(activity),
  };
}

/**
 * The plain data the command layer gets from a turn. `graphBudgetMs`: how long Graph calls of this turn may take in
 * all; `busy`: shows the user the bot is working (once per turn).
 */
export function turnInputOf(
  activity: Activity,
  token: TokenSource,
  graphBudgetMs: number,
  busy: () => void = () => undefined,
  dashboardUrl: string | null = null,
): TurnInput {
  let shown = false;
  return {
    user: personOf(activity),
    m: messagesFor(localeOf(activity.locale)),
    token,
    conversationId: activity.conversation?.id ?? '',
    personal: activity.conversation?.conversationType === 'personal',
    channel: activity.conversation?.conversationType === 'channel',
    deadline: Deadline.after(graphBudgetMs),
    busy: () => {
      if (!shown) busy();
      shown = true;
    },
    dashboardUrl,
    reference: chatReferenceOf(activity),
  };
}

/** Personal chats need no mention; in group chats and channels the bot only answers when @mentioned. */
export function isAddressedToBot(activity: Activity): boolean {
  if ((activity.conversation?.conversationType ?? 'personal') === 'personal') return true;
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
