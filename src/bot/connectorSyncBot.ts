import { ActivityTypes, INVOKE_RESPONSE_KEY, TurnContext } from 'botbuilder';
import { looksLikeCardAction, parseCardAction } from '../cards/actions';
import { explainParseError, handleCommand, type CommandDeps } from '../commands/handleCommand';
import { parseCommand } from '../commands/parse';
import { VOCABULARY } from '../commands/catalogue';
import { helpFor } from '../commands/handlers/talk';
import type { Reply, TurnInput } from '../commands/reply';
import { isKnownProblem, userTextOf } from '../commands/userText';
import type { Logger } from '../logger';
import { ours, toPlainText } from '../text/rich';
import type { Clicks } from './clicks';
import { errorBody, exchangeFailedBody, invalidAuthCodeBody, messageBody, sendInvokeResponse } from './invokeResponses';
import type { PendingWork } from './pendingSignIns';
import type { ChatPlatform } from './chatPlatform';
import type { SignInFlow } from './signInFlow';
import { SignInInvokes } from './signInInvokes';
import { isAddressedToBot, turnInputOf } from './turnInput';
import type { UserTokens } from './userTokens';

export interface BotDeps {
  commands: CommandDeps;
  clicks: Clicks;
  tokens: UserTokens;
  signInFlow: SignInFlow;
  platform: ChatPlatform;
  logger: Logger;
  /** Graph calls of one turn end this long after it arrived: well inside Teams' 15 s redelivery window. */
  graphBudgetMs: number;
  /** The dashboard tab's address for cards, when there is one. */
  dashboardUrl: () => string | null;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * Routes each activity: invokes first (they have a deadline), then messages (typed commands and Action.Submit),
 * then the bot being added to a conversation. Everything past this class sees plain data.
 */
export class ConnectorSyncBot {
  private readonly signInInvokes: SignInInvokes;

  constructor(private readonly deps: BotDeps) {
    this.signInInvokes = new SignInInvokes(
      deps.tokens,
      deps.platform,
      deps.logger,
      (context) => this.resume(context),
      (context) => this.input(context).m,
    );
  }

  async onTurn(context: TurnContext): Promise<void> {
    switch (context.activity.type) {
      case ActivityTypes.Invoke:
        return this.onInvoke(context);
      case ActivityTypes.Message:
        return this.onMessage(context);
      case ActivityTypes.ConversationUpdate:
        return this.onConversationUpdate(context);
    }
  }

  private input(context: TurnContext): TurnInput {
    return turnInputOf(
      context.activity,
      this.deps.tokens.forTurn(context),
      this.deps.graphBudgetMs,
      () => this.deps.platform.showTyping(context),
      this.deps.dashboardUrl(),
    );
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
    const value = (activity.value ?? {}) as {
      action?: { verb?: unknown; data?: unknown };
      authentication?: { token?: unknown };
      state?: unknown;
    };
    const verb = typeof value.action?.verb === 'string' ? value.action.verb : undefined;
    const action = parseCardAction(verb, value.action?.data);
    if (!action) {
      this.deps.logger.warn({ activityId: activity.id, verb }, 'card action rejected: unknown verb or malformed data');
      return sendInvokeResponse(context, 200, messageBody(input.m.invalidAction));
    }
    try {
      // Teams sends the click again after its own sign-in: with an SSO token to exchange, or a magic code.
      const signIn = this.deps.tokens.signIn;
      if (
        signIn &&
        typeof value.authentication?.token === 'string' &&
        !(await signIn.exchange(context, value.authentication.token))
      ) {
        return await sendInvokeResponse(context, 200, exchangeFailedBody(input.m.signInFailed));
      }
      if (signIn && typeof value.state === 'string' && !(await signIn.token(context, value.state))) {
        return await sendInvokeResponse(context, 200, invalidAuthCodeBody());
      }
      await this.deps.clicks.run(context, action, input, activity.replyToId ?? null, 'execute');
    } catch (error) {
      this.deps.logger.error({ err: error, activityId: activity.id, verb: action.verb }, 'card action failed');
      if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
      const text = toPlainText(userTextOf(error, input.m));
      await sendInvokeResponse(context, 200, isKnownProblem(error) ? messageBody(text) : errorBody(text));
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
    await this.tellProblems(context, () => this.runCommand(context, text, 0));
  }

  /** A storage or token service outage gets its own clear answer; anything else goes to the adapter's turn error handler. */
  private async tellProblems(context: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isKnownProblem(error)) throw error;
      this.deps.logger.error({ err: error, activityId: context.activity.id }, 'turn failed: a service is unavailable');
      await this.deps.platform.sendText(context, userTextOf(error, this.input(context).m));
    }
  }

  private async runCommand(context: TurnContext, text: string, attempt: number): Promise<void> {
    const input = this.input(context);
    const parsed = parseCommand(text, VOCABULARY);
    const reply = parsed.ok
      ? await handleCommand(parsed.command, text, input, this.deps.commands)
      : explainParseError(parsed.error, input);
    this.deps.logger.info(
      {
        activityId: context.activity.id,
        command: parsed.ok ? parsed.command.kind : `error:${parsed.error.kind}`,
        reply: reply.kind,
      },
      'command handled',
    );
    await this.sendReply(context, reply, input, attempt);
  }

  private async sendReply(context: TurnContext, reply: Reply, input: TurnInput, attempt: number): Promise<void> {
    switch (reply.kind) {
      case 'text':
        return this.deps.platform.sendText(context, reply.text);
      case 'card':
        if (reply.text) await this.deps.platform.sendText(context, reply.text);
        await this.deps.platform.sendCard(context, reply.card);
        return;
      case 'update':
        for (const update of reply.updates)
          this.deps.clicks.updateCard(context, update.messageId, update.card, update.rank);
        return this.deps.platform.sendText(context, reply.text);
      case 'signOut':
        return this.signOut(context, input);
      case 'signIn':
        return this.deps.signInFlow.ask(context, input.m, reply.need, attempt);
    }
  }

  private async signOut(context: TurnContext, input: TurnInput): Promise<void> {
    const signIn = this.deps.tokens.signIn;
    if (!signIn) return this.deps.platform.sendText(context, ours(input.m.nothingToSignOut));
    await signIn.signOut(context);
    await this.deps.platform.sendText(context, ours(input.m.signedOut));
  }

  /** Action.Submit: the same actions as Action.Execute, answered by updating the card message in place. */
  private async onSubmit(context: TurnContext): Promise<void> {
    const input = this.input(context);
    const action = parseCardAction(undefined, context.activity.value);
    if (!action) {
      this.deps.logger.warn({ activityId: context.activity.id }, 'card submit rejected: malformed data');
      return this.deps.platform.sendText(context, ours(input.m.invalidAction));
    }
    await this.tellProblems(context, () =>
      this.deps.clicks.run(context, action, input, context.activity.replyToId ?? null, 'submit'),
    );
  }

  // --- After sign-in ----------------------------------------------------------------------------------------------

  /** Runs what the user asked for before they had to sign in; they do not type it again. */
  private async resume(context: TurnContext): Promise<void> {
    const work: PendingWork | null = await this.deps.signInFlow.takePending(context);
    if (!work) return;
    this.deps.logger.info({ activityId: context.activity.id, work: work.kind }, 'resuming after sign-in');
    await this.tellProblems(context, () =>
      work.kind === 'command'
        ? this.runCommand(context, work.text, work.attempt)
        : this.deps.clicks.run(context, work.action, this.input(context), work.replyToId, 'submit', work.attempt),
    );
  }

  /** The bot added to a chat introduces itself. */
  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { membersAdded, recipient } = context.activity;
    if (!(membersAdded ?? []).some((member) => member.id === recipient?.id)) return;
    await this.deps.platform.sendCard(context, helpFor(this.input(context)));
  }
}
