import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, MemoryStorage, type Storage } from 'botbuilder';
import type { BotIdentity } from '../config';
import { messagesFor, localeOf } from '../i18n';
import type { Logger } from '../logger';
import { sendInvokeResponse } from './invokeResponses';

/**
 * The Bot Framework adapter. With an empty MicrosoftAppId botbuilder disables inbound authentication (local mode);
 * with one, every request must carry a valid Bot Framework token or is answered 401.
 */
export function createAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ ...identity }));
  adapter.onTurnError = async (context, error) => {
    const { activity } = context;
    logger.error({ err: error, activityId: activity.id, type: activity.type, name: activity.name }, 'turn failed');
    const m = messagesFor(localeOf(activity.locale));
    try {
      if (activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, 500);
      else if (activity.type === ActivityTypes.Message) await context.sendActivity(m.unexpectedError);
    } catch (sendError) {
      logger.error({ err: sendError, activityId: activity.id }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}

export function createStorage(): Storage {
  return new MemoryStorage();
}
