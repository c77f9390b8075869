import type { Logger } from '../logger';
import type { ChatAddress, ChatPlatform } from './chatPlatform';

const REFRESH_USERS = 60; // Teams allows at most 60 users in a card's automatic refresh

/** The requester and up to 59 other members of a group chat or channel; a personal chat needs no refresh. */
export async function refreshUsersOf(
  deps: { platform: ChatPlatform; logger: Logger },
  reference: ChatAddress,
  personal: boolean,
): Promise<string[]> {
  const requester = reference.user?.id;
  if (personal || !requester) return requester ? [requester] : [];
  const users = [requester];
  try {
    await deps.platform.continueIn(reference, async (turn) => {
      for (const member of await deps.platform.members(turn, REFRESH_USERS))
        if (member !== requester && users.length < REFRESH_USERS) users.push(member);
    });
  } catch (error) {
    deps.logger.info({ err: error }, 'watch: chat members unknown; only the requester gets the automatic refresh');
  }
  return users;
}
