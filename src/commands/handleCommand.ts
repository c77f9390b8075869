import { confirmationCard } from '../cards/confirmationCard';
import { ambiguousConnectorCard, chooseSyncTypeCard, connectorListCard, connectorStatusCard, unknownConnectorCard } from '../cards/connectorCards';
import { helpCard } from '../cards/helpCard';
import { historyCard } from '../cards/historyCard';
import { GraphRequestError } from '../graph/errors';
import type { AuditLog } from '../sync/auditLog';
import { userKeyOf } from '../sync/confirmation';
import { displayName, snapshotOf } from '../sync/connectorSnapshot';
import type { SyncService } from '../sync/syncService';
import { ours } from '../text/rich';
import type { Command, ParseError } from './command';
import type { ConnectorDirectory } from './connectorDirectory';
import { lookupFailureText } from './graphFailureText';
import type { Reply, TurnInput } from './reply';

export interface CommandDeps {
  directory: ConnectorDirectory;
  sync: SyncService;
  audit: AuditLog;
}

/**
 * Answers one parsed command. `text` is what the user typed, kept to resume the command after a sign-in.
 * A Graph 401 asks for a fresh sign-in; other Graph failures become a friendly text; anything else propagates.
 */
export async function handleCommand(command: Command, text: string, input: TurnInput, deps: CommandDeps): Promise<Reply> {
  try {
    return await answer(command, text, input, deps);
  } catch (error) {
    if (error instanceof GraphRequestError && error.kind === 'unauthorized') {
      return { kind: 'signIn', need: { staleToken: true, resume: { kind: 'command', text } } };
    }
    if (error instanceof GraphRequestError) return { kind: 'text', text: lookupFailureText(error, input.m) };
    throw error;
  }
}

async function answer(command: Command, text: string, input: TurnInput, deps: CommandDeps): Promise<Reply> {
  const { m, user } = input;
  if (command.kind === 'help') return { kind: 'card', card: helpCard(m) };
  if (command.kind === 'signOut') return { kind: 'signOut' };

  const token = await input.token();
  if (!token) return { kind: 'signIn', need: { staleToken: false, resume: { kind: 'command', text } } };
  const userKey = userKeyOf(user);
  const call = { token, deadline: input.deadline };

  if (command.kind === 'list') {
    const list = await deps.directory.fresh(userKey, call, input.busy);
    return { kind: 'card', card: connectorListCard({ connectors: list.connectors, page: 1, truncated: list.truncated, owner: userKey }, m) };
  }

  const { resolution, list } = await deps.directory.resolve(userKey, call, command.target, input.busy);
  if (resolution.kind === 'ambiguous') return { kind: 'card', card: ambiguousConnectorCard(command.target, resolution.candidates, userKey, m) };
  if (resolution.kind === 'unknown') {
    return { kind: 'card', card: unknownConnectorCard(command.target, resolution.suggestion, list.connectors, userKey, m) };
  }

  const { connector } = resolution;
  if (command.kind === 'status') return { kind: 'card', card: connectorStatusCard(connector, userKey, m) };
  if (command.kind === 'history') return { kind: 'card', card: historyCard(displayName(connector), await deps.audit.recent(connector.id), m) };
  if (command.syncType === null) return { kind: 'card', card: chooseSyncTypeCard(connector, userKey, m) };
  const confirmation = await deps.sync.propose(snapshotOf(connector), command.syncType, user, input.conversationId);
  return { kind: 'card', card: confirmationCard(confirmation, { m, personal: input.personal }) };
}

/** Text the parser could not use: say what was wrong and what to type instead. */
export function explainParseError(error: ParseError, input: TurnInput): Reply {
  const { m } = input;
  switch (error.kind) {
    case 'missingTarget':
      return { kind: 'text', text: ours(m.missingTarget(error.command)) };
    case 'unknownSyncType':
      return { kind: 'text', text: m.unknownSyncType(error.word) };
    case 'extraWords':
      return { kind: 'text', text: m.extraWords(error.words.join(' ')) };
    case 'notUnderstood': {
      const preface = [m.notUnderstood(error.text)];
      if (error.suggestion) preface.push(m.didYouMeanCommand(error.suggestion));
      return { kind: 'card', card: helpCard(m, preface) };
    }
  }
}
