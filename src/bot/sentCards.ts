import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { inPlaceOwnerOf, pendingConfirmationOf } from '../cards/actions';
import type { Logger } from '../logger';
import type { CardOwners } from '../sync/cardOwners';
import type { PendingConfirmations } from '../sync/pendingConfirmations';
import type { BackgroundWork } from '../sync/syncTypes';

/**
 * What the server must know about the cards it puts in a chat, recorded once a card's message is known: whom a card
 * that changes in place (a chooser, a list page) was sent for, and which confirmation card waits for whom (a typed
 * "cancel" finds them all). Every way a card reaches a chat passes here: a reply, a proactive message, a card that
 * takes the place of another (an update), so no sender can forget it. The records are written after the message is
 * sent, as work of their own (tracked until done): the reply never waits for them, and the next message a person can
 * send (a typed cancel, a click on the card) arrives long after they are stored.
 */
export class SentCards implements Middleware {
  constructor(
    private readonly owners: CardOwners,
    private readonly pending: PendingConfirmations,
    private readonly background: BackgroundWork,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (turn, activities, send) => {
      const responses = await send();
      activities.forEach((activity, index) => this.record(turn, activity, responses[index]?.id));
      return responses;
    });
    context.onUpdateActivity(async (turn, activity, update) => {
      await update();
      this.record(turn, activity, activity.id);
    });
    await next();
  }

  private record(turn: TurnContext, activity: Partial<Activity>, messageId: string | undefined): void {
    const cards = activity.attachments?.map((attachment) => attachment.content as unknown);
    const conversationId = activity.conversation?.id ?? turn.activity.conversation?.id;
    if (!cards?.length || !messageId || !conversationId) return;
    const owner = inPlaceOwnerOf(cards);
    const confirmationId = pendingConfirmationOf(cards);
    // The person whose turn sent it: the one who typed or clicked (in a proactive turn, the one it continues).
    const from = turn.activity.from;
    const userKey = from?.aadObjectId ?? from?.id;
    if (!owner && !(confirmationId && userKey)) return;
    const work = (async () => {
      try {
        if (owner) await this.owners.record(conversationId, messageId, owner);
        if (confirmationId && userKey)
          await this.pending.remember(conversationId, userKey, { confirmationId, messageId });
      } catch (error) {
        // Without the record a chooser is nobody's (a click opens a new card), and a typed cancel misses this card.
        this.logger.warn({ err: error, messageId }, 'could not record a card sent to the chat');
      }
    })();
    this.background.track(work, { work: 'record a sent card', messageId });
  }
}
