import { TeamsInfo, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Proactive } from './cardUpdates';

const REFRESH_USERS = 60; // Teams allows at most 60 users in a card's automatic refresh

/** The requester and up to 59 other members of a group chat or channel; a personal chat needs no refresh. */
export async function refreshUsersOf(
  deps: { proactive: Proactive; logger: Logger },
  reference: Partial<ConversationReference>,
  personal: boolean,
): Promise<string[]> {
  const requester = reference.user?.id;
  if (personal || !requester) return requester ? [requester] : [];
  const users = [requester];
  try {
    await deps.proactive(reference, async (context: TurnContext) => {
      const { members } = await TeamsInfo.getPagedMembers(context, REFRESH_USERS);
      for (const member of members) if (member.id !== requester && users.length < REFRESH_USERS) users.push(member.id);
    });
  } catch (error) {
    deps.logger.info({ err: error }, 'watch: chat members unknown; only the requester gets the automatic refresh');
  }
  return users;
}
