import type { TurnContext } from 'botbuilder';
import type { SignInRequired, TurnInput } from '../commands/reply';
import type { Logger } from '../logger';
import type { PendingSignIns, PendingWork } from './pendingSignIns';
import { sendText } from './replies';
import type { SsoSignIn } from './signIn';

type WithoutBookkeeping<T> = T extends unknown ? Omit<T, 'attempt' | 'conversationId'> : never;
export type NewWork = WithoutBookkeeping<PendingWork>;

/**
 * Asking a user to sign in and remembering what they were doing. A stale token (Graph 401) signs the user out and
 * asks again once; if Graph refuses the fresh token too, the user is told why instead of being asked forever.
 */
export class SignInFlow {
  constructor(
    private readonly signIn: SsoSignIn | null,
    private readonly pending: PendingSignIns,
    private readonly logger: Logger,
  ) {}

  async ask(context: TurnContext, input: TurnInput, need: SignInRequired, work: NewWork | null, previousAttempt = 0): Promise<void> {
    if (!this.signIn) {
      // Local mode's fixed development token was refused: there is nobody to sign in.
      await sendText(context, input.m.graphFailure.unauthorized);
      return;
    }
    if (need.staleToken && previousAttempt >= 1) {
      await sendText(context, input.m.signInStillRefused);
      return;
    }
    if (need.staleToken) {
      this.logger.info({ activityId: context.activity.id }, 'Graph rejected the user token: signing out and asking again');
      await this.signIn.signOut(context);
    }
    if (work) {
      const attempt = need.staleToken ? previousAttempt + 1 : previousAttempt;
      await this.pending.save(context, { ...work, conversationId: context.activity.conversation.id, attempt });
    }
    await context.sendActivity({ attachments: [await this.signIn.card(context, input.m)] });
  }

  /** The work a user left for sign-in in this conversation, once (later calls get null). */
  takePending(context: TurnContext): Promise<PendingWork | null> {
    return this.pending.take(context);
  }
}
