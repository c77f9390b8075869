import type { Activity } from 'botbuilder';
import { messagesFor, localeOf } from '../i18n';
import type { TurnInput } from '../commands/reply';
import type { Person } from '../sync/confirmation';
import type { TokenSource } from '../sync/syncService';
import { tenantOf } from './tenantGuard';

export function personOf(activity: Activity): Person {
  const from = activity.from ?? { id: 'unknown', name: '' };
  return { id: from.id, aadObjectId: from.aadObjectId ?? null, name: from.name?.trim() || from.id, tenantId: tenantOf(activity) };
}

/** The plain data the command layer gets from a turn. */
export function turnInputOf(activity: Activity, token: TokenSource): TurnInput {
  return { user: personOf(activity), m: messagesFor(localeOf(activity.locale)), token };
}

/** Personal chats need no mention; in group chats and channels the bot only answers when @mentioned. */
export function isAddressedToBot(activity: Activity): boolean {
  if ((activity.conversation?.conversationType ?? 'personal') === 'personal') return true;
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
