import { ActivityTypes, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/**
 * Teams redelivers a message turn that takes longer than 15 s: the same activity id arrives again. The first copy
 * claims the id in storage (create-once, shared by all instances); later copies are dropped with nothing done.
 * Invokes are not redelivered this way and are left alone.
 */
export class RedeliveryGuard implements Middleware {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || !activity.id) {
      await next();
      return;
    }
    const key = `activities/${activity.channelId}/${activity.conversation?.id}/${activity.id}`;
    try {
      // An eTag that cannot match anything stored: the write creates the record once and conflicts afterwards.
      await this.storage.write({ [key]: { eTag: `first-delivery-${activity.id}` } });
    } catch (error) {
      const existing = await this.storage.read([key]).catch(() => null);
      if (existing?.[key]) {
        this.logger.info({ activityId: activity.id }, 'redelivered activity ignored');
        return;
      }
      // Storage itself failed: let the turn run, so the user hears what is wrong instead of nothing.
      this.logger.warn({ err: error, activityId: activity.id }, 'could not record the activity id; handling it anyway');
    }
    await next();
  }
}
