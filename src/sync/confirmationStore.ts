import { KEYS, TTL, type StateStore, type Versioned } from '../storage';
import type { Claimed, Confirmation } from './confirmation';

/**
 * Confirmation records. Every change after creation is a compare-and-swap on the version that was read, and
 * never recreates a record that is gone. Records live for their lifetime plus a day, so a late click still hears
 * what became of its card.
 */
export class ConfirmationStore {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
  ) {}

  async create(confirmation: Confirmation): Promise<Versioned<Confirmation>> {
    const result = await this.store.create(KEYS.confirmation(confirmation.id), confirmation, {
      ttlMs: this.ttlOf(confirmation),
    });
    if (!result.created) throw new Error(`confirmation id ${confirmation.id} is already taken`);
    return { value: confirmation, eTag: result.eTag };
  }

  /** The confirmation with this id; a record that is not that confirmation (a key trick, corruption) counts as none. */
  async get(id: string): Promise<Versioned<Confirmation> | null> {
    const found = await this.store.read<Confirmation>(KEYS.confirmation(id));
    return found && typeof found.value === 'object' && found.value !== null && found.value.id === id ? found : null;
  }

  /** Replaces `current` with `next` if nobody changed it since; null when somebody did (or it is gone). */
  async replace(current: Versioned<Confirmation>, next: Confirmation): Promise<Versioned<Confirmation> | null> {
    const result = await this.store.replace(KEYS.confirmation(next.id), next, current.eTag, {
      ttlMs: this.ttlOf(next),
    });
    return result.replaced ? { value: next, eTag: result.eTag } : null;
  }

  /**
   * A stale-claim check settled this confirmation as "unknown (interrupted)" while its send was in fact still running
   * (a paused or slow instance): the sender's real outcome replaces that guess. It never replaces any other decision.
   */
  async correctInterrupted(claim: Claimed, outcome: Confirmation): Promise<void> {
    const current = await this.get(claim.id);
    const guess = current?.value;
    if (!current || guess?.state !== 'unknown' || guess.reason !== 'interrupted' || guess.claimId !== claim.claimId)
      return;
    await this.replace(current, { ...outcome, revision: guess.revision + 1 });
  }

  private ttlOf(confirmation: Confirmation): number {
    return Math.max(0, Date.parse(confirmation.expiresAt) - this.now()) + TTL.confirmationAfterExpiry;
  }
}
