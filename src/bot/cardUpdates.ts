import { ActivityTypes, CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';
import type { Logger } from '../logger';
import type { InFlight } from './inFlight';
import { sendCard } from './replies';

/** Continues a conversation outside a turn (botbuilder's continueConversationAsync). */
export type Proactive = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

export interface CardUpdate {
  reference: Partial<ConversationReference>;
  /** The message that carries the card; null when there is none to update. */
  messageId: string | null;
  card: AdaptiveCard;
  /** The card's state order (a confirmation's revision): a lower rank never replaces a higher one. Null: unordered. */
  rank: number | null;
  /** If the update fails, post the card as a new message: nobody has seen this state yet (a late outcome). */
  fallbackToNewMessage: boolean;
  /** Runs after the card, in the same order (a notice or a sign-in prompt that belongs to this state). */
  then?: (context: TurnContext) => Promise<void>;
}

interface Lane {
  tail: Promise<void>;
  rank: number;
}

/**
 * Every card update, in order, outside the turn that caused it: a click is answered at once, and the card other
 * people see follows. Updates of one message run one after another; an update whose rank is lower than one already
 * shown is skipped, so a late "Sending…" can never overwrite the outcome. Each update is one attempt with a deadline
 * (see botFrameworkHttp.ts); a failed update of a state nobody has seen falls back to a new message.
 */
export class CardUpdates {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly proactive: Proactive,
    private readonly inFlight: InFlight,
    private readonly logger: Logger,
  ) {}

  enqueue(update: CardUpdate): void {
    const key = `${update.reference.conversation?.id ?? ''}|${update.messageId ?? Math.random()}`;
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), rank: -1 };
    const run = lane.tail.then(() => this.apply(lane, update));
    lane.tail = run.catch(() => undefined);
    this.lanes.set(key, lane);
    this.inFlight.track(run, { work: 'card update', messageId: update.messageId, rank: update.rank });
    void lane.tail.then(() => {
      if (this.lanes.get(key)?.tail === lane.tail) this.lanes.delete(key);
    });
  }

  /** Something to say in the conversation outside a turn (a notice, a sign-in prompt), in order with earlier sends. */
  say(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): void {
    const key = `${reference.conversation?.id ?? ''}|messages`;
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), rank: -1 };
    const run = lane.tail.then(() => this.proactive(reference, logic));
    lane.tail = run.catch(() => undefined);
    this.lanes.set(key, lane);
    this.inFlight.track(run, { work: 'message' });
    void lane.tail.then(() => {
      if (this.lanes.get(key)?.tail === lane.tail) this.lanes.delete(key);
    });
  }

  private async apply(lane: Lane, update: CardUpdate): Promise<void> {
    if (update.rank !== null && update.rank < lane.rank) {
      this.logger.debug({ messageId: update.messageId, rank: update.rank, shown: lane.rank }, 'card update skipped: a later state is already shown');
      return;
    }
    if (update.rank !== null) lane.rank = update.rank;
    await this.proactive(update.reference, async (context) => {
      const updated = update.messageId ? await this.replace(context, update.messageId, update.card) : false;
      if (!updated && update.fallbackToNewMessage) await sendCard(context, update.card);
      if (update.then) await update.then(context);
    });
  }

  private async replace(context: TurnContext, messageId: string, card: AdaptiveCard): Promise<boolean> {
    try {
      await context.updateActivity({ type: ActivityTypes.Message, id: messageId, attachments: [CardFactory.adaptiveCard(card)] });
      return true;
    } catch (error) {
      this.logger.warn({ err: error, messageId }, 'could not update the card message');
      return false;
    }
  }
}
