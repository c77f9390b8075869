import type { Storage, TurnContext } from 'botbuilder';
import type { CardActionData } from '../cards/actions';

/**
 * What the user was doing when they had to sign in, so it resumes by itself afterwards. Holds the command text or
 * the button data, never a token. `attempt` counts stale-token prompts, so a Graph 401 asks again once, not forever.
 */
export type PendingWork =
  | { kind: 'command'; text: string; conversationId: string; attempt: number }
  | { kind: 'cardAction'; action: CardActionData; replyToId: string | null; conversationId: string; attempt: number };

/** One pending item per user and channel (the latest ask wins), kept in the bot's storage. */
export class PendingSignIns {
  constructor(private readonly storage: Storage) {}

  private key(context: TurnContext): string {
    return `signin-pending/${context.activity.channelId}/${context.activity.from.id}`;
  }

  async save(context: TurnContext, work: PendingWork): Promise<void> {
    await this.storage.write({ [this.key(context)]: { work, eTag: '*' } });
  }

  /** Returns and forgets the user's pending work, if it belongs to this conversation. */
  async take(context: TurnContext): Promise<PendingWork | null> {
    const key = this.key(context);
    const item = (await this.storage.read([key]))[key] as { work?: PendingWork } | undefined;
    if (!item?.work) return null;
    await this.storage.delete([key]);
    return item.work.conversationId === context.activity.conversation.id ? item.work : null;
  }
}
