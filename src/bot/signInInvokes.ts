import type { Messages } from '../i18n';
import type { Logger } from '../logger';
import { sendInvokeResponse } from './invokeResponses';
import { ours } from '../text/rich';
import type { ChatPlatform, ChatTurn } from './chatPlatform';
import type { UserTokens } from './userTokens';

/**
 * The invokes Teams sends around sign-in. Each answers at once and then resumes what the user was doing.
 * `signin/tokenExchange` reaches this only after TeamsSSOTokenExchangeMiddleware exchanged the token and let the
 * first of its copies through.
 */
export class SignInInvokes {
  constructor(
    private readonly tokens: UserTokens,
    private readonly platform: ChatPlatform,
    private readonly logger: Logger,
    private readonly resume: (context: ChatTurn) => Promise<void>,
    private readonly messages: (context: ChatTurn) => Messages,
  ) {}

  async tokenExchange(context: ChatTurn): Promise<void> {
    const signIn = this.tokens.signIn;
    const token = signIn ? await signIn.token(context) : null;
    if (!signIn || !token) {
      const id = (context.activity.value as { id?: string } | undefined)?.id;
      await sendInvokeResponse(context, 412, {
        id,
        connectionName: signIn?.connectionName,
        failureDetail: 'The bot could not get a token.',
      });
      return;
    }
    await sendInvokeResponse(context, 200);
    await this.resume(context);
  }

  /** The sign-in link was used (channels, or where silent SSO failed): Teams passes the magic code. */
  async verifyState(context: ChatTurn): Promise<void> {
    const signIn = this.tokens.signIn;
    const code = (context.activity.value as { state?: unknown } | undefined)?.state;
    const token = signIn && typeof code === 'string' ? await signIn.token(context, code) : null;
    await sendInvokeResponse(context, 200);
    if (!token) return this.platform.sendText(context, ours(this.messages(context).signInFailed));
    await this.resume(context);
  }

  async failure(context: ChatTurn): Promise<void> {
    const failure = (context.activity.value ?? {}) as { code?: string; message?: string };
    this.logger.warn(
      { activityId: context.activity.id, code: failure.code, message: failure.message },
      'Teams reported a sign-in failure',
    );
    await sendInvokeResponse(context, 200);
    const m = this.messages(context);
    await this.platform.sendText(
      context,
      ours(failure.code === 'resourcematchfailed' ? m.signInResourceMismatch : m.signInFailed),
    );
  }
}
