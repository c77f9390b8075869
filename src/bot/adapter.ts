import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsSSOTokenExchangeMiddleware,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  FederatedServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { BotIdentity, TokenMode } from '../config';
import { messagesFor, localeOf } from '../i18n';
import type { Logger } from '../logger';
import type { StateStore } from '../storage';
import { ours } from '../text/rich';
import { oneAttemptWithDeadline, withDeadlines } from './botFrameworkHttp';
import { BotStorageAdapter } from './botStorage';
import { errorBody, sendInvokeResponse } from './invokeResponses';
import { RedeliveryGuard } from './redeliveryGuard';
import { sendMarkdown } from './botbuilderPlatform';
import { TenantGuard } from './tenantGuard';

/** The audience local mode presents to the token service, which needs one to build sign-in state. */
export const LOCAL_BOT_AUDIENCE = 'connector-sync-bot-local';

/**
 * botbuilder's configuration-driven authentication, with every outgoing Bot Framework client limited to one attempt
 * with a deadline. In local mode (no app id) the turn's identity has no `aud` claim and botbuilder's
 * UserTokenClient refuses to build sign-in state ("appId Required"); a local audience makes the whole SSO path
 * runnable against a loopback token service.
 */
class BotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    settings: Record<string, string>,
    credentials: ServiceClientCredentialsFactory | undefined,
    private readonly timeoutMs: number,
    private readonly local: boolean,
  ) {
    super(settings, credentials);
  }

  override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return withDeadlines(super.createConnectorFactory(identity), this.timeoutMs);
  }

  override async createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const hasAudience = identity.claims.some((claim) => claim.type === 'aud' && claim.value);
    const withAudience =
      this.local && !hasAudience
        ? new ClaimsIdentity([...identity.claims, { type: 'aud', value: LOCAL_BOT_AUDIENCE }], true)
        : identity;
    const client = await super.createUserTokenClient(withAudience);
    oneAttemptWithDeadline((client as unknown as { client: object }).client, this.timeoutMs);
    return client;
  }
}

/** CloudAdapter that runs a turn for an activity whose request was authenticated by the bot itself (InboundAuth). */
export class BotAdapter extends CloudAdapter {
  constructor(private readonly auth: BotFrameworkAuthentication) {
    super(auth);
  }

  /** Local mode: botbuilder's own anonymous identity (authentication is disabled without an app id). */
  runAnonymous(
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity('', activity, logic);
  }

  /** Teams mode: the identity InboundAuth validated, with the connector factory botbuilder would have built for it. */
  runAuthenticated(
    identity: ClaimsIdentity,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const result: AuthenticateRequestResult = {
      claimsIdentity: identity,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      connectorFactory: this.auth.createConnectorFactory(identity),
    };
    return this.processActivity(result, activity, logic);
  }
}

export interface AdapterOptions {
  identity: BotIdentity;
  tokens: TokenMode;
  allowedTenantIds: readonly string[];
  store: StateStore;
  /** BOT_FRAMEWORK_TIMEOUT_MS: each call to the Bot Connector or the token service. */
  timeoutMs: number;
  logger: Logger;
}

function settingsOf(identity: BotIdentity): Record<string, string> {
  if (identity.kind === 'local')
    return {
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      ...(identity.oauthUrl ? { OAuthUrl: identity.oauthUrl } : {}),
    };
  return {
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.credential.kind === 'secret' ? identity.credential.password : '',
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.tenantId,
  };
}

/**
 * With a federated credential the bot has no secret: botframework-connector asks the managed identity for an assertion
 * (audience api://AzureADTokenExchange) and trades it at Entra for the app registration's token. Otherwise botbuilder
 * builds the secret's credentials from the settings.
 */
function credentialsOf(identity: BotIdentity): ServiceClientCredentialsFactory | undefined {
  if (identity.kind !== 'teams' || identity.credential.kind !== 'federated') return undefined;
  return new FederatedServiceClientCredentialsFactory(
    identity.appId,
    identity.credential.managedIdentityClientId,
    identity.tenantId || undefined,
  );
}

export function createAdapter({
  identity,
  tokens,
  allowedTenantIds,
  store,
  timeoutMs,
  logger,
}: AdapterOptions): BotAdapter {
  const adapter = new BotAdapter(
    new BotFrameworkAuthentication(settingsOf(identity), credentialsOf(identity), timeoutMs, identity.kind === 'local'),
  );
  adapter.use(new TenantGuard(allowedTenantIds, logger));
  adapter.use(new RedeliveryGuard(store, logger));
  if (tokens.kind === 'sso') {
    // Every signed-in Teams client sends the same exchange: handled once, through the bot's (shared) storage.
    adapter.use(new TeamsSSOTokenExchangeMiddleware(new BotStorageAdapter(store), tokens.connectionName));
  }
  adapter.onTurnError = async (context, error) => {
    const { activity } = context;
    logger.error({ err: error, activityId: activity.id, type: activity.type, name: activity.name }, 'turn failed');
    const m = messagesFor(localeOf(activity.locale));
    try {
      if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action')
        await sendInvokeResponse(context, 200, errorBody(m.unexpectedError));
      else if (activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, 500);
      else if (activity.type === ActivityTypes.Message) await sendMarkdown(context, ours(m.unexpectedError));
    } catch (sendError) {
      logger.error({ err: sendError, activityId: activity.id }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}
