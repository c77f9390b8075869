import { KEYS, TTL, type StateStore } from '../storage';

/**
 * Who each card that changes in place (a chooser, a list page) was sent for, recorded by the server when it sent
 * the card. A click may change such a card only if the clicker is that person: the `owner` a button carries is only
 * a hint, since anyone can send a click with any data and any message id. No record (too old, never written) means
 * nobody owns it, so the click answers with a new card and changes nothing.
 */
export class CardOwners {
  constructor(private readonly store: StateStore) {}

  record(conversationId: string, messageId: string, owner: string): Promise<void> {
    return this.store.put(KEYS.cardOwner(conversationId, messageId), { owner }, { ttlMs: TTL.cardOwner });
  }

  async owns(conversationId: string, messageId: string | null, person: string): Promise<boolean> {
    if (!messageId) return false;
    const found = await this.store.read<{ owner?: unknown }>(KEYS.cardOwner(conversationId, messageId));
    return found?.value.owner === person;
  }
}
