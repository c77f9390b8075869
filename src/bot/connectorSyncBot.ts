import { ActivityTypes, CardFactory, TurnContext, type Activity } from 'botbuilder';
import { looksLikeCardAction, parseCardAction } from '../cards/actions';
import type { AdaptiveCard } from '../cards/schema';
import { helpCard } from '../cards/helpCard';
import type { CardActionDeps } from '../commands/handleCardAction';
import { handleCardAction } from '../commands/handleCardAction';
import { explainParseError, handleCommand } from '../commands/handleCommand';
import { parseCommand } from '../commands/parse';
import type { ActionOutcome, Reply, TurnInput } from '../commands/reply';
import type { Logger } from '../logger';
import { cardBody, messageBody, sendInvokeResponse } from './invokeResponses';
import { isAddressedToBot, turnInputOf } from './turnInput';
import type { UserTokens } from './userTokens';

export interface BotDeps extends CardActionDeps {
  tokens: UserTokens;
  logger: Logger;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * Routes each activity: invokes first (they have a deadline), then messages (typed commands and Action.Submit),
 * then the bot being added to a conversation. Everything past this class sees plain data.
 */
export class ConnectorSyncBot {
  constructor(private readonly deps: BotDeps) {}

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
    const { activity } = context;
    if (activity.name !== ADAPTIVE_CARD_ACTION) {
      await sendInvokeResponse(context, 501);
      return;
    }
    const input = this.input(context);
    const value = (activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const verb = typeof value.action?.verb === 'string' ? value.action.verb : undefined;
    const action = parseCardAction(verb, value.action?.data);
    if (!action) {
      this.deps.logger.warn({ activityId: activity.id, verb }, 'card action rejected: unknown verb or malformed data');
      await sendInvokeResponse(context, 200, messageBody(input.m.invalidAction));
      return;
    }
    try {
      const outcome = await handleCardAction(action, input, this.deps);
      await this.answerInvoke(context, outcome, input);
    } catch (error) {
      this.deps.logger.error({ err: error, activityId: activity.id, verb: action.verb }, 'card action failed');
      await sendInvokeResponse(context, 200, messageBody(input.m.unexpectedError));
    }
  }

  private async answerInvoke(context: TurnContext, outcome: ActionOutcome, input: TurnInput): Promise<void> {
    switch (outcome.kind) {
      case 'replaceCard':
        // The invoke answer replaces the card for the clicker only; the update replaces it for everyone else.
        await this.replaceCardForEveryone(context, outcome.card);
        await sendInvokeResponse(context, 200, cardBody(outcome.card));
        return;
      case 'notice':
        await sendInvokeResponse(context, 200, messageBody(outcome.text));
        return;
      case 'signInRequired':
        await sendInvokeResponse(context, 200, messageBody(input.m.graphFailure.unauthorized));
        return;
    }
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (looksLikeCardAction(activity.value)) return this.onSubmit(context);
    if (!isAddressedToBot(activity)) {
      this.deps.logger.debug({ activityId: activity.id }, 'message without a mention of the bot ignored');
      return;
    }
    const input = this.input(context);
    const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    const parsed = parseCommand(text);
    const reply = parsed.ok ? await handleCommand(parsed.command, input, this.deps) : explainParseError(parsed.error, input);
    this.deps.logger.info(
      { activityId: activity.id, command: parsed.ok ? parsed.command.kind : `error:${parsed.error.kind}`, reply: reply.kind },
      'command handled',
    );
    await this.sendReply(context, reply, input);
  }

  /** Action.Submit: the same actions as Action.Execute, answered by updating the card message in place. */
  private async onSubmit(context: TurnContext): Promise<void> {
    const input = this.input(context);
    const action = parseCardAction(undefined, context.activity.value);
    if (!action) {
      this.deps.logger.warn({ activityId: context.activity.id }, 'card submit rejected: malformed data');
      await context.sendActivity(input.m.invalidAction);
      return;
    }
    const outcome = await handleCardAction(action, input, this.deps);
    if (outcome.kind === 'replaceCard') {
      const replaced = await this.replaceCardForEveryone(context, outcome.card);
      if (!replaced) await context.sendActivity({ attachments: [CardFactory.adaptiveCard(outcome.card)] });
      if (outcome.notice) await context.sendActivity(outcome.notice);
    } else if (outcome.kind === 'notice') {
      await context.sendActivity(outcome.text);
    } else {
      await this.sendReply(context, outcome, input);
    }
  }

  private async replaceCardForEveryone(context: TurnContext, card: AdaptiveCard): Promise<boolean> {
    const cardMessageId = context.activity.replyToId;
    if (!cardMessageId) return false;
    const update: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: cardMessageId,
      attachments: [CardFactory.adaptiveCard(card)],
    };
    await context.updateActivity(update);
    return true;
  }

  private async sendReply(context: TurnContext, reply: Reply, input: TurnInput): Promise<void> {
    switch (reply.kind) {
      case 'text':
        await context.sendActivity({ type: ActivityTypes.Message, text: reply.text, textFormat: 'markdown' });
        return;
      case 'card':
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reply.card)] });
        return;
      case 'signInRequired':
        await context.sendActivity(input.m.graphFailure.unauthorized);
        return;
    }
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    if (!botAdded) return;
    const input = this.input(context);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard(input.m))] });
  }
}
