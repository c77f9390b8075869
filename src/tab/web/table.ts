import type { ConnectorRow, PageStrings, RequestLine, SyncType } from '../shared/contract';
import { button, h } from './dom';
import type { Times } from './format';

export interface RowActions {
  sync(connector: ConnectorRow, syncType: SyncType, detail: HTMLElement): void;
  history(connector: ConnectorRow, detail: HTMLElement, toggle: HTMLButtonElement): void;
}

/**
 * The connectors as one table: a row per connector holding its name, its facts and its own buttons (so a screen
 * reader announces them together), and under it a row for the connector's confirmation, outcome or history.
 */
export function connectorTable(
  connectors: readonly ConnectorRow[],
  s: PageStrings,
  times: Times,
  actions: RowActions,
  kept: ReadonlyMap<string, HTMLElement> = new Map(),
): HTMLTableElement {
  const c = s.tab.columns;
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...[c.connector, c.status, c.type, c.server, c.version, c.lastSync, c.latest, c.actions].map((label) =>
        h('th', { scope: 'col' }, label),
      ),
    ),
  );
  const body = h('tbody');
  for (const connector of connectors) {
    // A reload keeps what was open under a row (an outcome, a confirmation): the panel still writes to that element.
    const detail = kept.get(connector.id) ?? h('div', { class: 'detail-content', 'data-for': connector.id });
    const detailRow = h('tr', { class: 'detail', hidden: !kept.has(connector.id) }, h('td', { colspan: '8' }, detail));
    const show = (): void => void (detailRow.hidden = false);
    const history = button(
      s.tab.history,
      () => {
        show();
        actions.history(connector, detail, history);
      },
      { 'aria-expanded': 'false', class: 'secondary' },
    );
    const sync = (syncType: SyncType) => () => {
      show();
      actions.sync(connector, syncType, detail);
    };
    body.append(
      h(
        'tr',
        { 'data-connector': connector.id },
        h('th', { scope: 'row', 'data-label': c.connector }, connector.name),
        h(
          'td',
          { 'data-label': c.status },
          h('span', { class: `badge status-${badgeOf(connector.status)}` }, connector.statusText),
        ),
        h('td', { class: 'nowrap', 'data-label': c.type }, connector.typeText),
        h('td', { 'data-label': c.server }, connector.serverName ?? s.unknownValue),
        h('td', { 'data-label': c.version }, connector.version ?? s.unknownValue),
        h('td', { 'data-label': c.lastSync }, ...lastSync(connector.lastSyncDateTime, s, times)),
        h(
          'td',
          { 'data-label': c.latest },
          connector.latest ? requestText(connector.latest, s, times) : s.tab.noRequests,
        ),
        h(
          'td',
          { class: 'actions', 'data-label': c.actions },
          button(s.tab.fullSync, sync('fullSync'), { 'aria-label': `${s.tab.fullSync}: ${connector.name}` }),
          button(s.tab.deltaSync, sync('deltaSync'), { 'aria-label': `${s.tab.deltaSync}: ${connector.name}` }),
          history,
        ),
      ),
      detailRow,
    );
  }
  return h('table', { class: 'connectors' }, h('caption', { class: 'sr-only' }, s.tab.title), head, body);
}

/** One request as a line: "Full sync · Requested · by Ada Admin · 27 Nov 2026, 10:42". */
export function requestText(line: RequestLine, s: PageStrings, times: Times): string {
  return `${line.syncTypeName} · ${line.outcomeText} · ${s.tab.byWhom} ${line.by} · ${times.absoluteOf(line.at)}`;
}

function lastSync(iso: string | null, s: PageStrings, times: Times): Array<Node | string> {
  if (!iso) return [s.never];
  return [h('span', {}, times.relativeOf(iso)), h('br'), h('span', { class: 'subtle' }, times.absoluteOf(iso))];
}

/** Status colours carry no meaning alone: the badge always says the status in words. */
function badgeOf(status: string | null): string {
  switch (status) {
    case 'connected':
      return 'good';
    case 'disconnected':
      return 'bad';
    case 'connectionPending':
      return 'warn';
    default:
      return 'neutral';
  }
}
