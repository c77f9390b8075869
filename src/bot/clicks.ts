import type { CardActionData } from '../cards/actions';
import type { AdaptiveCard } from '../cards/schema';
import { currentConfirmationCard, startClick, type ClickDeps, type ClickStart } from '../commands/cardActions';
import type { ClickOutcome, TurnInput } from '../commands/reply';
import { userTextOf } from '../commands/userText';
import type { Logger } from '../logger';
import { toPlainText } from '../text/rich';
import type { CardUpdates, StoredCardState } from './cardUpdates';
import type { ChatAddress, ChatPlatform, ChatTurn } from './chatPlatform';
import type { InFlight } from './inFlight';
import { cardBody, messageBody, sendInvokeResponse } from './invokeResponses';
import type { SignInFlow } from './signInFlow';
import type { UserTokens } from './userTokens';

export interface ClicksDeps {
  click: ClickDeps;
  /** A click's answer is due this long after it arrived (CARD_ANSWER_DEADLINE_MS). */
  answerDeadlineMs: number;
  cardUpdates: CardUpdates;
  inFlight: InFlight;
  signInFlow: SignInFlow;
  tokens: UserTokens;
  platform: ChatPlatform;
  logger: Logger;
}

/** How the click reached the bot: an Action.Execute invoke (answered in its HTTP response) or an Action.Submit message. */
export type ClickVia = 'execute' | 'submit';

type Within<T> = { done: true; value: T } | { done: false };

/** Where an outcome goes: the turn of the click (by its transport), or a later proactive turn in that conversation. */
type Answering = { via: ClickVia; context: ChatTurn } | { via: 'late'; reference: ChatAddress };

/**
 * A click, answered within its deadline whatever storage, the token service or Graph do. The work runs against
 * the clock: if it is done in time, the clicker gets the outcome; if the sync is on its way, the "Sending…" card;
 * if not even the claim is decided, a short "still working" note. Whatever finishes later reaches the card in the
 * background, in order, through the same outcome type. Card updates for everyone else always go that way, so the
 * answer never waits for the Bot Connector.
 */
export class Clicks {
  constructor(private readonly deps: ClicksDeps) {}

  async run(
    context: ChatTurn,
    action: CardActionData,
    input: TurnInput,
    cardMessageId: string | null,
    transport: ClickVia,
    attempt = 0,
  ): Promise<void> {
    const arrived = Date.now();
    const answer = await this.answer(
      context,
      action,
      input,
      cardMessageId,
      transport,
      attempt,
      arrived + this.deps.answerDeadlineMs,
    );
    // One line per click, for the "click latency" and "failed syncs" queries in deploy/README.md.
    this.deps.logger.info(
      { activityId: context.activity.id, verb: action.verb, transport, answer, answerMs: Date.now() - arrived },
      'click answered',
    );
  }

  /** Answers the click by `due`; says which answer it gave: the outcome, "sending…", or "still working". */
  private async answer(
    context: ChatTurn,
    action: CardActionData,
    input: TurnInput,
    cardMessageId: string | null,
    transport: ClickVia,
    attempt: number,
    due: number,
  ): Promise<'outcome' | 'sending' | 'working'> {
    const reference = this.deps.platform.addressOf(context);
    const started = startClick(action, input, cardMessageId, this.deps.click);
    const first = await within(started, due);
    if (!first.done) {
      this.later(
        reference,
        cardMessageId,
        input,
        attempt,
        started.then((start) => this.finish(start)),
      );
      if (transport === 'execute') await sendInvokeResponse(context, 200, messageBody(input.m.working));
      return 'working';
    }
    const start = first.value;
    if (start.kind === 'done') {
      await this.deliver(start.outcome, { via: transport, context }, input, cardMessageId, attempt);
      return 'outcome';
    }
    const finishing = start.finish();
    const second = await within(finishing, due);
    if (second.done) {
      await this.deliver(second.value, { via: transport, context }, input, cardMessageId, attempt);
      return 'outcome';
    }
    this.deps.logger.info(
      { activityId: context.activity.id, verb: action.verb },
      'Graph is slow: answered with a sending card, the outcome follows',
    );
    await this.deliver(start.sending, { via: transport, context }, input, cardMessageId, attempt);
    this.later(reference, cardMessageId, input, attempt, finishing);
    return 'sending';
  }

  /** Changes a card in this conversation for everyone, in order with the updates clicks make. */
  updateCard(context: ChatTurn, messageId: string, card: AdaptiveCard, rank: number): void {
    this.deps.cardUpdates.enqueue({
      reference: this.deps.platform.addressOf(context),
      messageId,
      card,
      rank,
      fallbackToNewMessage: false,
    });
  }

  private async finish(start: ClickStart): Promise<ClickOutcome> {
    if (start.kind === 'done') return start.outcome;
    return start.finish();
  }

  /**
   * The one place a click's outcome reaches Teams, whichever way: in this turn (Execute: the invoke's response body;
   * Submit: what this turn sends) or later, through a proactive turn in order with the card updates.
   */
  private async deliver(
    outcome: ClickOutcome,
    answering: Answering,
    input: TurnInput,
    cardMessageId: string | null,
    attempt: number,
  ): Promise<void> {
    const { m } = input;
    const turn = answering.via === 'late' ? null : answering.context;
    const execute = answering.via === 'execute' ? answering.context : null;
    const reference = answering.via === 'late' ? answering.reference : this.deps.platform.addressOf(answering.context);
    // What is said beside the card: in this turn, or later in a proactive turn queued behind the card updates.
    const say = async (logic: (context: ChatTurn) => Promise<void>): Promise<void> =>
      turn ? logic(turn) : this.deps.cardUpdates.say(reference, logic);
    switch (outcome.kind) {
      case 'card':
        // Execute: the answer shows the card to the clicker, the update to everyone else. Submit and late: the update
        // does both. If the update fails, a new message carries the card, unless the clicker alone can see it and has it.
        this.deps.cardUpdates.enqueue({
          reference,
          messageId: cardMessageId,
          card: outcome.card,
          rank: outcome.rank,
          fallbackToNewMessage: !execute || !input.personal,
          stored: this.storedStateOf(outcome, input),
          ...(turn ? {} : { then: (context: ChatTurn) => this.besideCard(context, outcome, input, attempt) }),
        });
        if (execute)
          return outcome.signIn
            ? this.loginRequest(execute, input, outcome.signIn.staleToken)
            : sendInvokeResponse(execute, 200, cardBody(outcome.card));
        if (turn) await this.besideCard(turn, outcome, input, attempt);
        return;
      case 'notice':
        if (execute) return sendInvokeResponse(execute, 200, messageBody(toPlainText(outcome.text)));
        return say((context) => this.deps.platform.sendText(context, outcome.text));
      case 'newCard':
        await say(async (context) => void (await this.deps.platform.sendCard(context, outcome.card)));
        if (execute) await sendInvokeResponse(execute, 200, messageBody(m.answeredBelow));
        return;
      case 'view':
        // Universal Actions: the answer shows the current card to the one who looked. Without them, the card is updated.
        if (execute) return sendInvokeResponse(execute, 200, cardBody(outcome.card));
        this.deps.cardUpdates.enqueue({
          reference,
          messageId: cardMessageId,
          card: outcome.card,
          rank: null,
          fallbackToNewMessage: false,
        });
        return;
      case 'signIn':
        if (execute) return this.loginRequest(execute, input, outcome.need.staleToken);
        return say((context) => this.deps.signInFlow.ask(context, m, outcome.need, attempt));
    }
  }

  /** A card's notice and sign-in prompt, after the card, for the clicker. */
  private async besideCard(
    context: ChatTurn,
    outcome: ClickOutcome & { kind: 'card' },
    input: TurnInput,
    attempt: number,
  ): Promise<void> {
    if (outcome.notice) await this.deps.platform.sendText(context, outcome.notice);
    if (outcome.signIn) await this.deps.signInFlow.ask(context, input.m, outcome.signIn, attempt);
  }

  /** How a card update finds the confirmation's newest stored state (see StoredCardState). */
  private storedStateOf(outcome: ClickOutcome & { kind: 'card' }, input: TurnInput): StoredCardState | undefined {
    const { confirmationId, rank } = outcome;
    if (!confirmationId) return undefined;
    return {
      newest: () =>
        currentConfirmationCard(
          confirmationId,
          { m: input.m, personal: input.personal },
          this.deps.click,
          null,
          rank ?? -1,
        ),
    };
  }

  /** Teams answers a login request by signing the user in (silently where it can) and sending the click again. */
  private async loginRequest(context: ChatTurn, input: TurnInput, staleToken: boolean): Promise<void> {
    const signIn = this.deps.tokens.signIn;
    if (!signIn) return sendInvokeResponse(context, 200, messageBody(input.m.syncFailure.unauthorized));
    if (staleToken) await signIn.signOut(context);
    await sendInvokeResponse(context, 200, await signIn.loginRequest(context, input.m));
  }

  /** What finishes after the answer reaches the card (and the clicker) through a proactive turn, in order. */
  private later(
    reference: ChatAddress,
    cardMessageId: string | null,
    input: TurnInput,
    attempt: number,
    outcome: Promise<ClickOutcome>,
  ): void {
    const delivered = outcome.then(
      (settled) => this.deliver(settled, { via: 'late', reference }, input, cardMessageId, attempt),
      (error: unknown) => {
        this.deps.logger.error({ err: error, messageId: cardMessageId }, 'click failed after it was answered');
        return this.deliver(
          { kind: 'notice', text: userTextOf(error, input.m) },
          { via: 'late', reference },
          input,
          cardMessageId,
          attempt,
        );
      },
    );
    this.deps.inFlight.track(delivered, { work: 'late click outcome', messageId: cardMessageId });
  }
}

async function within<T>(work: Promise<T>, due: number): Promise<Within<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Within<T>>(
    (resolve) => (timer = setTimeout(() => resolve({ done: false }), Math.max(0, due - Date.now()))),
  );
  const settled = work.then((value): Within<T> => ({ done: true, value }));
  settled.catch(() => undefined); // a failure after the deadline is handled by whoever takes the work over
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
