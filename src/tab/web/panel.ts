import type { ConfirmationView, ConnectorRow, PageStrings, SyncType } from '../shared/contract';
import { ApiProblem, type Api } from './api';
import { button, h } from './dom';
import type { Times } from './format';
import { requestText } from './table';

/**
 * What opens under a connector's row: the in-page confirmation naming the connector and the sync type, then the
 * outcome in the same words as the chat card, or the connector's last ten requests.
 */
export class Panels {
  constructor(
    private readonly api: Api,
    private readonly s: PageStrings,
    private readonly times: Times,
    /** Called after a sync was sent, so the list shows the new "latest request". */
    private readonly afterSync: () => void,
  ) {}

  async sync(connector: ConnectorRow, syncType: SyncType, detail: HTMLElement): Promise<void> {
    detail.dataset.kind = 'sync';
    detail.replaceChildren(h('p', { class: 'subtle' }, this.s.tab.loading));
    try {
      const proposal = await this.api.propose(connector.id, syncType);
      detail.replaceChildren(this.confirmation(proposal, detail));
      detail.querySelector<HTMLButtonElement>('button')?.focus();
    } catch (error) {
      this.problem(detail, error);
    }
  }

  async history(connector: ConnectorRow, detail: HTMLElement, toggle: HTMLButtonElement): Promise<void> {
    if (toggle.getAttribute('aria-expanded') === 'true') {
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = this.s.tab.history;
      detail.replaceChildren();
      return;
    }
    detail.dataset.kind = 'history';
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = this.s.tab.hideHistory;
    try {
      const { entries } = await this.api.history(connector.id);
      const list = entries.length
        ? h(
            'ol',
            { class: 'history' },
            ...entries.map((entry) =>
              h(
                'li',
                {},
                requestText(entry, this.s, this.times),
                entry.requestId
                  ? h('span', { class: 'subtle' }, ` · ${this.s.tab.requestId} ${entry.requestId}`)
                  : null,
              ),
            ),
          )
        : h('p', {}, this.s.tab.historyEmpty);
      detail.replaceChildren(h('h3', {}, `${this.s.tab.history}: ${connector.name}`), list);
    } catch (error) {
      this.problem(detail, error);
    }
  }

  private confirmation(proposal: ConfirmationView, detail: HTMLElement): HTMLElement {
    const { s } = this;
    const confirm = button(s.startSync[proposal.syncType], () => void this.confirm(proposal, detail, confirm), {
      class: 'primary',
    });
    const cancel = button(s.tab.cancel, () => void this.cancel(proposal, detail));
    return h(
      'section',
      { class: 'confirmation', 'aria-label': s.tab.confirmQuestion },
      h('h3', {}, `${s.tab.confirmQuestion} ${proposal.connectorName}`),
      h('p', {}, h('strong', {}, s.syncTypeName[proposal.syncType]), `: ${s.syncTypeExplained[proposal.syncType]}`),
      h('div', { class: 'buttons' }, confirm, cancel),
    );
  }

  private async confirm(proposal: ConfirmationView, detail: HTMLElement, confirm: HTMLButtonElement): Promise<void> {
    // A second click does nothing here; the server would refuse a second send anyway (one claim per confirmation).
    if (confirm.disabled) return;
    confirm.disabled = true;
    confirm.textContent = this.s.tab.working;
    try {
      this.outcome(detail, await this.api.confirm(proposal.id));
      this.afterSync();
    } catch (error) {
      if (error instanceof ApiProblem && error.answer.confirmation) this.outcome(detail, error.answer.confirmation);
      else this.problem(detail, error);
    }
  }

  private async cancel(proposal: ConfirmationView, detail: HTMLElement): Promise<void> {
    try {
      this.outcome(detail, await this.api.cancel(proposal.id));
    } catch (error) {
      this.problem(detail, error);
    }
  }

  private outcome(detail: HTMLElement, view: ConfirmationView): void {
    const tone =
      view.state === 'requested' ? 'good' : view.state === 'refused' || view.state === 'unknown' ? 'bad' : 'neutral';
    detail.replaceChildren(
      h(
        'section',
        { class: `outcome ${tone}`, role: 'status' },
        h('h3', {}, view.title),
        view.detail ? h('p', {}, this.times.fill(view.detail, view.at)) : null,
        view.requestId ? h('p', { class: 'subtle' }, `${this.s.tab.requestId}: ${view.requestId}`) : null,
      ),
    );
  }

  private problem(detail: HTMLElement, error: unknown): void {
    const message = error instanceof ApiProblem && error.answer.message ? error.answer.message : this.s.tab.failed;
    detail.replaceChildren(h('p', { class: 'outcome bad', role: 'alert' }, message));
  }
}
