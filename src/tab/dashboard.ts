import { AppError } from '../errors';
import { outcomeText } from '../cards/historyCard';
import { statusCommand, statusText, typeText } from '../cards/format';
import { Deadline, REQUEST_GRAPH_BUDGET_MS } from '../deadline';
import { isSyncType, type ConnectorGraph } from '../graph/types';
import type { Messages } from '../i18n';
import type { AuditEntry, AuditLog } from '../sync/auditLog';
import { isConfirmationId, type Confirmation, type Person } from '../sync/confirmation';
import { snapshotOf } from '../sync/connectorSnapshot';
import type { Pending, SyncService } from '../sync/syncService';
import type { Versioned } from '../storage';
import { ours, toPlainText } from '../text/rich';
import {
  TIME_PLACEHOLDER,
  type ConfirmationView,
  type ConnectorRow,
  type ConnectorsAnswer,
  type HistoryAnswer,
  type RequestLine,
} from './shared/contract';

/** Who a dashboard request acts for, with the Graph token that acts for them. */
export interface DashboardCaller {
  person: Person;
  graphToken: string;
  m: Messages;
}

/** A confirmation the caller may not act on: the page shows the card's words for why. */
export class DashboardRefusal extends AppError<'DASHBOARD_REFUSED'> {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly view: ConfirmationView | null,
  ) {
    super('DASHBOARD_REFUSED', `refused with ${status}`);
  }
}

/**
 * What the dashboard tab does, on the bot's own parts: the same Graph client, the same audit, and the same
 * SyncService as the chat cards. A tab confirmation lives in the conversation `tab:<user>`, so it is claimed, sent
 * and audited exactly as a card's, and the per-connector claim keeps a tab click and a card click from both syncing.
 */
export class Dashboard {
  constructor(private readonly deps: { graph: ConnectorGraph; sync: SyncService; audit: AuditLog }) {}

  async connectors(caller: DashboardCaller): Promise<ConnectorsAnswer> {
    const list = await this.deps.graph.list({
      token: caller.graphToken,
      deadline: Deadline.after(REQUEST_GRAPH_BUDGET_MS),
    });
    const connectors = await Promise.all(
      list.connectors.map(async (connector): Promise<ConnectorRow> => {
        const snapshot = snapshotOf(connector);
        const [latest] = await this.deps.audit.recent(connector.id, 1);
        return {
          id: snapshot.id,
          name: snapshot.name,
          status: snapshot.status,
          statusText: statusText(snapshot, caller.m),
          typeText: typeText(snapshot, caller.m),
          serverName: snapshot.serverName,
          version: typeof connector.version === 'string' && connector.version ? connector.version : null,
          lastSyncDateTime: snapshot.lastSyncDateTime,
          latest: latest ? lineOf(latest, caller.m) : null,
        };
      }),
    );
    return { connectors, truncated: list.truncated };
  }

  async history(caller: DashboardCaller, connectorId: string): Promise<HistoryAnswer> {
    // Graph says whether the caller may see this connector at all, as it does for `history` in chat.
    const connector = await this.deps.graph.get(
      { token: caller.graphToken, deadline: Deadline.after(REQUEST_GRAPH_BUDGET_MS) },
      connectorId,
    );
    return { entries: (await this.deps.audit.recent(connector.id, 10)).map((entry) => lineOf(entry, caller.m)) };
  }

  async propose(caller: DashboardCaller, connectorId: string, syncType: unknown): Promise<ConfirmationView> {
    if (!isSyncType(syncType)) throw new DashboardRefusal(404, null);
    const connector = await this.deps.graph.get(
      { token: caller.graphToken, deadline: Deadline.after(REQUEST_GRAPH_BUDGET_MS) },
      connectorId,
    );
    const confirmation = await this.deps.sync.propose(
      snapshotOf(connector),
      syncType,
      caller.person,
      conversationOf(caller.person),
    );
    return viewOf(confirmation, caller.m);
  }

  /** Claims and sends, once, exactly as a card's Confirm; answers with the outcome in the card's words. */
  async confirm(caller: DashboardCaller, confirmationId: string): Promise<ConfirmationView> {
    const claim = await this.deps.sync.claim(await this.pending(caller, confirmationId), caller.person);
    if (claim.kind !== 'claimed') throw this.refusal(claim, caller.m);
    const { confirmation } = await this.deps.sync.send(claim.claimed, caller.graphToken);
    return viewOf(confirmation, caller.m);
  }

  async cancel(caller: DashboardCaller, confirmationId: string): Promise<ConfirmationView> {
    const settled = await this.deps.sync.cancel(await this.pending(caller, confirmationId), caller.person);
    if (settled.kind !== 'settled') throw this.refusal(settled, caller.m);
    return viewOf(settled.confirmation, caller.m);
  }

  /** The caller's own pending confirmation from the tab, or the refusal a card would give. */
  private async pending(caller: DashboardCaller, confirmationId: string): Promise<Versioned<Pending>> {
    // Ids the bot minted are UUIDs: anything else in the URL is refused before it gets near storage.
    if (!isConfirmationId(confirmationId)) throw new DashboardRefusal(400, null);
    const inspection = await this.deps.sync.inspect(confirmationId, caller.person, conversationOf(caller.person));
    if (inspection.kind !== 'pending') throw this.refusal(inspection, caller.m);
    return inspection.current;
  }

  private refusal(
    refusal: Exclude<Awaited<ReturnType<SyncService['inspect']>>, { kind: 'pending' }>,
    m: Messages,
  ): DashboardRefusal {
    return refusal.kind === 'settled'
      ? new DashboardRefusal(409, viewOf(refusal.confirmation, m))
      : new DashboardRefusal(404, null);
  }
}

/** Each user's tab is a conversation of its own: a confirmation made there can be confirmed only there. */
export function conversationOf(person: Person): string {
  return `tab:${person.aadObjectId ?? person.id}`;
}

function lineOf(entry: AuditEntry, m: Messages): RequestLine {
  return {
    at: entry.at,
    by: entry.confirmedBy.name,
    syncType: entry.syncType,
    syncTypeName: m.syncTypeName[entry.syncType],
    outcome: entry.outcome,
    outcomeText: outcomeText(entry, m),
    requestId: entry.graphRequestId,
    completion: entry.completion ?? null,
  };
}

/** A confirmation in the words its chat card uses (one catalogue), with the time left for the page to format. */
export function viewOf(confirmation: Confirmation, m: Messages): ConfirmationView {
  const base = {
    id: confirmation.id,
    state: confirmation.state,
    connectorId: confirmation.connector.id,
    connectorName: confirmation.connector.name,
    syncType: confirmation.syncType,
    expiresAt: confirmation.expiresAt,
  };
  const command = statusCommand(confirmation.connector.name);
  switch (confirmation.state) {
    case 'pending':
      return {
        ...base,
        title: plain(m.confirmTitle),
        detail: plain(m.syncTypeExplained[confirmation.syncType]),
        at: null,
        requestId: null,
      };
    case 'claimed':
      return { ...base, title: plain(m.sending), detail: null, at: confirmation.claimedAt, requestId: null };
    case 'requested':
      return {
        ...base,
        title: plain(m.requestedTitle(confirmation.syncType)),
        detail: toPlainText(m.requestedBy(confirmation.claimedBy.name, TIME_PLACEHOLDER)),
        at: confirmation.requestedAt,
        requestId: confirmation.graphRequestId,
      };
    case 'refused':
      return {
        ...base,
        title: plain(m.refusedTitle),
        detail: plain(m.syncFailure[confirmation.failure.kind]),
        at: confirmation.refusedAt,
        requestId: confirmation.failure.requestId,
      };
    case 'unknown':
      return {
        ...base,
        title: plain(m.unknownTitle),
        detail: toPlainText(
          confirmation.reason === 'interrupted' ? m.interruptedText(command) : m.unknownText(command),
        ),
        at: confirmation.unknownAt,
        requestId: confirmation.failure?.requestId ?? null,
      };
    case 'cancelled':
      return {
        ...base,
        title: plain(m.cancelledTitle),
        detail: toPlainText(m.cancelledBy(confirmation.cancelledBy.name, TIME_PLACEHOLDER)),
        at: confirmation.cancelledAt,
        requestId: null,
      };
    case 'expired':
      return {
        ...base,
        title: plain(m.expiredTitle),
        detail: plain(m.expiredText),
        at: confirmation.expiredAt,
        requestId: null,
      };
    case 'superseded': {
      const { other } = confirmation;
      return {
        ...base,
        title: plain(m.supersededTitle),
        detail: toPlainText(m.supersededText(other.by.name, other.syncType, TIME_PLACEHOLDER)),
        at: other.at,
        requestId: null,
      };
    }
  }
}

/** The bot's own words without their chat markdown (the page shows text, never markup). */
function plain(text: string): string {
  return toPlainText(ours(text));
}
