import type { ChatWatchedCard, WatchRecord } from './watch';

/**
 * What following a sync needs from the chat platform, declared here and implemented at the Teams edge
 * (src/bot/teamsWatchDelivery.ts): the polling never knows how a token is fetched or a card is updated.
 */
export interface WatchDelivery {
  /** Who gets a new chat card's automatic refresh: the requester, and in a group chat or channel up to 59 others. */
  refreshUsers(card: Omit<ChatWatchedCard, 'refreshFor'>): Promise<string[]>;
  /** The requester's Graph token for one poll (fetched through a chat that shows the watch), or null. */
  requesterToken(record: WatchRecord): Promise<string | null>;
  /** Shows the watch's state on these cards (chat cards only; the tab reads storage); `step` ranks the update. */
  update(record: WatchRecord, cards: WatchRecord['cards'], step: number): void;
}
