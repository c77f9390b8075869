import { Deadline } from '../deadline';
import { GraphRequestError } from '../graph/errors';
import type { ConnectorGraph } from '../graph/types';
import type { Logger } from '../logger';
import type { Versioned } from '../storage';
import type { AuditLog } from './auditLog';
import { patiently } from './patiently';
import { Rounds } from './rounds';
import type { BackgroundWork } from './syncTypes';
import type { Requested } from './confirmation';
import type { CardWatch, Following, PageWatches } from './following';
import {
  chatCardsOf,
  completionOf,
  isFinal,
  isTabCard,
  nextState,
  seenOf,
  windowPassed,
  type ConnectorSeen,
  type WatchRecord,
  type NewWatchedCard,
  type WatchedCard,
  type WatchState,
} from './watch';
import type { WatchDelivery } from './watchDelivery';
import type { WatchStore } from './watchStore';

export interface WatcherDeps {
  watches: WatchStore;
  graph: ConnectorGraph;
  /** Where the chat side lives: the requester's token, the cards to update, who gets a card's refresh. */
  delivery: WatchDelivery;
  /** Where history records what became of a followed sync. */
  history: Pick<AuditLog, 'complete'>;
  /** Work that outlives a call (storing a new watch, history's completion), tracked until done. */
  background: BackgroundWork;
  logger: Logger;
  /** SYNC_WATCH_INTERVAL_SECONDS. */
  intervalMs: number;
  graphTimeoutMs: number;
  instanceId: string; // names this instance in leases
  /** The one clock of every decision (leases, pauses, windows): tests move it. */
  now: () => Date;
  /** The first pause before a watch's start is stored again after a storage failure (it doubles; see patiently). */
  storagePauseMs: number;
}

/**
 * Follows accepted syncs until Intune reports them. Every interval, each instance looks at the connectors being
 * followed; for each, the instance holding the lease (or taking it over once it lapsed) asks Graph once, with the
 * requester's token, fetched for the poll and never stored. A report, a window passed, a status change or a refused
 * token ends the watch, and every card that shows it is updated in place. The polling is here; what reaches a chat
 * (tokens, card updates) is the delivery's (src/bot/teamsWatchDelivery.ts).
 */
export class Watcher implements Following, PageWatches {
  private readonly rounds: Rounds;

  constructor(private readonly deps: WatcherDeps) {
    this.rounds = new Rounds(deps.intervalMs, () => this.round());
  }

  /** A lease lapses after three intervals plus the longest Graph call, so a stopped instance's watches resume soon. */
  get leaseMs(): number {
    return 3 * this.deps.intervalMs + Math.min(10_000, this.deps.graphTimeoutMs);
  }

  start(): void {
    this.rounds.start();
  }

  /** No new rounds; resolves when the round under way (if any) is done. */
  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** Starts following a sync that Graph accepted; the card joins the connector's watch. */
  begin(confirmation: Requested, card: NewWatchedCard): void {
    // Graph accepted the sync and the card already says it is followed: a storage hiccup must not leave it unfollowed
    // (the record, then its marker; joining a watch twice changes nothing, so the whole begin is tried again).
    const store = (watched: WatchedCard) =>
      patiently(() => this.deps.watches.begin(confirmation, watched), this.deps.storagePauseMs);
    const work = isTabCard(card)
      ? store(card)
      : this.deps.delivery.refreshUsers(card).then(async (refreshFor) => {
          const record = await store({ ...card, refreshFor });
          // In group chats the first card carried only the requester in its refresh: now everyone it names gets it.
          if (!card.personal && refreshFor.length > 1)
            this.deps.delivery.update(record, [{ ...card, refreshFor }], 0.1);
        });
    this.deps.background.track(work, { work: 'begin watch', connectorId: confirmation.connector.id });
  }

  /** The card a sync shows the moment Graph accepted it: followed until the window ends, refreshed for the requester. */
  preview(confirmation: Requested, requesterId: string): CardWatch {
    return { record: this.deps.watches.fresh(confirmation, []), refreshFor: [requesterId] };
  }

  /**
   * The watch of a requested confirmation's connector, as its card shows it (a refresh: from storage, no Graph call).
   * The requester's refresh of a watch stopped for a sign-in continues it, if its window has not passed.
   */
  async cardWatchOf(confirmation: Requested, viewerIsRequester: boolean): Promise<CardWatch | null> {
    const current = await this.deps.watches.read(confirmation.connector.id);
    const card = current?.value.cards.find((known) => known.confirmationId === confirmation.id);
    if (!current || !card) return null;
    let record = current.value;
    if (
      viewerIsRequester &&
      record.state.kind === 'stopped' &&
      record.state.reason === 'signIn' &&
      !windowPassed(record, this.deps.now())
    ) {
      const resumed = await this.deps.watches.resume(current);
      if (resumed) record = resumed.value;
    }
    return { record, refreshFor: isTabCard(card) ? [] : card.refreshFor };
  }

  /** One round over every followed connector. Rounds never overlap: a slow one delays the next. */
  tick(): Promise<void> {
    return this.rounds.tick();
  }

  /** Resolves once `count` more rounds have completed (a round that is under way counts as the first). */
  afterRounds(count: number): Promise<void> {
    return this.rounds.afterRounds(count);
  }

  private async round(): Promise<void> {
    let followed: string[];
    try {
      followed = await this.deps.watches.followed();
    } catch (error) {
      return this.deps.logger.warn({ err: error }, 'watch: storage unavailable; trying again next interval');
    }
    for (const connectorId of followed) {
      try {
        await this.poll(connectorId);
      } catch (error) {
        this.deps.logger.warn({ err: error, connectorId }, 'watch: poll failed; trying again next interval');
      }
    }
  }

  /**
   * The watches the dashboard shows: every connector followed now and the `also` ones (ended since the page last
   * looked), from storage. A due watch that no chat follows is polled first with the page's token: the page drives it.
   */
  async live(also: readonly string[], pageToken: string): Promise<WatchRecord[]> {
    const ids = [...new Set([...(await this.deps.watches.followed()), ...also.map((id) => id.toLowerCase())])];
    const records = await Promise.all(
      ids.map(async (connectorId) => {
        const current = await this.deps.watches.read(connectorId);
        if (!current || chatCardsOf(current.value).length > 0 || isFinal(current.value.state)) return current?.value;
        try {
          await this.poll(connectorId, pageToken);
        } catch (error) {
          this.deps.logger.warn({ err: error, connectorId }, 'watch: poll for the dashboard failed');
        }
        return (await this.deps.watches.read(connectorId))?.value;
      }),
    );
    return records.filter((record): record is WatchRecord => record !== undefined);
  }

  /**
   * One poll of a connector's watch. The timer polls watches a chat follows (with the requester's token, fetched
   * through the chat); a watch only the tab follows is polled by the page's request (`pageToken`), at most once per
   * interval across instances and pages.
   */
  private async poll(connectorId: string, pageToken?: string): Promise<void> {
    const current = await this.deps.watches.read(connectorId);
    if (!current || isFinal(current.value.state)) return this.deps.watches.unfollow(connectorId);
    const record = current.value;
    const now = this.deps.now();
    const nowMs = now.getTime();
    if (record.lease && record.lease.holder !== this.deps.instanceId && record.lease.until > nowMs) return; // another instance polls it
    // Past its window a watch ends, but only after one last look: a report that arrived while no instance could poll
    // (a takeover, Graph's pause) is a completion, not "not reported".
    const passed = windowPassed(record, now);
    const fromPage = pageToken !== undefined;
    const chat = chatCardsOf(record).length > 0;
    // Who drives it: a chat when one follows it, else an open dashboard page; neither asks twice in one interval.
    if (!fromPage && !chat) return passed ? this.finish(current, { kind: 'notReported' }) : undefined;
    if (fromPage && chat) return;
    if (fromPage && record.polledAt !== undefined && nowMs - record.polledAt < this.deps.intervalMs) return;
    const leased = await this.deps.watches.update(current, {
      ...record,
      lease: { holder: this.deps.instanceId, until: nowMs + this.leaseMs },
      polledAt: nowMs,
    });
    if (!leased) return; // someone else took it this moment
    if (record.pausedUntil && record.pausedUntil > nowMs && !passed) return;

    const token = pageToken ?? (await this.deps.delivery.requesterToken(record));
    if (!token) return this.finish(leased, passed ? { kind: 'notReported' } : { kind: 'stopped', reason: 'signIn' });
    try {
      // The id as Graph gave it (the listing has it lower-cased).
      const connector = await this.deps.graph.get(
        { token, deadline: Deadline.after(this.deps.graphTimeoutMs) },
        record.connectorId,
      );
      const state = nextState(record, connector, now);
      if (isFinal(state)) await this.finish(leased, state, seenOf(connector, now));
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      // A page's token refused is that page's sign-in problem (it shows it); another viewer's page may drive it.
      if ((error.kind === 'unauthorized' || error.kind === 'forbidden') && fromPage) return;
      if (error.kind === 'unauthorized' || error.kind === 'forbidden')
        return this.finish(leased, { kind: 'stopped', reason: 'signIn' });
      if (error.kind === 'notFound') return this.finish(leased, { kind: 'stopped', reason: 'gone' });
      // The last look failed: it is tried again for three more intervals (a takeover's time), then the window is over.
      if (passed && nowMs >= Date.parse(record.until) + 3 * this.deps.intervalMs)
        return this.finish(leased, { kind: 'notReported' });
      if (error.kind === 'throttled' || error.kind === 'unavailable') {
        // Graph asked to slow down: the next polls wait (its Retry-After, at least two intervals); the card stays calm.
        const pause = Math.max((error.retryAfterSeconds ?? 0) * 1000, 2 * this.deps.intervalMs);
        await this.deps.watches.update(leased, { ...leased.value, pausedUntil: nowMs + pause });
        return;
      }
      this.deps.logger.info(
        { connectorId, kind: error.kind, status: error.status },
        'watch: Graph did not answer this poll; trying again next interval',
      );
    }
  }

  private async finish(current: Versioned<WatchRecord>, state: WatchState, seen?: ConnectorSeen): Promise<void> {
    const next: WatchRecord = {
      ...current.value,
      state,
      changedAt: this.deps.now().toISOString(),
      lease: null,
      ...(seen ? { seen } : {}),
    };
    const stored = await this.deps.watches.update(current, next);
    if (!stored) return; // another instance moved it on; it updates the cards
    await this.deps.watches.unfollow(next.connectorId);
    this.deps.logger.info({ connectorId: next.connectorId, state: state.kind }, 'watch ended');
    this.deps.delivery.update(next, next.cards, 0.5);
    this.recordCompletion(next);
  }

  /** History gains what became of the sync, beside the card update (its own work, tracked until done). */
  private recordCompletion(record: WatchRecord): void {
    const completion = completionOf(record);
    if (!completion) return;
    const ids = record.cards.map((card) => card.confirmationId);
    const work = this.deps.history.complete(record.connectorId, ids, completion).then((stored) => {
      if (!stored)
        this.deps.logger.warn({ connectorId: record.connectorId }, "watch: could not add the sync's end to history");
    });
    this.deps.background.track(work, { work: 'history completion', connectorId: record.connectorId });
  }
}
