import type { AlertChecks } from '../../cards/alertCards';
import type { AlertService } from '../../sync/alertService';
import type { CardOwners } from '../../sync/cardOwners';
import type { AuditLog } from '../../sync/auditLog';
import type { PendingConfirmations } from '../../sync/pendingConfirmations';
import type { RecentRequests } from '../../sync/recentRequests';
import type { SyncService } from '../../sync/syncService';
import type { Command } from '../command';
import type { ConnectorDirectory } from '../connectorDirectory';
import type { Reply, TurnInput } from '../reply';

export interface CommandDeps {
  directory: ConnectorDirectory;
  sync: SyncService;
  audit: AuditLog;
  /** Each user's confirmation cards per chat, for a typed cancel. */
  pending: PendingConfirmations;
  /** A sync of the same connector asked for shortly before (the cooldown). */
  recent: RecentRequests;
  /** Whom each chooser or list card was sent for, as the server recorded it. */
  cardOwners: CardOwners;
  /** This conversation's connector alerts, and what their checks look at. */
  alerts: AlertService;
  alertChecks: AlertChecks;
}

/** One parsed command to answer: what was typed (to resume it after a sign-in), who asked, and with what. */
export interface CommandRequest<C extends Command> {
  command: C;
  text: string;
  input: TurnInput;
  deps: CommandDeps;
}

/** The user's Graph token, or the sign-in reply that resumes this command afterwards. */
export async function tokenOr(request: CommandRequest<Command>): Promise<{ token: string } | { reply: Reply }> {
  const token = await request.input.token();
  return token
    ? { token }
    : { reply: { kind: 'signIn', need: { staleToken: false, resume: { kind: 'command', text: request.text } } } };
}
