import { ActivityTypes, TurnContext } from 'botbuilder';
import type { CardActionDeps } from '../commands/handleCardAction';
import type { Logger } from '../logger';
import type { Reply, TurnInput } from '../commands/reply';
import { StorageUnavailableError } from '../sync/confirmationStore';
import { explainParseError, handleCommand } from '../commands/handleCommand';
import { handleCardAction } from '../commands/handleCardAction';
import { helpCard } from '../cards/helpCard';
import { looksLikeCardAction, parseCardAction, type CardActionData } from '../cards/actions';
import { parseCommand } from '../commands/parse';
import type { PendingWork } from './pendingSignIns';
import type { SignInFlow } from './signInFlow';
import type { UserTokens } from './userTokens';
import { SignInInvokes } from './signInInvokes';
import { answerWithinDeadline, type ClickAnswer, type ClickDeadlineDeps } from './clickDeadline';
import { cardBody, messageBody, sendInvokeResponse } from './invokeResponses';
import { isAddressedToBot, turnInputOf } from './turnInput';
import { replaceCard, sendCard, sendText } from './replies';

export interface BotDeps extends CardActionDeps, ClickDeadlineDeps {
  tokens: UserTokens;
  signInFlow: SignInFlow;
  logger: Logger;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * Routes each activity: invokes first (they have a deadline), then messages (typed commands and Action.Submit),
 * then the bot being added to a conversation. Everything past this class sees plain data.
 */
export class ConnectorSyncBot {
  private readonly signInInvokes: SignInInvokes;

  constructor(private readonly deps: BotDeps) {
    this.signInInvokes = new SignInInvokes(deps.tokens, deps.logger, (context) => this.resume(context), (context) => this.input(context).m);
  }

  async onTurn(context: TurnContext): Promise<void> {
    switch (context.activity.type) {
      case ActivityTypes.Invoke:
        return this.onInvoke(context);
      case ActivityTypes.Message:
        return this.onMessage(context);
      case ActivityTypes.ConversationUpdate:
        return this.onConversationUpdate(context);
      default:
        return;
    }
  }

  private input(context: TurnContext): TurnInput {
    return turnInputOf(context.activity, this.deps.tokens.forTurn(context));
  }

  private async onInvoke(context: TurnContext): Promise<void> {
    switch (context.activity.name) {
      case ADAPTIVE_CARD_ACTION:
        return this.onExecute(context);
      case 'signin/tokenExchange':
        return this.signInInvokes.tokenExchange(context);
      case 'signin/verifyState':
        return this.signInInvokes.verifyState(context);
      case 'signin/failure':
        return this.signInInvokes.failure(context);
      default:
        await sendInvokeResponse(context, 501);
    }
  }

  // --- Action.Execute -------------------------------------------------------------------------------------------

  private async onExecute(context: TurnContext): Promise<void> {
    const { activity } = context;
    const input = this.input(context);
    const value = (activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown }; authentication?: { token?: unknown }; state?: unknown };
    const verb = typeof value.action?.verb === 'string' ? value.action.verb : undefined;
    const action = parseCardAction(verb, value.action?.data);
    if (!action) {
      this.deps.logger.warn({ activityId: activity.id, verb }, 'card action rejected: unknown verb or malformed data');
      await sendInvokeResponse(context, 200, messageBody(input.m.invalidAction));
      return;
    }
    try {
      // Teams sends the click again after its own sign-in: with an SSO token to exchange, or a magic code.
      const signIn = this.deps.tokens.signIn;
      if (signIn && typeof value.authentication?.token === 'string') await signIn.exchange(context, value.authentication.token);
      if (signIn && typeof value.state === 'string') await signIn.token(context, value.state);
      const answer = await this.click(context, action, input, context.activity.replyToId ?? null);
      await this.answerExecute(context, answer, input);
    } catch (error) {
      this.deps.logger.error({ err: error, activityId: activity.id, verb: action.verb }, 'card action failed');
      const text = error instanceof StorageUnavailableError ? input.m.storageUnavailable : input.m.unexpectedError;
      await sendInvokeResponse(context, 200, messageBody(text));
    }
  }

  private async answerExecute(context: TurnContext, outcome: ClickAnswer, input: TurnInput): Promise<void> {
    switch (outcome.kind) {
      case 'sending':
        await replaceCard(context, context.activity.replyToId, outcome.card, this.deps.logger);
        await sendInvokeResponse(context, 200, cardBody(outcome.card));
        return;
      case 'replaceCard':
        // The invoke answer replaces the card for the clicker only; the update replaces it for everyone else.
        await replaceCard(context, context.activity.replyToId, outcome.card, this.deps.logger);
        if (outcome.signInAgain) await this.deps.signInFlow.ask(context, input, outcome.signInAgain, this.retryWork(outcome.signInAgain));
        await sendInvokeResponse(context, 200, cardBody(outcome.card));
        return;
      case 'notice':
        await sendInvokeResponse(context, 200, messageBody(outcome.text));
        return;
      case 'signInRequired': {
        const signIn = this.deps.tokens.signIn;
        if (!signIn) {
          await sendInvokeResponse(context, 200, messageBody(input.m.graphFailure.unauthorized));
          return;
        }
        if (outcome.staleToken) await signIn.signOut(context);
        // Teams answers this by signing the user in (silently where it can) and sending the click again.
        await sendInvokeResponse(context, 200, await signIn.loginRequest(context, input.m));
        return;
      }
    }
  }

  // --- Messages: typed commands and Action.Submit -----------------------------------------------------------------

  private async onMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (looksLikeCardAction(activity.value)) return this.onSubmit(context);
    if (!isAddressedToBot(activity)) {
      this.deps.logger.debug({ activityId: activity.id }, 'message without a mention of the bot ignored');
      return;
    }
    const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    await this.tellIfStorageFails(context, () => this.runCommand(context, text, 0));
  }

  /** A storage outage gets its own clear answer; anything else goes to the adapter's turn error handler. */
  private async tellIfStorageFails(context: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      this.deps.logger.error({ err: error.cause, activityId: context.activity.id }, 'storage unavailable');
      await sendText(context, this.input(context).m.storageUnavailable);
    }
  }

  private async runCommand(context: TurnContext, text: string, attempt: number): Promise<void> {
    const input = this.input(context);
    const parsed = parseCommand(text);
    const reply = parsed.ok ? await handleCommand(parsed.command, text, input, this.deps) : explainParseError(parsed.error, input);
    this.deps.logger.info(
      { activityId: context.activity.id, command: parsed.ok ? parsed.command.kind : `error:${parsed.error.kind}`, reply: reply.kind },
      'command handled',
    );
    await this.sendReply(context, reply, input, attempt);
  }

  private async sendReply(context: TurnContext, reply: Reply, input: TurnInput, attempt: number): Promise<void> {
    switch (reply.kind) {
      case 'text':
        return sendText(context, reply.text);
      case 'card':
        return sendCard(context, reply.card);
      case 'signOut':
        return this.signOut(context, input);
      case 'signInRequired':
        return this.deps.signInFlow.ask(context, input, reply, this.retryWork(reply), attempt);
    }
  }

  private retryWork(reply: { retryText?: string }): { kind: 'command'; text: string } | null {
    return reply.retryText ? { kind: 'command', text: reply.retryText } : null;
  }

  private async signOut(context: TurnContext, input: TurnInput): Promise<void> {
    const signIn = this.deps.tokens.signIn;
    if (!signIn) return sendText(context, input.m.nothingToSignOut);
    await signIn.signOut(context);
    await sendText(context, input.m.signedOut);
  }

  /** Action.Submit: the same actions as Action.Execute, answered by updating the card message in place. */
  private async onSubmit(context: TurnContext): Promise<void> {
    const input = this.input(context);
    const action = parseCardAction(undefined, context.activity.value);
    if (!action) {
      this.deps.logger.warn({ activityId: context.activity.id }, 'card submit rejected: malformed data');
      await sendText(context, input.m.invalidAction);
      return;
    }
    await this.tellIfStorageFails(context, () => this.runCardAction(context, action, context.activity.replyToId ?? null, 0));
  }

  private async runCardAction(context: TurnContext, action: CardActionData, cardMessageId: string | null, attempt: number): Promise<void> {
    const input = this.input(context);
    const outcome = await this.click(context, action, input, cardMessageId);
    switch (outcome.kind) {
      case 'sending':
        if (!(await replaceCard(context, cardMessageId, outcome.card, this.deps.logger))) await sendCard(context, outcome.card);
        return;
      case 'replaceCard':
        if (!(await replaceCard(context, cardMessageId, outcome.card, this.deps.logger))) await sendCard(context, outcome.card);
        if (outcome.notice) await sendText(context, outcome.notice);
        if (outcome.signInAgain) await this.deps.signInFlow.ask(context, input, outcome.signInAgain, this.retryWork(outcome.signInAgain), attempt);
        return;
      case 'notice':
        return sendText(context, outcome.text);
      case 'signInRequired':
        return this.deps.signInFlow.ask(context, input, outcome, { kind: 'cardAction', action, replyToId: cardMessageId }, attempt);
    }
  }

  private click(context: TurnContext, action: CardActionData, input: TurnInput, cardMessageId: string | null): Promise<ClickAnswer> {
    return answerWithinDeadline(context, action, cardMessageId, (onClaimed) => handleCardAction(action, input, this.deps, onClaimed), this.deps);
  }

  // --- After sign-in ----------------------------------------------------------------------------------------------

  /** Runs what the user asked for before they had to sign in; they do not type it again. */
  private async resume(context: TurnContext): Promise<void> {
    const work: PendingWork | null = await this.deps.signInFlow.takePending(context);
    if (!work) return;
    this.deps.logger.info({ activityId: context.activity.id, work: work.kind }, 'resuming after sign-in');
    if (work.kind === 'command') await this.runCommand(context, work.text, work.attempt);
    else await this.runCardAction(context, work.action, work.replyToId, work.attempt);
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    if (!botAdded) return;
    await sendCard(context, helpCard(this.input(context).m));
  }
}
