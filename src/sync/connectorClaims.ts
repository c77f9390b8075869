import type { SyncType } from '../graph/types';
import { KEYS, type StateStore, type Versioned } from '../storage';
import type { Person } from './confirmation';

/** The latest claim on a connector: which confirmation, whose click, when. */
export interface ConnectorClaim {
  confirmationId: string;
  claimId: string;
  by: Person;
  syncType: SyncType;
  at: string;
  /** The claim did not lead to a request (its confirmation moved on without it, or Graph refused the sign-in). */
  released?: boolean;
}

export interface ClaimRecord {
  last: ConnectorClaim;
}

/**
 * One record per connector holding its latest claim. Claiming a confirmation first takes this record by
 * compare-and-swap, so two confirmations of the same connector (two cards, a card and the dashboard, two
 * instances) cannot both send at the same moment: a confirmation made before the connector's latest claim is
 * superseded by it.
 */
export class ConnectorClaims {
  constructor(private readonly store: StateStore) {}

  read(connectorId: string): Promise<Versioned<ClaimRecord> | null> {
    return this.store.read<ClaimRecord>(KEYS.connectorClaim(connectorId));
  }

  /** Makes `claim` the connector's latest if the record is still as read; null when it changed meanwhile. */
  async take(
    connectorId: string,
    current: Versioned<ClaimRecord> | null,
    claim: ConnectorClaim,
  ): Promise<Versioned<ClaimRecord> | null> {
    const key = KEYS.connectorClaim(connectorId);
    const next: ClaimRecord = { last: claim };
    if (!current) {
      const created = await this.store.create(key, next);
      return created.created ? { value: next, eTag: created.eTag } : null;
    }
    const replaced = await this.store.replace(key, next, current.eTag);
    return replaced.replaced ? { value: next, eTag: replaced.eTag } : null;
  }

  /** Marks the claim released, if it is still the latest. Best effort: a failure only makes a newer card wait. */
  async release(connectorId: string, claimId: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.read(connectorId);
      if (!current || current.value.last.claimId !== claimId || current.value.last.released) return;
      const replaced = await this.store.replace(
        KEYS.connectorClaim(connectorId),
        { last: { ...current.value.last, released: true } },
        current.eTag,
      );
      if (replaced.replaced) return;
    }
  }
}

/** True when `claim` is a real, newer request for the connector than a confirmation made at `createdAt`. */
export function supersedes(
  claim: ConnectorClaim | undefined,
  confirmationId: string,
  createdAt: string,
): claim is ConnectorClaim {
  return (
    !!claim &&
    !claim.released &&
    claim.confirmationId !== confirmationId &&
    Date.parse(claim.at) >= Date.parse(createdAt)
  );
}
