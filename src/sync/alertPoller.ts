import { randomUUID } from 'node:crypto';
import type { AlertSettings } from '../config';
import { Deadline } from '../deadline';
import { GraphRequestError } from '../graph/errors';
import type { ConnectorGraph } from '../graph/types';
import type { Logger } from '../logger';
import type { Versioned } from '../storage';
import type { AlertDelivery } from './alertDelivery';
import { changesOf, isMuted, type Alert, type AlertSubscription } from './alerts';
import type { AlertStore } from './alertStore';
import { Rounds } from './rounds';

export interface AlertPollerDeps {
  alerts: AlertStore;
  graph: ConnectorGraph;
  delivery: AlertDelivery;
  logger: Logger;
  settings: AlertSettings;
  graphTimeoutMs: number;
  instanceId: string;
  now: () => Date;
  newId?: () => string;
}

/** Graph failing for longer than this is said once in the conversation; shorter outages only delay the checks. */
const DELAY_WORTH_SAYING_MS = 3_600_000;
const OUTBOX_TRIES = 3;
/** A running subscription's marker is written again once a day (storage's lifecycle rule drops it after 30). */
const RELIST_MS = 24 * 3_600_000;

/**
 * Checks each conversation's connectors every ALERT_INTERVAL_SECONDS: one Graph list per conversation per interval
 * under a lease any instance takes over once it lapses, with the owner's token fetched for that check. An alert is
 * decided only by the instance whose compare-and-swap of the new state won, and goes into the subscription's outbox in
 * the same write; it leaves the outbox only after it was posted, so a crash in between repeats it, never loses it.
 */
export class AlertPoller {
  private readonly rounds: Rounds;
  private readonly newId: () => string;

  constructor(private readonly deps: AlertPollerDeps) {
    this.rounds = new Rounds(deps.settings.intervalMs, () => this.round());
    this.newId = deps.newId ?? randomUUID;
  }

  /** A lease lapses after three intervals (at most a minute more than the longest Graph call): then another instance checks. */
  get leaseMs(): number {
    return 3 * this.deps.settings.intervalMs + Math.min(60_000, 3 * this.deps.graphTimeoutMs);
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  tick(): Promise<void> {
    return this.rounds.tick();
  }

  afterRounds(count: number): Promise<void> {
    return this.rounds.afterRounds(count);
  }

  private async round(): Promise<void> {
    let listed: string[];
    try {
      listed = await this.deps.alerts.listed();
    } catch (error) {
      return this.deps.logger.warn({ err: error }, 'alerts: storage unavailable; trying again next interval');
    }
    for (const conversationId of listed) {
      try {
        await this.check(conversationId);
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'alerts: check failed; trying again next interval');
      }
    }
  }

  /**
   * One check of a conversation's connectors, if it is due and this instance may take the lease. `token`: the one of
   * the click that turned alerts on (the first check runs at once with it).
   */
  async check(conversationId: string, token?: string): Promise<void> {
    const current = await this.deps.alerts.read(conversationId);
    if (!current || current.value.state.kind === 'off') return this.deps.alerts.unlist(conversationId);
    const subscription = current.value;
    const nowMs = this.deps.now().getTime();
    const lease = subscription.lease;
    if (lease && lease.holder !== this.deps.instanceId && lease.until > nowMs) return; // another instance checks it
    const due =
      token !== undefined ||
      subscription.polledAt === null ||
      nowMs - subscription.polledAt >= this.deps.settings.intervalMs;
    // Paused: no Graph call until someone turns alerts on again; a left-over post is still made.
    const polling = due && subscription.state.kind === 'on';
    if (!polling && subscription.outbox.length === 0) return;
    const relist = polling && nowMs - (subscription.listedAt ?? 0) > RELIST_MS;
    const leased = await this.deps.alerts.update(current, {
      ...subscription,
      lease: { holder: this.deps.instanceId, until: nowMs + this.leaseMs },
      ...(polling ? { polledAt: nowMs } : {}),
      ...(relist ? { listedAt: nowMs } : {}),
    });
    if (!leased) return; // someone else took it this moment
    if (relist) await this.deps.alerts.list(conversationId);
    if (!polling) return this.postOutbox(leased);
    const decided = await this.poll(leased, token ?? (await this.deps.delivery.ownerToken(subscription)));
    if (decided) await this.postOutbox(decided);
  }

  /** Asks Graph for the list and writes what it means; null when another writer got there first. */
  private async poll(
    leased: Versioned<AlertSubscription>,
    token: string | null,
  ): Promise<Versioned<AlertSubscription> | null> {
    const subscription = leased.value;
    const now = this.deps.now();
    if (!token) return this.pause(leased);
    let connectors;
    try {
      const list = await this.deps.graph.list({ token, deadline: Deadline.after(this.deps.graphTimeoutMs) });
      connectors = list.connectors;
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      if (error.kind === 'unauthorized' || error.kind === 'forbidden') return this.pause(leased);
      // Throttling and outages delay the checks; only one that lasts past an hour is said, once.
      const failingSince = subscription.failingSince ?? now.getTime();
      const tell = !subscription.delayTold && now.getTime() - failingSince > DELAY_WORTH_SAYING_MS;
      this.deps.logger.info({ kind: error.kind, status: error.status }, 'alerts: Graph did not answer this check');
      return this.deps.alerts.update(leased, {
        ...subscription,
        failingSince,
        delayTold: subscription.delayTold || tell,
        outbox: tell
          ? [...subscription.outbox, { kind: 'delayed', id: this.newId(), since: new Date(failingSince).toISOString() }]
          : subscription.outbox,
      });
    }
    const { seen, alerts } = changesOf(subscription.seen, connectors, now, this.deps.settings, this.newId);
    const wanted = alerts.filter((alert) => !('connector' in alert) || !isMuted(subscription, alert.connector.id, now));
    return this.deps.alerts.update(leased, {
      ...subscription,
      seen,
      failingSince: null,
      delayTold: false,
      outbox: [...subscription.outbox, ...wanted],
    });
  }

  /** The owner's token is gone or refused: the checks stop, and the conversation is told once, with how to resume. */
  private async pause(leased: Versioned<AlertSubscription>): Promise<Versioned<AlertSubscription> | null> {
    const subscription = leased.value;
    const at = this.deps.now().toISOString();
    const paused = await this.deps.alerts.update(leased, {
      ...subscription,
      state: { kind: 'paused', at },
      outbox: [...subscription.outbox, { kind: 'paused', id: this.newId(), owner: subscription.owner }],
    });
    if (paused) await this.deps.alerts.log(subscription.conversationId, { action: 'paused', by: null, at });
    return paused;
  }

  /** Posts what the outbox holds, oldest first; each leaves it only once posted (and its message is remembered). */
  private async postOutbox(current: Versioned<AlertSubscription>): Promise<void> {
    for (const queued of current.value.outbox) {
      const alert: Alert =
        queued.kind === 'recovered'
          ? { ...queued, replyTo: current.value.open[queued.connector.id.toLowerCase()] ?? null }
          : queued;
      const messageId = await this.deps.delivery.post(current.value, alert);
      await this.posted(current.value.conversationId, alert, messageId);
    }
  }

  private async posted(conversationId: string, alert: Alert, messageId: string | null): Promise<void> {
    for (let attempt = 0; attempt < OUTBOX_TRIES; attempt += 1) {
      const current = await this.deps.alerts.read(conversationId);
      if (!current) return;
      const open = { ...current.value.open };
      if ('connector' in alert) {
        const key = alert.connector.id.toLowerCase();
        if ((alert.kind === 'problem' || alert.kind === 'stale') && messageId) open[key] = messageId;
        if (alert.kind === 'recovered' || alert.kind === 'disappeared') delete open[key];
      }
      const outbox = current.value.outbox.filter((queued) => queued.id !== alert.id);
      if (await this.deps.alerts.update(current, { ...current.value, outbox, open })) return;
    }
    this.deps.logger.warn({ alert: alert.kind }, 'alerts: posted, but could not note it; it may be posted again');
  }
}
