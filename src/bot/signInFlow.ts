import type { SignInNeed } from '../commands/reply';
import type { Messages } from '../i18n';
import type { Logger } from '../logger';
import { ours } from '../text/rich';
import type { PendingSignIns, PendingWork } from './pendingSignIns';
import type { ChatPlatform, ChatTurn } from './chatPlatform';
import type { SsoSignIn } from './signIn';

/**
 * Asking a user to sign in and remembering what they were doing. A stale token (Graph 401) signs the user out and
 * asks again once; if Graph refuses the fresh token too, the user is told why instead of being asked forever.
 */
export class SignInFlow {
  constructor(
    private readonly signIn: SsoSignIn | null,
    private readonly platform: ChatPlatform,
    private readonly pending: PendingSignIns,
    private readonly logger: Logger,
  ) {}

  async ask(context: ChatTurn, m: Messages, need: SignInNeed, previousAttempt = 0): Promise<void> {
    if (!this.signIn) {
      // Local mode's fixed development token was refused: there is nobody to sign in.
      await this.platform.sendText(context, ours(m.syncFailure.unauthorized));
      return;
    }
    if (need.staleToken && previousAttempt >= 1) {
      await this.platform.sendText(context, ours(m.signInStillRefused));
      return;
    }
    if (need.staleToken) {
      this.logger.info(
        { activityId: context.activity.id },
        'Graph rejected the user token: signing out and asking again',
      );
      await this.signIn.signOut(context);
    }
    if (need.resume) {
      const attempt = need.staleToken ? previousAttempt + 1 : previousAttempt;
      await this.pending.save(context, { ...need.resume, conversationId: context.activity.conversation.id, attempt });
    }
    await this.signIn.sendCard(context, m);
  }

  /** The work a user left for sign-in in this conversation, once (later calls get null). */
  takePending(context: ChatTurn): Promise<PendingWork | null> {
    return this.pending.take(context);
  }
}
