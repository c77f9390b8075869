import { AppError } from '../errors';
import type { Messages } from '../i18n';
import type { ChatPlatform, ChatTurn } from './chatPlatform';

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
  constructor(
    readonly connectionName: string,
    private readonly platform: ChatPlatform,
  ) {}

  /** The user's Graph token, or null when they have none (or the magic code is wrong). */
  async token(context: ChatTurn, magicCode?: string): Promise<string | null> {
    try {
      return await this.platform.userToken(context, this.connectionName, magicCode);
    } catch (error) {
      throw new TokenServiceError(error);
    }
  }

  /** Exchanges a Teams SSO token (from an Action.Execute retry) for a Graph token; false when the exchange fails. */
  async exchange(context: ChatTurn, ssoToken: string): Promise<boolean> {
    try {
      return Boolean(await this.platform.exchangeToken(context, this.connectionName, ssoToken));
    } catch {
      return false;
    }
  }

  signOut(context: ChatTurn): Promise<void> {
    return this.platform.signOut(context, this.connectionName);
  }

  /**
   * Sends a sign-in card. In personal and group chats it carries the token exchange resource, so Teams signs the
   * user in silently; in channels, where that exchange always fails, it offers the sign-in link only.
   */
  async sendCard(context: ChatTurn, m: Messages): Promise<void> {
    const resource = await this.platform.signInResource(context, this.connectionName);
    const silent = context.activity.conversation?.conversationType !== 'channel';
    await this.platform.sendSignInCard(
      context,
      this.connectionName,
      { button: m.signInButton, text: m.signInText },
      resource,
      silent,
    );
  }

  async loginRequest(context: ChatTurn, m: Messages): Promise<LoginRequestBody> {
    const resource = await this.platform.signInResource(context, this.connectionName);
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
