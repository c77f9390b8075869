import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { KEYS, StorageFullError, StorageUnavailableError, TTL, type StateStore } from '../storage';

/**
 * Teams redelivers a message turn that takes longer than 15 s: the same activity id arrives again. The first copy
 * creates a record for the id (create-if-absent, shared by all instances, kept an hour); later copies are dropped
 * with nothing done. A create whose answer was lost is recognised as ours by the store, so a user's message is
 * never dropped as "redelivered" by mistake. Invokes are not redelivered this way and are left alone.
 */
export class RedeliveryGuard implements Middleware {
  constructor(
    private readonly store: StateStore,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || !activity.id) {
      await next();
      return;
    }
    const key = KEYS.delivery(activity.channelId, activity.conversation?.id ?? '', activity.id);
    try {
      const first = await this.store.create(key, { at: Date.now() }, { ttlMs: TTL.delivery });
      if (!first.created) {
        this.logger.info({ activityId: activity.id }, 'redelivered activity ignored');
        return;
      }
    } catch (error) {
      if (!(error instanceof StorageUnavailableError || error instanceof StorageFullError)) throw error;
      // Storage itself failed: let the turn run, so the user hears what is wrong (or is served) instead of nothing.
      this.logger.warn({ err: error, activityId: activity.id }, 'could not record the activity id; handling it anyway');
    }
    await next();
  }
}
