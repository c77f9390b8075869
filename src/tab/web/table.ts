import type { ConnectorRow, LiveRow, PageStrings, RequestLine, SyncType } from '../shared/contract';
import { button, h } from './dom';
import type { Times } from './format';

export interface RowActions {
  sync(connector: ConnectorRow, syncType: SyncType): void;
  history(connector: ConnectorRow, detail: HTMLElement, toggle: HTMLElement): void;
}

/** A connector's row as the live poll updates it: its "latest request" cell. */
export interface RowView {
  showLive(row: LiveRow): void;
}

/**
 * The connectors as one table: a row per connector holding its name (with server and version under it), a status
 * badge, its facts and its own buttons, each named with the connector (so a screen reader announces them together),
 * and under it a row for the connector's history. Below 640 px each row becomes a card (tab.css).
 */
export function connectorTable(
  connectors: readonly ConnectorRow[],
  s: PageStrings,
  times: Times,
  actions: RowActions,
): { table: HTMLTableElement; rows: Map<string, RowView> } {
  const c = s.tab.columns;
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...[c.connector, c.status, c.type, c.lastSync, c.latest, c.actions].map((label) =>
        h('th', { scope: 'col' }, label),
      ),
    ),
  );
  const body = h('tbody');
  const rows = new Map<string, RowView>();
  for (const connector of connectors) {
    const detail = h('div', { class: 'detail-content', 'data-for': connector.id });
    const detailRow = h('tr', { class: 'detail', hidden: true }, h('td', { colspan: '6' }, detail));
    const history = button(
      s.tab.history,
      () => {
        detailRow.hidden = history.getAttribute('aria-expanded') === 'true';
        actions.history(connector, detail, history);
      },
      { 'aria-expanded': 'false', 'aria-label': `${s.tab.history}: ${connector.name}`, appearance: 'subtle' },
    );
    const latest = h('td', { class: 'latest', 'data-label': c.latest });
    showLatest(latest, connector.latest, null, connector.name, s, times);
    rows.set(connector.id.toLowerCase(), {
      showLive: (row) => showLatest(latest, row.latest, row.watch, connector.name, s, times),
    });
    body.append(
      h(
        'tr',
        { 'data-connector': connector.id },
        h(
          'th',
          { scope: 'row', class: 'name' },
          h('span', { class: 'connector-name' }, connector.name),
          h(
            'span',
            { class: 'subtle' },
            [connector.serverName ?? s.unknownValue, connector.version].filter(Boolean).join(' · '),
          ),
        ),
        h('td', { 'data-label': c.status }, statusBadge(connector)),
        h('td', { class: 'type', 'data-label': c.type }, connector.typeText),
        h('td', { class: 'last-sync', 'data-label': c.lastSync }, ...lastSync(connector.lastSyncDateTime, s, times)),
        latest,
        h(
          'td',
          { class: 'actions' },
          button(s.tab.fullSync, () => actions.sync(connector, 'fullSync'), {
            'aria-label': `${s.tab.fullSync}: ${connector.name}`,
          }),
          button(s.tab.deltaSync, () => actions.sync(connector, 'deltaSync'), {
            'aria-label': `${s.tab.deltaSync}: ${connector.name}`,
          }),
          history,
        ),
      ),
      detailRow,
    );
  }
  const table = h('table', { class: 'connectors' }, h('caption', { class: 'sr-only' }, s.tab.title), head, body);
  return { table, rows };
}

/** One request as a line: "Full sync · Requested · by Ada Admin · 27 Nov 2026, 10:42", then what became of it. */
export function requestText(line: RequestLine, s: PageStrings, times: Times): string {
  const text = `${line.syncTypeName} · ${line.outcomeText} · ${s.tab.byWhom} ${line.by} · ${times.absoluteOf(line.at)}`;
  return line.completionText ? `${text} · ${times.fill(line.completionText)}` : text;
}

function showLatest(
  cell: HTMLElement,
  latest: RequestLine | null,
  watch: LiveRow['watch'],
  name: string,
  s: PageStrings,
  times: Times,
): void {
  const following = watch
    ? h(
        'p',
        { class: 'following' },
        h('fluent-spinner', { size: 'extra-tiny', 'aria-hidden': 'true' }),
        s.tab.following
          .replace('{since}', times.timeOf(watch.since))
          .replace('{checked}', watch.polledAt ? times.timeOf(watch.polledAt) : s.tab.notChecked),
      )
    : null;
  cell.replaceChildren(
    h('span', {}, latest ? requestText(latest, s, times) : s.tab.noRequests),
    following ?? '',
    watch?.byPage ? h('p', { class: 'subtle' }, s.tab.followedByPage.replace('{name}', name)) : '',
  );
}

function lastSync(iso: string | null, s: PageStrings, times: Times): Array<Node | string> {
  if (!iso) return [s.never];
  return [
    h('span', { class: 'nowrap' }, times.relativeOf(iso)),
    h('br'),
    h('span', { class: 'subtle nowrap' }, times.absoluteOf(iso)),
  ];
}

/** Status colours carry no meaning alone: the badge always says the status in words. */
function statusBadge(connector: ConnectorRow): HTMLElement {
  const color =
    connector.status === 'connected'
      ? 'success'
      : connector.status === 'disconnected'
        ? 'danger'
        : connector.status === 'connectionPending'
          ? 'warning'
          : 'informative';
  return h('fluent-badge', { appearance: 'tint', color, shape: 'rounded' }, connector.statusText);
}
