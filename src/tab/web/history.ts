import type { ConnectorRow, PageStrings } from '../shared/contract';
import type { Api } from './api';
import { problemText } from './confirmDialog';
import { h } from './dom';
import type { Times } from './format';
import { requestText } from './table';

/** A connector's last ten requests, opened under its row and closed by the same button. */
export async function toggleHistory(
  api: Api,
  s: PageStrings,
  times: Times,
  connector: ConnectorRow,
  detail: HTMLElement,
  toggle: HTMLElement,
): Promise<void> {
  if (toggle.getAttribute('aria-expanded') === 'true') {
    toggle.setAttribute('aria-expanded', 'false');
    toggle.textContent = s.tab.history;
    detail.replaceChildren();
    return;
  }
  toggle.setAttribute('aria-expanded', 'true');
  toggle.textContent = s.tab.hideHistory;
  detail.replaceChildren(h('p', { class: 'subtle' }, s.tab.loading));
  try {
    const { entries } = await api.history(connector.id);
    const list = entries.length
      ? h(
          'ol',
          { class: 'history' },
          ...entries.map((entry) =>
            h(
              'li',
              {},
              requestText(entry, s, times),
              entry.requestId ? h('span', { class: 'subtle' }, ` · ${s.tab.requestId} ${entry.requestId}`) : null,
            ),
          ),
        )
      : h('p', {}, s.tab.historyEmpty);
    detail.replaceChildren(h('h3', {}, `${s.tab.history}: ${connector.name}`), list);
  } catch (error) {
    detail.replaceChildren(h('p', { class: 'problem', role: 'alert' }, problemText(error, s)));
  }
}
