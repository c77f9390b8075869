import { AppError } from '../errors';
import { statusText, typeText } from '../cards/format';
import { Deadline, REQUEST_GRAPH_BUDGET_MS } from '../deadline';
import { GraphRequestError } from '../graph/errors';
import { isSyncType, type ConnectorGraph } from '../graph/types';
import type { Messages } from '../i18n';
import type { AuditLog } from '../sync/auditLog';
import { isConfirmationId, type Person } from '../sync/confirmation';
import { snapshotOf } from '../sync/connectorSnapshot';
import { proposeSync, startConfirmation, type ConfirmParts } from '../sync/confirmPath';
import type { PageWatches } from '../sync/following';
import type { Refusal } from '../sync/syncService';
import type { ConfirmationView, ConnectorRow, ConnectorsAnswer, HistoryAnswer, LiveAnswer } from './shared/contract';
import { lineOf, liveRowOf, viewOf } from './views';

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

export interface DashboardDeps extends ConfirmParts {
  graph: ConnectorGraph;
  audit: AuditLog;
  watches: PageWatches;
  /** How often the page asks for its live rows: half the watch interval, so a due poll never waits a whole one. */
  livePollMs: number;
}

/** At most this many rows the page asks about beyond those followed now (ids it saw followed). */
const MAX_ALSO = 50;
const ID_SHAPE = /^[A-Za-z0-9-]{1,64}$/;

/**
 * What the dashboard tab does, on the bot's own parts: the same Graph client, the same audit, and the one confirm path
 * of the chat cards (src/sync/confirmPath.ts). A tab confirmation lives in the conversation `tab:<user>`, so it is
 * claimed, sent, followed and audited exactly as a card's, and the per-connector claim keeps a tab click and a card
 * click from both syncing.
 */
export class Dashboard {
  constructor(private readonly deps: DashboardDeps) {}

  async connectors(caller: DashboardCaller): Promise<ConnectorsAnswer> {
    const list = await this.deps.graph.list(this.call(caller));
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

  /**
   * The rows that change by themselves: every connector followed now and the `also` ones, from storage. The only Graph
   * call it may carry is a due poll of a watch that only the tab follows, with this caller's token.
   */
  async live(caller: DashboardCaller, also: string): Promise<LiveAnswer> {
    const ids = also
      .split(',')
      .filter((id) => ID_SHAPE.test(id))
      .slice(0, MAX_ALSO);
    const records = await this.deps.watches.live(ids, caller.graphToken);
    // Another tenant's syncs are none of this caller's business (Teams mode names the tenant; local mode has one user).
    const tenant = caller.person.tenantId ?? null;
    const visible = records.filter((record) => tenant === null || (record.requestedBy.tenantId ?? null) === tenant);
    const rows = await Promise.all(
      visible.map(async (record) =>
        liveRowOf(record, (await this.deps.audit.recent(record.connectorId, 1))[0], caller.m),
      ),
    );
    return { rows, pollMs: this.deps.livePollMs };
  }

  async history(caller: DashboardCaller, connectorId: string): Promise<HistoryAnswer> {
    // Graph says whether the caller may see this connector at all, as it does for `history` in chat.
    const connector = await this.deps.graph.get(this.call(caller), connectorId);
    return { entries: (await this.deps.audit.recent(connector.id, 10)).map((entry) => lineOf(entry, caller.m)) };
  }

  async propose(caller: DashboardCaller, connectorId: string, syncType: unknown): Promise<ConfirmationView> {
    if (!isSyncType(syncType)) throw new DashboardRefusal(404, null);
    const connector = await this.deps.graph.get(this.call(caller), connectorId);
    const confirmation = await proposeSync(
      this.deps,
      snapshotOf(connector),
      syncType,
      caller.person,
      conversationOf(caller.person),
    );
    return viewOf(confirmation, caller.m);
  }

  /** Claims and sends, once, exactly as a card's Confirm; answers with the outcome in the card's words. */
  async confirm(caller: DashboardCaller, confirmationId: string): Promise<ConfirmationView> {
    if (!isConfirmationId(confirmationId)) throw new DashboardRefusal(400, null);
    const start = await startConfirmation(
      {
        confirmationId,
        clicker: caller.person,
        conversationId: conversationOf(caller.person),
        token: () => Promise.resolve(caller.graphToken),
        card: { confirmationId, tab: true, locale: caller.m.locale },
      },
      this.deps,
    );
    if (start.kind === 'refused') throw refusalOf(start.refusal, caller.m);
    if (start.kind === 'noToken') throw signInAgain();
    const { result, watch } = await start.send();
    // Graph refused the token: nothing was synced, the confirmation waits; the page asks the user to sign in again.
    if (result.signInAgain) throw signInAgain();
    return viewOf(result.confirmation, caller.m, watch ?? undefined);
  }

  async cancel(caller: DashboardCaller, confirmationId: string): Promise<ConfirmationView> {
    if (!isConfirmationId(confirmationId)) throw new DashboardRefusal(400, null);
    const inspection = await this.deps.sync.inspect(confirmationId, caller.person, conversationOf(caller.person));
    if (inspection.kind !== 'pending') throw refusalOf(inspection, caller.m);
    const settled = await this.deps.sync.cancel(inspection.current, caller.person);
    if (settled.kind !== 'settled') throw refusalOf(settled, caller.m);
    return viewOf(settled.confirmation, caller.m);
  }

  private call(caller: DashboardCaller): { token: string; deadline: Deadline } {
    return { token: caller.graphToken, deadline: Deadline.after(REQUEST_GRAPH_BUDGET_MS) };
  }
}

/** Each user's tab is a conversation of its own: a confirmation made there can be confirmed only there. */
export function conversationOf(person: Person): string {
  return `tab:${person.aadObjectId ?? person.id}`;
}

/** The refusal a card would give, as the page's answer: a settled one shows what it became. */
function refusalOf(refusal: Refusal, m: Messages): DashboardRefusal {
  return refusal.kind === 'settled'
    ? new DashboardRefusal(409, viewOf(refusal.confirmation, m))
    : new DashboardRefusal(404, null);
}

/** The page answers a 401 by asking the user to sign in again, as it does for its own requests. */
function signInAgain(): GraphRequestError {
  return new GraphRequestError('unauthorized', 401, null, null, 'Graph refused the token on the sync');
}
