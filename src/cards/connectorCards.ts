import type { Connector, SyncType } from '../graph/types';
import type { Messages } from '../i18n';
import { displayName, snapshotOf } from '../sync/connectorSnapshot';
import type { ConnectorSnapshot } from '../sync/confirmation';
import { md, ours, plain, strong, type Rich } from '../text/rich';
import { VERBS, button, dashboardButton } from './actions';
import { connectorFacts } from './confirmationCard';
import { lastSyncText, statusText } from './format';
import { card, type AdaptiveCard, type CardElement, type ExecuteAction, type TextColor } from './schema';
import { block, factLine, heading, runsOf } from './text';

/**
 * Connectors per page of `list connectors`. Each row carries two buttons (with their Action.Submit fallbacks); ten
 * rows keep the largest card well under the 28 KB that Teams accepts from every sender (a test checks the bound).
 */
export const LIST_PAGE_SIZE = 10;
/** Ambiguous names: at most this many candidates, each with its buttons. */
const MAX_CANDIDATES = 6;
/** Unknown names: at most this many known connectors named. */
const MAX_KNOWN = 20;
/** A list row shows at most this much of a name or server; the status card shows them whole. */
const ROW_TEXT_LIMIT = 80;

function syncButtons(connector: Connector, owner: string, inPlace: boolean, m: Messages): ExecuteAction[] {
  const types: SyncType[] = ['fullSync', 'deltaSync'];
  return types.map((syncType) =>
    button(m.startSync[syncType], { verb: VERBS.prepare, connectorId: connector.id, syncType, owner, inPlace }),
  );
}

function badgeColor(status: string | null): TextColor {
  if (status === 'connected') return 'good';
  if (status === 'disconnected') return 'attention';
  return 'warning';
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= ROW_TEXT_LIMIT ? text : `${chars.slice(0, ROW_TEXT_LIMIT - 1).join('')}…`;
}

/** One connector as a compact block: name and status on one line, server and last sync below, its own buttons. */
function listRow(connector: Connector, owner: string, m: Messages): CardElement {
  const snapshot: ConnectorSnapshot = snapshotOf(connector);
  return {
    type: 'Container',
    separator: true,
    spacing: 'medium',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [{ type: 'RichTextBlock', inlines: runsOf(plain(cut(snapshot.name)), { weight: 'bolder' }) }],
          },
          {
            type: 'Column',
            width: 'auto',
            verticalContentAlignment: 'center',
            items: [
              {
                type: 'RichTextBlock',
                inlines: runsOf(plain(`● ${statusText(snapshot, m)}`), {
                  color: badgeColor(snapshot.status),
                  size: 'small',
                }),
              },
            ],
          },
        ],
      },
      block(
        md`${cut(snapshot.serverName ?? m.unknownValue)} · ${ours(`${m.fact.lastSync}: ${lastSyncText(snapshot, m)}`)}`,
        { isSubtle: true, size: 'small', spacing: 'none' },
      ),
      {
        type: 'ActionSet',
        spacing: 'small',
        actions: [
          button(m.buttons.status, { verb: VERBS.status, connectorId: connector.id }),
          button(m.buttons.sync, { verb: VERBS.choose, connectorId: connector.id, owner }),
        ],
      },
    ],
  };
}

export interface ListView {
  connectors: readonly Connector[];
  /** 1-based. */
  page: number;
  /** Graph kept sending pages beyond the bot's limit: the list is incomplete. */
  truncated: boolean;
  /** Who asked: only their paging changes this card; anybody else's posts their own list, at the page they chose. */
  owner: string;
  /** "Open dashboard" leads here (the tab); none when null or absent. */
  dashboardUrl?: string | null;
}

export function connectorListCard(view: ListView, m: Messages): AdaptiveCard {
  const total = view.connectors.length;
  if (total === 0) return card([heading(ours(m.listTitle(0))), block(ours(m.listEmpty))]);
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  const from = (page - 1) * LIST_PAGE_SIZE;
  const shown = view.connectors.slice(from, from + LIST_PAGE_SIZE);
  const notes: CardElement[] = [];
  if (pages > 1)
    notes.push(block(ours(m.listShowing(from + 1, from + shown.length, total)), { isSubtle: true, spacing: 'none' }));
  if (view.truncated) notes.push(block(ours(m.listTruncated(total)), { color: 'warning', spacing: 'none' }));
  const more = [
    ...(page > 1 ? [button(m.showPrevious, { verb: VERBS.listPage, page: page - 1, owner: view.owner })] : []),
    ...(page < pages ? [button(m.showMore, { verb: VERBS.listPage, page: page + 1, owner: view.owner })] : []),
    ...dashboardButton(m, view.dashboardUrl ?? null),
  ];
  return card(
    [heading(ours(m.listTitle(total))), ...notes, ...shown.map((connector) => listRow(connector, view.owner, m))],
    more,
  );
}

/**
 * `status X`. A question gets its answer first: "when did X last sync" the last sync, "why is X disconnected" what
 * the status means for this kind of connector and what to check.
 */
export function connectorStatusCard(
  connector: Connector,
  owner: string,
  m: Messages,
  focus?: 'lastSync' | 'why',
): AdaptiveCard {
  const snapshot = snapshotOf(connector);
  const text = (value: unknown): string => (typeof value === 'string' && value ? value : m.unknownValue);
  const answer =
    focus === 'lastSync'
      ? [block(ours(`${m.fact.lastSync}: ${lastSyncText(snapshot, m)}`), { weight: 'bolder' })]
      : focus === 'why'
        ? [
            block(
              m.statusExplained(
                snapshot.name,
                snapshot.status,
                snapshot.type,
                connector.connectorServerName ?? snapshot.serverName ?? m.unknownValue,
              ),
            ),
          ]
        : [];
  return card(
    [
      heading(m.statusTitle(snapshot.name)),
      ...answer,
      ...connectorFacts({ connector: snapshot }, m),
      factLine(m.fact.organization, plain(text(connector.exchangeOrganization)), { spacing: 'none' }),
      factLine(m.fact.version, plain(text(connector.version)), { spacing: 'none' }),
      factLine(m.fact.id, plain(connector.id), { spacing: 'none' }),
    ],
    [
      ...syncButtons(connector, owner, false, m),
      button(m.buttons.history, { verb: VERBS.history, connectorId: connector.id }),
    ],
  );
}

/** `sync connector X` without full/delta: say what each does and offer both. The choice replaces this card. */
export function chooseSyncTypeCard(connector: Connector, owner: string, m: Messages): AdaptiveCard {
  const snapshot = snapshotOf(connector);
  return card(
    [
      heading(m.chooseSyncTitle(snapshot.name)),
      ...connectorFacts({ connector: snapshot }, m),
      block(ours(`**${m.syncTypeName.fullSync}**: ${m.syncTypeExplained.fullSync}`)),
      block(ours(`**${m.syncTypeName.deltaSync}**: ${m.syncTypeExplained.deltaSync}`)),
    ],
    syncButtons(connector, owner, true, m),
  );
}

/** What the asker wanted to do with the connector they named: its candidates offer that. */
export type Intent = 'sync' | 'status' | 'history';

/** The buttons a candidate connector offers for what was asked: sync (Full, Delta), its status, or its history. */
function intentButtons(connector: Connector, intent: Intent, owner: string, m: Messages): ExecuteAction[] {
  switch (intent) {
    case 'sync':
      return syncButtons(connector, owner, true, m);
    case 'status':
      return [button(m.buttons.status, { verb: VERBS.status, connectorId: connector.id })];
    case 'history':
      return [button(m.buttons.history, { verb: VERBS.history, connectorId: connector.id })];
  }
}

/** Several connectors match (or were named): each candidate with the buttons for what was asked. */
export function ambiguousConnectorCard(
  query: string,
  candidates: readonly Connector[],
  owner: string,
  m: Messages,
  options: { title?: Rich; intent?: Intent } = {},
): AdaptiveCard {
  const { title, intent = 'sync' } = options;
  const sections: CardElement[] = candidates.slice(0, MAX_CANDIDATES).map((connector) => {
    const snapshot = snapshotOf(connector);
    return {
      type: 'Container',
      separator: true,
      spacing: 'medium',
      items: [
        block(md`${strong(cut(snapshot.name))} · ${cut(snapshot.serverName ?? m.unknownValue)}`),
        block(md`${statusText(snapshot, m)} · ${ours(`${m.fact.lastSync}: ${lastSyncText(snapshot, m)}`)}`, {
          isSubtle: true,
          spacing: 'none',
        }),
        { type: 'ActionSet', actions: intentButtons(connector, intent, owner, m) },
      ],
    };
  });
  return card([heading(title ?? m.ambiguousTitle(query, candidates.length)), ...sections]);
}

/** A name that fits no connector: the nearest one as a suggestion (with its buttons), then the known ones. */
export function unknownConnectorCard(
  query: string,
  suggestion: Connector | null,
  known: readonly Connector[],
  owner: string,
  m: Messages,
  options: { title?: Rich | null; intent?: Intent } = {},
): AdaptiveCard {
  const { title = null, intent = 'sync' } = options;
  const body: CardElement[] = [heading(m.unknownConnector(query), 'attention')];
  if (suggestion) body.push(block(title ?? m.didYouMean(displayName(suggestion)), { weight: 'bolder' }));
  if (known.length === 0) body.push(block(ours(m.noConnectors)));
  else {
    body.push(block(ours(m.knownConnectors), { weight: 'bolder', spacing: 'medium' }));
    for (const connector of known.slice(0, MAX_KNOWN)) {
      body.push(
        block(md`• ${cut(displayName(connector))} (${cut(connector.serverName ?? connector.id)})`, { spacing: 'none' }),
      );
    }
  }
  return card(body, suggestion ? intentButtons(suggestion, intent, owner, m) : undefined);
}
