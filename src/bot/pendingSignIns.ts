import type { ChatTurn } from './chatPlatform';
import type { ResumableWork } from '../commands/reply';
import { KEYS, TTL, type StateStore } from '../storage';

/**
 * What the user was doing when they had to sign in, so it resumes by itself afterwards. Holds the command text or
 * the button data, never a token. `attempt` counts stale-token prompts, so a Graph 401 asks again once, not forever.
 */
export type PendingWork = ResumableWork & { conversationId: string; attempt: number };

/** One pending item per user and channel (the latest ask wins), kept in the bot's storage for a day. */
export class PendingSignIns {
  constructor(private readonly store: StateStore) {}

  private key(context: ChatTurn): string {
    return KEYS.pendingSignIn(context.activity.channelId, context.activity.from.id);
  }

  async save(context: ChatTurn, work: PendingWork): Promise<void> {
    await this.store.put(this.key(context), work, { ttlMs: TTL.pendingSignIn });
  }

  /**
   * Returns and forgets the user's pending work if it belongs to this conversation; work left in another
   * conversation stays for that conversation.
   */
  async take(context: ChatTurn): Promise<PendingWork | null> {
    const key = this.key(context);
    const item = await this.store.read<PendingWork>(key);
    if (!item || item.value.conversationId !== context.activity.conversation.id) return null;
    const taken = await this.store.replace(key, { ...item.value, taken: true }, item.eTag, { ttlMs: 1 });
    if (!taken.replaced) return null; // another instance (a second Teams client's exchange) took it
    await this.store.delete(key);
    return item.value;
  }
}
