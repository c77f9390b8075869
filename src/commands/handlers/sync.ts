import { confirmationCard } from '../../cards/confirmationCard';
import {
  ambiguousConnectorCard,
  chooseSyncTypeCard,
  connectorListCard,
  unknownConnectorCard,
} from '../../cards/connectorCards';
import { syncCommand } from '../../cards/format';
import { userKeyOf } from '../../sync/confirmation';
import { displayName, snapshotOf } from '../../sync/connectorSnapshot';
import { ours } from '../../text/rich';
import type { Command } from '../command';
import type { Reply } from '../reply';
import { tokenOr, type CommandRequest } from './request';
import { resolveTarget } from './resolveTarget';

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
  switch (resolution.kind) {
    case 'ambiguous':
      return { kind: 'card', card: ambiguousConnectorCard(query, resolution.candidates, userKey, m) };
    case 'several':
      return {
        kind: 'card',
        card: ambiguousConnectorCard(
          query,
          resolution.connectors,
          userKey,
          m,
          m.oneAtATime(resolution.connectors.map(displayName).join(', ')),
        ),
      };
    case 'unknown': {
      const title =
        resolution.suggestion && command.syncType
          ? m.didYouMeanSync(syncCommand(displayName(resolution.suggestion), command.syncType))
          : null;
      return { kind: 'card', card: unknownConnectorCard(query, resolution.suggestion, connectors, userKey, m, title) };
    }
    case 'leftover':
      // "sync CAS01 sometimes": a word where the sync type goes, that is none.
      if (command.syncType === null && resolution.words.length === 1)
        return { kind: 'text', text: m.unknownSyncType(resolution.words[0] ?? '') };
      return { kind: 'text', text: m.extraWords(resolution.words.join(' ')) };
    case 'found': {
      const { connector } = resolution;
      if (command.syncType === null) return { kind: 'card', card: chooseSyncTypeCard(connector, userKey, m) };
      const confirmation = await deps.sync.propose(
        snapshotOf(connector),
        command.syncType,
        user,
        input.conversationId,
        await deps.recent.of(connector.id),
      );
      return { kind: 'card', card: confirmationCard(confirmation, { m, personal: input.personal }) };
    }
  }
}
