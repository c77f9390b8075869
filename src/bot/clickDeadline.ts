import { TurnContext, type ConversationReference } from 'botbuilder';
import type { CardActionData } from '../cards/actions';
import type { AdaptiveCard } from '../cards/schema';
import type { ActionOutcome } from '../commands/reply';
import type { Logger } from '../logger';
import type { InFlight } from './inFlight';
import { replaceCard, sendCard, sendText } from './replies';

/** Continues a conversation outside a turn (botbuilder's continueConversationAsync). */
export type Proactive = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

/** A click's answer: the outcome, or, when Graph is slow, the card to show while the request is on its way. */
export type ClickAnswer = ActionOutcome | { kind: 'sending'; card: AdaptiveCard };

export interface ClickDeadlineDeps {
  /** How long a click may wait for Graph before the card says "sending" and is updated afterwards. */
  answerDeadlineMs: number;
  inFlight: InFlight;
  proactive: Proactive;
  logger: Logger;
}

/**
 * Teams gives an invoke about 5 s and redelivers a message turn after 15 s. If the click's work has not finished by
 * the deadline but has already claimed the confirmation, the click is answered with a "sending" card and the card
 * message is updated with the outcome afterwards, through a proactive turn. Shutdown waits for that work.
 */
export async function answerWithinDeadline(
  context: TurnContext,
  action: CardActionData,
  cardMessageId: string | null,
  work: (onClaimed: (sendingCard: AdaptiveCard) => void) => Promise<ActionOutcome>,
  deps: ClickDeadlineDeps,
): Promise<ClickAnswer> {
  const claimed: { card: AdaptiveCard | null } = { card: null };
  const outcome = work((card) => (claimed.card = card));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deps.answerDeadlineMs)));
  const first = await Promise.race([outcome, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  if (!claimed.card) return outcome; // not even claimed yet: there is nothing honest to show but the result
  const reference = TurnContext.getConversationReference(context.activity);
  const details = { activityId: context.activity.id, verb: action.verb, ...('confirmationId' in action ? { confirmationId: action.confirmationId } : {}) };
  deps.logger.info(details, 'Graph is slow: answered with a sending card, the outcome follows');
  deps.inFlight.track(
    outcome.then((settled) => deps.proactive(reference, (later) => finishLate(later, cardMessageId, settled, deps.logger))),
    details,
  );
  return { kind: 'sending', card: claimed.card };
}

async function finishLate(context: TurnContext, cardMessageId: string | null, outcome: ActionOutcome, logger: Logger): Promise<void> {
  if (outcome.kind === 'replaceCard') {
    if (!(await replaceCard(context, cardMessageId, outcome.card, logger))) await sendCard(context, outcome.card);
    if (outcome.notice) await sendText(context, outcome.notice);
  } else if (outcome.kind === 'notice') {
    await sendText(context, outcome.text);
  }
}
