import { ALERTING_PREFIX, KEYS, TTL, changeOnce, fromKeySegment, type StateStore, type Versioned } from '../storage';
import type { AlertSubscription } from './alerts';
import type { Person } from './confirmation';

/** One line of a conversation's alert record: who turned alerts on or off, or why they paused. */
export interface AlertLogEntry {
  action: 'on' | 'off' | 'paused';
  by: Person | null;
  at: string;
}

const LOG_ENTRIES = 20;
const LOG_TRIES = 3;

/**
 * Subscriptions in the bot's storage: one record per conversation (compare-and-swap on every change), a marker per
 * conversation with alerts on (found by listing, as the watching markers), and the on/off record.
 */
export class AlertStore {
  constructor(private readonly store: StateStore) {}

  async read(conversationId: string): Promise<Versioned<AlertSubscription> | null> {
    const found = await this.store.read<AlertSubscription>(KEYS.alerts(conversationId));
    return found && found.value.conversationId === conversationId ? found : null;
  }

  /** Writes `next` over the version read; null when someone changed the record meanwhile. */
  async update(
    current: Versioned<AlertSubscription>,
    next: AlertSubscription,
  ): Promise<Versioned<AlertSubscription> | null> {
    const key = KEYS.alerts(next.conversationId);
    const replaced = await this.store.replace(key, next, current.eTag, { ttlMs: TTL.alerts });
    return replaced.replaced ? { value: next, eTag: replaced.eTag } : null;
  }

  /** Starts (or restarts) a conversation's alerts from scratch, whatever was stored, and lists it. */
  async start(subscription: AlertSubscription): Promise<void> {
    await this.store.put(KEYS.alerts(subscription.conversationId), subscription, { ttlMs: TTL.alerts });
    await this.list(subscription.conversationId);
  }

  /** Writes the conversation's marker (again): listed conversations are the ones every instance checks. */
  list(conversationId: string): Promise<void> {
    return this.store.put(KEYS.alerting(conversationId), { conversationId }, { ttlMs: TTL.alerts });
  }

  /** Stops listing a conversation (alerts off): no instance checks it again. */
  unlist(conversationId: string): Promise<void> {
    return this.store.delete(KEYS.alerting(conversationId));
  }

  /** The conversations with alerts on, by their markers. */
  async listed(): Promise<string[]> {
    const keys = await this.store.list(ALERTING_PREFIX);
    return keys.map((key) => fromKeySegment(key.slice(ALERTING_PREFIX.length)));
  }

  async log(conversationId: string, entry: AlertLogEntry): Promise<void> {
    for (let attempt = 0; attempt < LOG_TRIES; attempt += 1) {
      const outcome = await changeOnce<AlertLogEntry[]>(
        this.store,
        KEYS.alertLog(conversationId),
        (entries) => [entry, ...(entries ?? [])].slice(0, LOG_ENTRIES),
        { ttlMs: TTL.alertLog },
      );
      if (outcome !== 'lost') return;
    }
  }

  async logOf(conversationId: string): Promise<AlertLogEntry[]> {
    return (await this.store.read<AlertLogEntry[]>(KEYS.alertLog(conversationId)))?.value ?? [];
  }
}
