import type { CardActionData } from '../cards/actions';
import { VERBS } from '../cards/actions';
import { confirmationCard } from '../cards/confirmationCard';
import type { AdaptiveCard } from '../cards/schema';
import { snapshotOf, syncCommand } from '../cards/format';
import { GraphRequestError } from '../graph/errors';
import { userKeyOf } from '../sync/confirmation';
import type { ClickResult } from '../sync/syncService';
import type { CommandDeps } from './handleCommand';
import type { ConnectorGraph } from '../graph/types';
import { graphFailureText } from './graphFailureText';
import type { ActionOutcome, TurnInput } from './reply';

export interface CardActionDeps extends CommandDeps {
  graph: ConnectorGraph;
}

/**
 * A button press, from Action.Execute or Action.Submit alike. `onClaimed` receives the card to show while the
 * sync request is on its way, once this click has won the claim.
 */
export async function handleCardAction(
  action: CardActionData,
  input: TurnInput,
  deps: CardActionDeps,
  onClaimed?: (sendingCard: AdaptiveCard) => void,
): Promise<ActionOutcome> {
  const { m, user } = input;
  switch (action.verb) {
    case VERBS.confirm: {
      const result = await deps.sync.confirm(action.confirmationId, user, input.token, (claimed) => onClaimed?.(confirmationCard(claimed, m)));
      if (result.kind === 'failed' && result.error.kind === 'notFound') deps.directory.invalidate(userKeyOf(user));
      const outcome = outcomeOf(result, input);
      if (result.kind === 'failed' && result.error.kind === 'unauthorized' && outcome.kind === 'replaceCard') {
        // The token went stale: after a fresh sign-in the user gets a new confirmation card for the same sync.
        const { connector, syncType } = result.confirmation;
        return { ...outcome, signInAgain: { kind: 'signInRequired', staleToken: true, retryText: syncCommand(connector.id, syncType) } };
      }
      return outcome;
    }
    case VERBS.cancel:
      return outcomeOf(await deps.sync.cancel(action.confirmationId, user), input);
    case VERBS.prepare: {
      const token = await input.token();
      if (!token) return { kind: 'signInRequired', staleToken: false };
      try {
        // The chooser card's connector id is only a hint: Graph must confirm it exists for this user.
        const connector = await deps.graph.get(token, action.connectorId);
        const confirmation = await deps.sync.propose(snapshotOf(connector), action.syncType, user);
        return { kind: 'replaceCard', card: confirmationCard(confirmation, m) };
      } catch (error) {
        if (error instanceof GraphRequestError && error.kind === 'unauthorized') return { kind: 'signInRequired', staleToken: true };
        if (error instanceof GraphRequestError && error.kind === 'notFound') deps.directory.invalidate(userKeyOf(user));
        if (error instanceof GraphRequestError) return { kind: 'notice', text: graphFailureText(error, m) };
        throw error;
      }
    }
  }
}

function outcomeOf(result: ClickResult, { m }: TurnInput): ActionOutcome {
  switch (result.kind) {
    case 'requested':
    case 'failed':
    case 'cancelled':
    case 'expired':
      return { kind: 'replaceCard', card: confirmationCard(result.confirmation, m) };
    case 'alreadyHandled':
      return { kind: 'replaceCard', card: confirmationCard(result.confirmation, m, m.alreadyHandled), notice: m.alreadyHandled };
    case 'notRequester':
      return { kind: 'notice', text: m.notRequester(result.confirmation.requestedBy.name) };
    case 'notFound':
      return { kind: 'notice', text: m.confirmationNotFound };
    case 'signInRequired':
      return { kind: 'signInRequired', staleToken: false };
  }
}
