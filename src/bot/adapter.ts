import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsSSOTokenExchangeMiddleware,
  type Storage,
} from 'botbuilder';
import { ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import type { BotIdentity, StorageMode, TokenMode } from '../config';
import { BlobStorage } from './blobStorage';
import { messagesFor, localeOf } from '../i18n';
import type { Logger } from '../logger';
import { sendInvokeResponse } from './invokeResponses';
import { BoundedMemoryStorage } from './boundedMemoryStorage';
import { RedeliveryGuard } from './redeliveryGuard';
import { TenantGuard } from './tenantGuard';

/** The audience local mode presents to the token service, which needs one to build sign-in state. */
export const LOCAL_BOT_AUDIENCE = 'connector-sync-bot-local';

/**
 * Local mode (no app id) authenticates nobody, so the turn's identity has no `aud` claim and botbuilder's
 * UserTokenClient refuses to build sign-in state ("appId Required", facts.md §2). Giving it a local audience makes
 * the whole SSO path runnable against a loopback token service. Teams mode never uses this class.
 */
class LocalBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const hasAudience = identity.claims.some((claim) => claim.type === 'aud' && claim.value);
    const withAudience = hasAudience ? identity : new ClaimsIdentity([...identity.claims, { type: 'aud', value: LOCAL_BOT_AUDIENCE }], true);
    return super.createUserTokenClient(withAudience);
  }
}

/**
 * The Bot Framework adapter. With an empty MicrosoftAppId botbuilder disables inbound authentication (local mode);
 * with one, every request must carry a valid Bot Framework token or is answered 401.
 */
export interface AdapterOptions {
  identity: BotIdentity;
  tokens: TokenMode;
  allowedTenantIds: readonly string[];
  storage: Storage;
  logger: Logger;
}

export function createAdapter({ identity, tokens, allowedTenantIds, storage, logger }: AdapterOptions): CloudAdapter {
  const local = identity.MicrosoftAppId === '';
  const auth = local ? new LocalBotFrameworkAuthentication({ ...identity }) : new ConfigurationBotFrameworkAuthentication({ ...identity });
  const adapter = new CloudAdapter(auth);
  adapter.use(new TenantGuard(allowedTenantIds, logger));
  adapter.use(new RedeliveryGuard(storage, logger));
  if (tokens.kind === 'sso') {
    // Every signed-in Teams client sends the same exchange: handled once, through the bot's (shared) storage.
    adapter.use(new TeamsSSOTokenExchangeMiddleware(storage, tokens.connectionName));
  }
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

/** botbuilder's storage interface, named here so that modules outside src/bot need not import botbuilder. */
export type BotStorage = Storage;

export function createStorage(mode: StorageMode): BotStorage {
  return mode.kind === 'blob' ? new BlobStorage(mode.connectionString, mode.container) : new BoundedMemoryStorage();
}
