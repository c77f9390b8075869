import { changeOnce, KEYS, StorageContentionError, type StateStore } from '../storage';

/** A confirmation card in a chat: which confirmation, and the message that carries it. */
export interface PendingConfirmation {
  confirmationId: string;
  messageId: string;
}

/** The newest cards a user has in one chat; older ones have long expired (a confirmation lives minutes). */
const KEEP = 20;
/** Concurrent changes retry after a conflict; one user's cards in one chat rarely race at all. */
const MAX_TRIES = 5;

/**
 * Each user's confirmation cards per conversation, so a typed "cancel" finds every one that still waits, not only
 * the newest. Entries are added when a card is sent or takes the place of another, and removed once handled; an
 * entry whose confirmation was settled meanwhile is simply skipped by whoever reads it.
 */
export class PendingConfirmations {
  constructor(
    private readonly store: StateStore,
    /** As long as a confirmation can be confirmed: after that there is nothing to cancel. */
    private readonly ttlMs: number,
  ) {}

  remember(conversationId: string, userKey: string, card: PendingConfirmation): Promise<void> {
    return this.change(conversationId, userKey, (items) => [
      ...items.filter((item) => item.confirmationId !== card.confirmationId),
      card,
    ]);
  }

  /** Oldest first. */
  async of(conversationId: string, userKey: string): Promise<PendingConfirmation[]> {
    const found = await this.store.read<{ items?: unknown }>(KEYS.pendingConfirmations(conversationId, userKey));
    return Array.isArray(found?.value.items) ? (found.value.items as PendingConfirmation[]) : [];
  }

  forget(conversationId: string, userKey: string, confirmationIds: readonly string[]): Promise<void> {
    return this.change(conversationId, userKey, (items) =>
      items.filter((item) => !confirmationIds.includes(item.confirmationId)),
    );
  }

  private async change(
    conversationId: string,
    userKey: string,
    edit: (items: PendingConfirmation[]) => PendingConfirmation[],
  ): Promise<void> {
    const key = KEYS.pendingConfirmations(conversationId, userKey);
    const options = { ttlMs: this.ttlMs };
    for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
      const outcome = await changeOnce<{ items?: PendingConfirmation[] }>(
        this.store,
        key,
        (current) => ({ items: edit(current?.items ?? []).slice(-KEEP) }),
        options,
      );
      if (outcome !== 'lost') return;
    }
    throw new StorageContentionError(`the confirmation cards of one user in one chat (${MAX_TRIES} tries)`);
  }
}
