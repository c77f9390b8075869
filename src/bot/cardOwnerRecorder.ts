import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import { inPlaceOwnerOf } from '../cards/actions';
import type { Logger } from '../logger';
import type { CardOwners } from '../sync/cardOwners';

/**
 * Records, for every card message the bot sends that changes in place (choosers, list pages), whom it was sent for,
 * once the Bot Connector has given the message its id. Every way a card leaves (a reply, a proactive message, a
 * fallback message after a failed update) passes here, so no sender can forget it.
 */
export class CardOwnerRecorder implements Middleware {
  constructor(
    private readonly owners: CardOwners,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (turn, activities, send) => {
      const responses = await send();
      await Promise.all(activities.map((activity, index) => this.record(turn, activity, responses[index])));
      return responses;
    });
    await next();
  }

  private async record(
    turn: TurnContext,
    activity: Partial<Activity>,
    sent: ResourceResponse | undefined,
  ): Promise<void> {
    const owner = inPlaceOwnerOf(activity.attachments?.map((attachment) => attachment.content as unknown));
    const conversationId = activity.conversation?.id ?? turn.activity.conversation?.id;
    if (!owner || !sent?.id || !conversationId) return;
    try {
      await this.owners.record(conversationId, sent.id, owner);
    } catch (error) {
      // Without the record the card is nobody's: a click on it opens a new card instead of changing this one.
      this.logger.warn({ err: error, messageId: sent.id }, 'could not record whom a card was sent for');
    }
  }
}
