import { proposeSync } from '../../sync/confirmPath';
import { confirmationCard } from '../../cards/confirmationCard';
import {
  ambiguousConnectorCard,
  chooseSyncTypeCard,
  connectorListCard,
  unknownConnectorCard,
} from '../../cards/connectorCards';
import { userKeyOf } from '../../sync/confirmation';
import { displayName, snapshotOf } from '../../sync/connectorSnapshot';
import type { Connector } from '../../graph/types';
import { ours, type Rich } from '../../text/rich';
import type { Command } from '../command';
import type { Reply } from '../reply';
import { tokenOr, type CommandRequest } from './request';
import { matchesFilter, resolveTarget } from './resolveTarget';

/** "sync connector CAS01 full" in all its phrasings: a confirmation card, or the clearest way to one. */
export async function handleSync(request: CommandRequest<Extract<Command, { kind: 'sync' }>>): Promise<Reply> {
  const { command, input, deps } = request;
  const { m, user } = input;
  const userKey = userKeyOf(user);
  const token = await tokenOr(request);
  if ('reply' in token) return token.reply;
  const call = { token: token.token, deadline: input.deadline };

  if (command.target === 'all') {
    // Syncs go one connector at a time, each confirmed: the list, with a Sync button on every row.
    const list = await deps.directory.fresh(userKey, call, input.busy);
    return {
      kind: 'card',
      text: ours(m.oneAtATimeAll),
      card: connectorListCard(
        {
          connectors: list.connectors,
          page: 1,
          truncated: list.truncated,
          owner: userKey,
          dashboardUrl: input.dashboardUrl,
        },
        m,
      ),
    };
  }
  const { resolution, connectors } = await resolveTarget(command.target, deps.directory, userKey, call, input.busy);
  const query = command.target.join(' ');
  const offer = (candidates: readonly Connector[], title?: Rich): Reply => ({
    kind: 'card',
    card: ambiguousConnectorCard(query, candidates, userKey, m, title ? { title } : {}),
  });
  switch (resolution.kind) {
    case 'ambiguous':
      return offer(resolution.candidates);
    case 'several':
      return offer(resolution.connectors, m.oneAtATime(resolution.connectors.map(displayName).join(', ')));
    case 'unknown': {
      // "sync the hosted connector": no name, a kind; the connectors of that kind are offered.
      if (command.filter) {
        const matching = connectors.filter((connector) => matchesFilter(connector, command.filter ?? {}));
        if (matching.length > 0) return offer(matching, ours(m.matchingConnectors(matching.length)));
      }
      const title =
        resolution.suggestion && command.syncType
          ? m.didYouMeanSync(m.syncCommand(displayName(resolution.suggestion), command.syncType))
          : null;
      return {
        kind: 'card',
        card: unknownConnectorCard(query, resolution.suggestion, connectors, userKey, m, { title }),
      };
    }
    case 'leftover':
      // "sync CAS01 sometimes": a word where the sync type goes, that is none: the choice, with what was wrong.
      if (command.syncType === null && resolution.words.length === 1)
        return {
          kind: 'card',
          text: m.unknownSyncType(resolution.words[0] ?? ''),
          card: chooseSyncTypeCard(resolution.connector, userKey, m),
        };
      // Any other word is harmless: the confirmation card names the connector and the type before anything syncs.
      return propose(request, resolution.connector);
    case 'found':
      return propose(request, resolution.connector);
  }
}

/** The confirmation card, or the choice of type when none (or both) was named. */
async function propose(
  request: CommandRequest<Extract<Command, { kind: 'sync' }>>,
  connector: Connector,
): Promise<Reply> {
  const { command, input, deps } = request;
  const { m, user } = input;
  if (command.syncType === null) {
    const card = chooseSyncTypeCard(connector, userKeyOf(user), m);
    return command.bothTypes ? { kind: 'card', text: ours(m.bothTypes), card } : { kind: 'card', card };
  }
  const confirmation = await proposeSync(deps, snapshotOf(connector), command.syncType, user, input.conversationId);
  return { kind: 'card', card: confirmationCard(confirmation, { m, personal: input.personal }) };
}
