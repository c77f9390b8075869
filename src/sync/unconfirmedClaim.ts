import type { Versioned } from '../storage';
import type { Claimed, Confirmation } from './confirmation';
import type { ConfirmationStore } from './confirmationStore';
import type { ConnectorClaims } from './connectorClaims';

/**
 * A claim that storage did not confirm: the write may have been applied although its answer was lost and the read
 * back failed too. The clicker was told that nothing was sent, and nothing was. Left alone, the card would say
 * "Sending…" until the claim went stale and then "outcome unknown"; so once storage answers again, the confirmation
 * goes back to pending (only if it still holds this claim) and the connector's claim is released.
 */
export async function undoUnconfirmedClaim(
  deps: { confirmations: ConfirmationStore; claims: ConnectorClaims },
  claimed: Claimed,
  patiently: <T>(write: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const current = await patiently(() => deps.confirmations.get(claimed.id));
  if (current && isHeldBy(current, claimed.claimId)) {
    const { claimId: _id, claimedBy: _by, claimedAt: _at, state: _state, ...rest } = current.value;
    await patiently(() =>
      deps.confirmations.replace(current, { ...rest, state: 'pending', revision: current.value.revision + 1 }),
    );
  }
  await patiently(() => deps.claims.release(claimed.connector.id, claimed.claimId));
}

function isHeldBy(current: Versioned<Confirmation>, claimId: string): current is Versioned<Claimed> {
  return current.value.state === 'claimed' && current.value.claimId === claimId;
}
