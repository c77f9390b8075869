import { KEYS, type StateStore } from '../storage';

export interface LatestConfirmation {
  confirmationId: string;
  /** The chat message that carries its card. */
  messageId: string;
}

/** Each user's newest confirmation card per conversation, so a typed "cancel" knows what to cancel. */
export class LatestConfirmations {
  constructor(
    private readonly store: StateStore,
    /** As long as a confirmation can be confirmed: after that there is nothing to cancel. */
    private readonly ttlMs: number,
  ) {}

  remember(conversationId: string, userKey: string, latest: LatestConfirmation): Promise<void> {
    return this.store.put(KEYS.latestConfirmation(conversationId, userKey), latest, { ttlMs: this.ttlMs });
  }

  async latest(conversationId: string, userKey: string): Promise<LatestConfirmation | null> {
    return (await this.store.read<LatestConfirmation>(KEYS.latestConfirmation(conversationId, userKey)))?.value ?? null;
  }
}
