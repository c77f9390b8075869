import { KEYS, StorageContentionError, WATCHING_PREFIX, type StateStore, type Versioned } from '../storage';
import { fromKeySegment } from '../storage/keySegment';
import type { Requested } from './confirmation';
import { isFinal, type WatchRecord, type WatchedCard } from './watch';

/** A connector's record stays this long after its window, so a late refresh still finds how it ended. */
const KEEP_AFTER_WINDOW_MS = 24 * 3_600_000;
/** Cards that follow one connector's watch; beyond this the oldest stop getting updates (they still refresh). */
const MAX_CARDS = 20;
const TRIES = 5;

/**
 * Watches in the bot's storage, not in memory: one record per connector (its state, its cards, the poller's lease)
 * and an index of the connectors being followed, so that any instance, after a restart too, finds them. Every change
 * is a compare-and-swap on the version read.
 */
export class WatchStore {
  constructor(
    private readonly store: StateStore,
    private readonly windowMs: number,
  ) {}

  /** The connector's watch; a record that is not this connector's counts as none. */
  async read(connectorId: string): Promise<Versioned<WatchRecord> | null> {
    const found = await this.store.read<WatchRecord>(KEYS.watch(connectorId));
    const mine =
      (found?.value as Partial<WatchRecord> | undefined)?.connectorId?.toLowerCase() === connectorId.toLowerCase();
    return found && mine ? found : null;
  }

  /**
   * Follows a sync Graph has just accepted: starts the connector's watch, or joins the one running (a newer sync moves
   * the moment Intune's report must follow, and the window with it). Adds the card to those updated when it ends.
   */
  async begin(confirmation: Requested, card: WatchedCard): Promise<WatchRecord> {
    const key = KEYS.watch(confirmation.connector.id);
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      const current = await this.read(confirmation.connector.id);
      const next = joined(current?.value ?? null, confirmation, card, this.windowMs);
      const written =
        current && !isFinal(current.value.state)
          ? await this.store.replace(key, next, current.eTag, this.ttl())
          : await this.put(key, current, next);
      if (written) {
        await this.follow(next.connectorId);
        return next;
      }
    }
    throw new StorageContentionError(`the watch of ${confirmation.connector.id} (${TRIES} tries)`);
  }

  /** The record a new watch starts with (the card of a just-accepted sync shows it before it is stored). */
  fresh(confirmation: Requested, cards: WatchedCard[]): WatchRecord {
    return { ...joined(null, confirmation, cards[0] ?? placeholder(confirmation), this.windowMs), cards };
  }

  /** Follows a watch again that stopped for a sign-in (the requester asked to continue). */
  async resume(current: Versioned<WatchRecord>): Promise<Versioned<WatchRecord> | null> {
    const resumed = await this.update(current, {
      ...current.value,
      state: { kind: 'watching' },
      lease: null,
      pausedUntil: null,
    });
    if (resumed) await this.follow(resumed.value.connectorId);
    return resumed;
  }

  /** Writes `next` over the version read; null when someone changed the record meanwhile. */
  async update(current: Versioned<WatchRecord>, next: WatchRecord): Promise<Versioned<WatchRecord> | null> {
    const replaced = await this.store.replace(KEYS.watch(next.connectorId), next, current.eTag, this.ttl());
    return replaced.replaced ? { value: next, eTag: replaced.eTag } : null;
  }

  /** The connectors being followed, by their markers (lower-cased ids: reading a watch does not mind the case). */
  async followed(): Promise<string[]> {
    const keys = await this.store.list(WATCHING_PREFIX);
    return keys.map((key) => fromKeySegment(key.slice(WATCHING_PREFIX.length)));
  }

  /**
   * Stops listing a connector whose watch ended. A sync accepted meanwhile may have begun a new watch of the same
   * connector: the watch is read again after the marker is gone, and the marker put back if it runs, so an end and
   * a begin that cross never lose the new watch.
   */
  async unfollow(connectorId: string): Promise<void> {
    await this.store.delete(KEYS.watching(connectorId));
    const now = await this.read(connectorId);
    if (now && !isFinal(now.value.state)) await this.follow(connectorId);
  }

  private follow(connectorId: string): Promise<void> {
    return this.store.put(KEYS.watching(connectorId), { connectorId }, this.ttl());
  }

  private async put(key: string, current: Versioned<WatchRecord> | null, next: WatchRecord): Promise<boolean> {
    if (!current) return (await this.store.create(key, next, this.ttl())).created;
    return (await this.store.replace(key, next, current.eTag, this.ttl())).replaced;
  }

  private ttl(): { ttlMs: number } {
    return { ttlMs: this.windowMs + KEEP_AFTER_WINDOW_MS };
  }
}

function placeholder(confirmation: Requested): WatchedCard {
  return {
    confirmationId: confirmation.id,
    reference: {},
    messageId: null,
    locale: 'en',
    personal: true,
    refreshFor: [],
  };
}

function joined(
  running: WatchRecord | null,
  confirmation: Requested,
  card: WatchedCard,
  windowMs: number,
): WatchRecord {
  const acceptedAt = confirmation.requestedAt;
  const until = new Date(Date.parse(acceptedAt) + windowMs).toISOString();
  if (running && !isFinal(running.state)) {
    const cards = [...running.cards.filter((known) => known.confirmationId !== card.confirmationId), card].slice(
      -MAX_CARDS,
    );
    const newer = Date.parse(acceptedAt) > Date.parse(running.acceptedAt);
    return {
      ...running,
      cards,
      ...(newer ? { acceptedAt, until, syncType: confirmation.syncType, requestedBy: confirmation.claimedBy } : {}),
    };
  }
  return {
    connectorId: confirmation.connector.id,
    connectorName: confirmation.connector.name,
    syncType: confirmation.syncType,
    requestedBy: confirmation.claimedBy,
    acceptedAt,
    until,
    baseline: { lastSyncDateTime: confirmation.connector.lastSyncDateTime, status: confirmation.connector.status },
    state: { kind: 'watching' },
    changedAt: acceptedAt,
    cards: [card],
    lease: null,
    pausedUntil: null,
  };
}
