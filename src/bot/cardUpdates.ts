import type { AdaptiveCard } from '../cards/schema';
import { doubling, retrying } from '../deadline';
import type { Logger } from '../logger';
import type { ChatAddress, ChatPlatform, ChatTurn } from './chatPlatform';
import type { InFlight } from './inFlight';

/**
 * A card's newest state in storage. Updates of one instance run in order, but another instance's newer update may
 * land first: after an update lands, a newer stored state replaces it again.
 */
export interface StoredCardState {
  newest(): Promise<{ card: AdaptiveCard; rank: number } | null>;
}

export interface CardUpdate {
  reference: ChatAddress;
  /** The message that carries the card; null when there is none to update. */
  messageId: string | null;
  card: AdaptiveCard;
  /** The card's state order (a confirmation's revision): a lower rank never replaces a higher one. Null: unordered. */
  rank: number | null;
  /** If the update fails, post the card as a new message: nobody has seen this state yet (a late outcome). */
  fallbackToNewMessage: boolean;
  /** Runs after the card, in the same order (a notice or a sign-in prompt that belongs to this state). */
  then?: (turn: ChatTurn) => Promise<void>;
  /** Where the card's newest stored state is read once this update landed. */
  stored?: StoredCardState;
}

interface Lane {
  tail: Promise<void>;
  rank: number;
  /** Updates queued behind the one running: a failing update is not retried once a newer one waits. */
  waiting: number;
}

/** A failed update is tried this many times in all, pausing a tenth of BOT_FRAMEWORK_TIMEOUT_MS, doubling. */
const ATTEMPTS = 5;

/**
 * Every card update, in order, outside the turn that caused it: a click is answered at once, and the card other
 * people see follows. Updates of one message run one after another; an update whose rank is lower than one already
 * shown is skipped, so a late "Sending…" can never overwrite the outcome. Each call has a deadline (see
 * botFrameworkHttp.ts); an update that fails is tried again with growing pauses (replacing a card is idempotent)
 * unless a newer update waits, and a state nobody has seen falls back to a new message.
 */
export class CardUpdates {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly platform: ChatPlatform,
    private readonly inFlight: InFlight,
    private readonly logger: Logger,
    /** BOT_FRAMEWORK_TIMEOUT_MS: the pauses between attempts scale with it. */
    private readonly timeoutMs: number,
  ) {}

  enqueue(update: CardUpdate): void {
    const key = `${update.reference.conversation?.id ?? ''}|${update.messageId ?? Math.random()}`;
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), rank: -1, waiting: 0 };
    lane.waiting += 1;
    const run = lane.tail.then(() => {
      lane.waiting -= 1;
      return this.apply(lane, update);
    });
    this.inFlight.track(run, { work: 'card update', messageId: update.messageId, rank: update.rank });
    this.chain(key, lane, run);
  }

  /** Something to say in the conversation outside a turn (a notice, a sign-in prompt), in order with earlier sends. */
  say(reference: ChatAddress, logic: (turn: ChatTurn) => Promise<void>): void {
    const key = `${reference.conversation?.id ?? ''}|messages`;
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), rank: -1, waiting: 0 };
    const run = lane.tail.then(() =>
      this.persistently(
        () => this.inConversation(reference, logic),
        () => false,
      ),
    );
    this.inFlight.track(run, { work: 'message' });
    this.chain(key, lane, run);
  }

  /**
   * Makes `run` the lane's last piece of work; the lane is forgotten when it is done and nothing was queued behind it.
   * (Comparing with the tail as it was when `run` was queued matters: a lane forgotten while work waits in it would
   * let the next update run beside that work, and a slower, older card could land last.)
   */
  private chain(key: string, lane: Lane, run: Promise<void>): void {
    const tail = run.catch(() => undefined);
    lane.tail = tail;
    this.lanes.set(key, lane);
    void tail.then(() => {
      if (lane.tail === tail && this.lanes.get(key) === lane) this.lanes.delete(key);
    });
  }

  private async apply(lane: Lane, update: CardUpdate): Promise<void> {
    if (update.rank !== null && update.rank < lane.rank) {
      this.logger.debug(
        { messageId: update.messageId, rank: update.rank, shown: lane.rank },
        'card update skipped: a later state is already shown',
      );
      return;
    }
    if (update.rank !== null) lane.rank = update.rank;
    const superseded = (): boolean => lane.waiting > 0;
    const updated = update.messageId
      ? await this.persistently(() => this.replace(update.reference, update.messageId!, update.card), superseded).then(
          () => true,
          () => false,
        )
      : false;
    if (updated && update.stored && !superseded()) await this.showNewest(lane, update.stored, update);
    if (!updated && update.fallbackToNewMessage && !superseded()) {
      await this.persistently(
        () =>
          this.inConversation(update.reference, async (turn) => void (await this.platform.sendCard(turn, update.card))),
        superseded,
      );
    }
    if (update.then)
      await this.persistently(
        () => this.inConversation(update.reference, update.then!),
        () => false,
      );
  }

  /** After an update landed: if storage holds a newer state of the card (another instance's), show that instead. */
  private async showNewest(lane: Lane, stored: StoredCardState, update: CardUpdate): Promise<void> {
    const newest = await stored.newest().catch(() => null);
    if (!newest || newest.rank <= (update.rank ?? -1) || newest.rank < lane.rank) return;
    lane.rank = newest.rank;
    this.logger.debug(
      { messageId: update.messageId, rank: update.rank, newest: newest.rank },
      'card update overtaken by a newer state: showing that',
    );
    await this.persistently(
      () => this.replace(update.reference, update.messageId!, newest.card),
      () => lane.waiting > 0,
    ).catch(() => undefined);
  }

  /** Runs a Bot Connector call until it succeeds, a newer update makes it pointless, or the attempts are used up. */
  private persistently(call: () => Promise<void>, superseded: () => boolean): Promise<void> {
    const pause = doubling(this.timeoutMs / 10);
    return retrying(call, {
      attempts: ATTEMPTS,
      pauseAfter: (error, attempt) => {
        if (superseded()) return null;
        this.logger.warn({ err: error, attempt }, 'Bot Connector call failed; trying again');
        return pause(attempt);
      },
    });
  }

  private replace(reference: ChatAddress, messageId: string, card: AdaptiveCard): Promise<void> {
    return this.inConversation(reference, (turn) => this.platform.updateCard(turn, messageId, card));
  }

  /**
   * A proactive turn whose failure reaches the caller: botbuilder hands errors in proactive logic to the adapter's
   * turn error handler instead of rejecting, so they are caught inside and thrown again outside.
   */
  private async inConversation(reference: ChatAddress, logic: (turn: ChatTurn) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | null = null;
    await this.platform.continueIn(reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw (failure as { error: unknown }).error;
  }
}
