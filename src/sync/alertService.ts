import type { Locale } from '../i18n';
import type { AlertPoller } from './alertPoller';
import { conversationKeyOf, type AlertSubscription } from './alerts';
import type { AlertLogEntry, AlertStore } from './alertStore';
import type { ChatReference } from './chatReference';
import type { Person } from './confirmation';
import type { BackgroundWork } from './syncTypes';

/** Where alerts are turned on: the conversation, how to reach it, and what kind of chat it is. */
export interface AlertPlace {
  conversationId: string;
  reference: ChatReference;
  channel: boolean;
  personal: boolean;
}

const MUTE_MS = 24 * 3_600_000;
const TRIES = 3;

/** What the commands and buttons do with a conversation's alerts: on, off, how they stand, mute one connector. */
export class AlertService {
  constructor(
    private readonly deps: {
      alerts: AlertStore;
      poller: AlertPoller;
      background: BackgroundWork;
      now: () => Date;
    },
  ) {}

  /**
   * Turns alerts on with `owner`'s access (the clicker of Turn on). Someone else's `alerts on` takes running alerts
   * over: what was seen and muted is kept, so nothing is reported twice. The first check runs at once, with the
   * click's token.
   */
  async turnOn(place: AlertPlace, owner: Person, locale: Locale, token: string): Promise<void> {
    const conversationId = conversationKeyOf(place.conversationId);
    const running = await this.deps.alerts.read(conversationId);
    const kept = running && running.value.state.kind !== 'off' ? running.value : null;
    const at = this.deps.now().toISOString();
    const subscription: AlertSubscription = {
      conversationId,
      reference: place.reference,
      channel: place.channel,
      personal: place.personal,
      owner,
      locale,
      since: kept?.since ?? at,
      state: { kind: 'on' },
      seen: kept?.seen ?? null,
      mutes: kept?.mutes ?? {},
      open: kept?.open ?? {},
      outbox: kept?.outbox ?? [],
      lease: null,
      polledAt: null,
      failingSince: null,
      delayTold: false,
    };
    await this.deps.alerts.start(subscription);
    await this.deps.alerts.log(conversationId, { action: 'on', by: owner, at });
    this.deps.background.track(this.deps.poller.check(conversationId, token), { work: 'first alert check' });
  }

  /** Turns alerts off: no instance checks this conversation again. False when they were not on. */
  async turnOff(conversationId: string, by: Person): Promise<boolean> {
    const key = conversationKeyOf(conversationId);
    const at = this.deps.now().toISOString();
    const changed = await this.change(key, (current) =>
      current.state.kind === 'off' ? null : { ...current, state: { kind: 'off', at, by }, lease: null },
    );
    await this.deps.alerts.unlist(key);
    if (changed) await this.deps.alerts.log(key, { action: 'off', by, at });
    return changed;
  }

  async status(conversationId: string): Promise<{ subscription: AlertSubscription | null; log: AlertLogEntry[] }> {
    const key = conversationKeyOf(conversationId);
    const [current, log] = await Promise.all([this.deps.alerts.read(key), this.deps.alerts.logOf(key)]);
    return { subscription: current?.value ?? null, log };
  }

  /** Mutes a connector's alerts in this conversation for 24 hours: until when, and its name; null when alerts are off. */
  async mute(conversationId: string, connectorId: string): Promise<{ until: string; name: string } | null> {
    const until = new Date(this.deps.now().getTime() + MUTE_MS).toISOString();
    const key = connectorId.toLowerCase();
    let name = connectorId;
    const changed = await this.change(conversationKeyOf(conversationId), (current) => {
      if (current.state.kind === 'off') return null;
      name = current.seen?.[key]?.name ?? connectorId;
      return { ...current, mutes: { ...current.mutes, [key]: until } };
    });
    return changed ? { until, name } : null;
  }

  /** The clock the alerts run on (cards say mutes against it). */
  now(): Date {
    return this.deps.now();
  }

  /** One edit of the subscription against the version read, tried again if a check wrote meanwhile. */
  private async change(
    conversationId: string,
    edit: (current: AlertSubscription) => AlertSubscription | null,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      const current = await this.deps.alerts.read(conversationId);
      const next = current ? edit(current.value) : null;
      if (!current || !next) return false;
      if (await this.deps.alerts.update(current, next)) return true;
    }
    return false;
  }
}
