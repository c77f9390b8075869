import { CardFactory, type Attachment, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import { AppError } from '../errors';
import type { Messages } from '../i18n';

/** The Universal Actions answer that makes Teams run SSO for an Action.Execute click and send it again. */
export interface LoginRequestBody {
  statusCode: 401;
  type: 'application/vnd.microsoft.activity.loginRequest';
  value: {
    text: string;
    connectionName: string;
    tokenExchangeResource?: { id?: string; uri?: string; providerId?: string };
    buttons: Array<{ title: string; text: string; type: 'signin'; value: string }>;
  };
}

/** The Bot Framework token service did not answer (in time): nobody's sign-in state is known. */
export class TokenServiceError extends AppError<'TOKEN_SERVICE_FAILED'> {
  constructor(cause: unknown) {
    super('TOKEN_SERVICE_FAILED', 'The Bot Framework token service is unavailable', { cause });
  }
}

/**
 * Teams single sign-on through the Bot Framework token service, for one OAuth connection. Tokens are fetched per
 * turn for the user who sent the activity and are never stored or logged by the bot.
 */
export class SsoSignIn {
  constructor(readonly connectionName: string) {}

  private client(context: TurnContext): UserTokenClient {
    const key = (context.adapter as CloudAdapter).UserTokenClientKey;
    const client = context.turnState.get<UserTokenClient | undefined>(key);
    if (!client) throw new Error('No UserTokenClient on this turn: the adapter must be a CloudAdapter');
    return client;
  }

  /** The user's Graph token, or null when they have none (or the magic code is wrong). */
  async token(context: TurnContext, magicCode?: string): Promise<string | null> {
    const { activity } = context;
    try {
      const response = await this.client(context).getUserToken(
        activity.from.id,
        this.connectionName,
        activity.channelId,
        magicCode ?? '',
      );
      return response?.token || null;
    } catch (error) {
      throw new TokenServiceError(error);
    }
  }

  /** Exchanges a Teams SSO token (from an Action.Execute retry) for a Graph token; false when the exchange fails. */
  async exchange(context: TurnContext, ssoToken: string): Promise<boolean> {
    const { activity } = context;
    try {
      const response = await this.client(context).exchangeToken(
        activity.from.id,
        this.connectionName,
        activity.channelId,
        { token: ssoToken },
      );
      return Boolean(response?.token);
    } catch {
      return false;
    }
  }

  async signOut(context: TurnContext): Promise<void> {
    const { activity } = context;
    await this.client(context).signOutUser(activity.from.id, this.connectionName, activity.channelId);
  }

  /**
   * An OAuth card. In personal and group chats it carries the token exchange resource, so Teams signs the user in
   * silently; in channels, where that exchange always fails, it offers the sign-in link only.
   */
  async card(context: TurnContext, m: Messages): Promise<Attachment> {
    const resource = await this.client(context).getSignInResource(this.connectionName, context.activity, '');
    const silent = context.activity.conversation?.conversationType !== 'channel';
    return CardFactory.oauthCard(
      this.connectionName,
      m.signInButton,
      m.signInText,
      resource.signInLink,
      silent ? resource.tokenExchangeResource : undefined,
    );
  }

  async loginRequest(context: TurnContext, m: Messages): Promise<LoginRequestBody> {
    const resource = await this.client(context).getSignInResource(this.connectionName, context.activity, '');
    return {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: m.signInText,
        connectionName: this.connectionName,
        ...(resource.tokenExchangeResource ? { tokenExchangeResource: resource.tokenExchangeResource } : {}),
        buttons: [{ title: m.signInButton, text: m.signInButton, type: 'signin', value: resource.signInLink ?? '' }],
      },
    };
  }
}
