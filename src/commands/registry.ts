import type { Command, CommandKind } from './command';
import { handleAlerts } from './handlers/alerts';
import { handleHistory, handleList, handleStatus } from './handlers/lookups';
import type { CommandRequest } from './handlers/request';
import { handleSync } from './handlers/sync';
import {
  handleCancel,
  handleConfirmHint,
  handleGreeting,
  handleHelp,
  handleSignOut,
  handleThanks,
} from './handlers/talk';
import type { Reply } from './reply';

type Handler<K extends CommandKind> = (request: CommandRequest<Extract<Command, { kind: K }>>) => Promise<Reply>;

/** Which handler answers each command (its words and help text are in catalogue.ts). */
const HANDLERS: { readonly [K in CommandKind]: Handler<K> } = {
  sync: handleSync,
  list: handleList,
  status: handleStatus,
  history: handleHistory,
  cancel: handleCancel,
  signOut: handleSignOut,
  help: handleHelp,
  thanks: handleThanks,
  greeting: handleGreeting,
  confirm: handleConfirmHint,
  alerts: handleAlerts,
};

/** Runs the handler of a parsed command. */
export function dispatch(request: CommandRequest<Command>): Promise<Reply> {
  const handle = HANDLERS[request.command.kind] as Handler<CommandKind>;
  return handle(request);
}
