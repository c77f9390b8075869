import {
  type Intent,
  ambiguousConnectorCard,
  connectorListCard,
  connectorStatusCard,
  unknownConnectorCard,
} from '../../cards/connectorCards';
import { historyCard } from '../../cards/historyCard';
import { userKeyOf } from '../../sync/confirmation';
import { displayName } from '../../sync/connectorSnapshot';
import type { Connector, GraphCall } from '../../graph/types';
import type { Command } from '../command';
import type { Reply } from '../reply';
import { tokenOr, type CommandRequest } from './request';
import { matchesFilter, resolveTarget } from './resolveTarget';
import { ours } from '../../text/rich';

/** `list connectors`: always fresh from Graph (the list a user reads is never stale). */
export async function handleList(request: CommandRequest<Extract<Command, { kind: 'list' }>>): Promise<Reply> {
  const { input, deps } = request;
  const token = await tokenOr(request);
  if ('reply' in token) return token.reply;
  const userKey = userKeyOf(input.user);
  const list = await deps.directory.fresh(userKey, { token: token.token, deadline: input.deadline }, input.busy);
  return {
    kind: 'card',
    card: connectorListCard(
      {
        connectors: list.connectors,
        page: 1,
        truncated: list.truncated,
        owner: userKey,
        dashboardUrl: input.dashboardUrl,
      },
      input.m,
    ),
  };
}

/** `status X`: the connector as Graph has it now (the cached list only finds it). */
export function handleStatus(request: CommandRequest<Extract<Command, { kind: 'status' }>>): Promise<Reply> {
  const { input, deps } = request;
  return lookUp(request, 'status', async (connector, userKey, call) => ({
    kind: 'card',
    card: connectorStatusCard(
      await deps.directory.current(userKey, call, connector.id, input.busy),
      userKey,
      input.m,
      request.command.focus,
    ),
  }));
}

export function handleHistory(request: CommandRequest<Extract<Command, { kind: 'history' }>>): Promise<Reply> {
  return lookUp(request, 'history', async (connector) => ({
    kind: 'card',
    card: historyCard(displayName(connector), await request.deps.audit.recent(connector.id), request.input.m),
  }));
}

/** `status X`, `history X`: the connector the words name, or the cards that help find it. */
async function lookUp(
  request: CommandRequest<Extract<Command, { kind: 'status' | 'history' }>>,
  intent: Intent,
  answer: (connector: Connector, userKey: string, call: GraphCall) => Reply | Promise<Reply>,
): Promise<Reply> {
  const { command, input, deps } = request;
  const token = await tokenOr(request);
  if ('reply' in token) return token.reply;
  const userKey = userKeyOf(input.user);
  const call = { token: token.token, deadline: input.deadline };
  const { resolution, connectors } = await resolveTarget(command.target, deps.directory, userKey, call, input.busy);
  const query = command.target.join(' ');
  switch (resolution.kind) {
    case 'found':
    case 'leftover':
      return answer(resolution.connector, userKey, call);
    // The candidates offer what was asked: Status for a status question, History for history.
    case 'ambiguous':
      return { kind: 'card', card: ambiguousConnectorCard(query, resolution.candidates, userKey, input.m, { intent }) };
    case 'several':
      return { kind: 'card', card: ambiguousConnectorCard(query, resolution.connectors, userKey, input.m, { intent }) };
    case 'unknown': {
      const filter = 'filter' in command ? command.filter : undefined;
      const matching = filter ? connectors.filter((connector) => matchesFilter(connector, filter)) : [];
      if (matching.length > 0) {
        const title = ours(input.m.matchingConnectors(matching.length));
        return { kind: 'card', card: ambiguousConnectorCard(query, matching, userKey, input.m, { title, intent }) };
      }
      return {
        kind: 'card',
        card: unknownConnectorCard(query, resolution.suggestion, connectors, userKey, input.m, { intent }),
      };
    }
  }
}
