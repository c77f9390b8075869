import type { ConfirmationView, ConnectorRow, PageStrings, SyncType } from '../shared/contract';
import { ApiProblem, type Api } from './api';
import { button, h } from './dom';
import type { Times } from './format';
import type { Notices } from './notices';

interface FluentDialog extends HTMLElement {
  show(): void;
  hide(): void;
}

/**
 * The confirmation as a Fluent dialog: the connector, the sync type and the chat card's lines (status warning,
 * cooldown line, who asks, valid until), then Confirm or Cancel. Nothing is sent before Confirm; a second click on
 * it does nothing (and the server would refuse a second send anyway: one claim per confirmation).
 */
export class ConfirmDialog {
  private readonly dialog: FluentDialog;
  private readonly body: HTMLElement;

  constructor(
    private readonly api: Api,
    private readonly s: PageStrings,
    private readonly times: Times,
    private readonly notices: Notices,
    /** A sync was sent (or settled): the live rows follow that connector. */
    private readonly afterSync: (connectorId: string) => void,
  ) {
    this.body = h('fluent-dialog-body');
    this.dialog = h('fluent-dialog', { type: 'modal', 'aria-label': s.tab.confirmQuestion }, this.body) as FluentDialog;
    // On the page only while open: a closed dialog's label would name nothing (axe: aria-prohibited-attr).
    this.dialog.addEventListener('toggle', (event) => {
      if ((event as unknown as CustomEvent<{ newState?: string }>).detail?.newState === 'closed') this.dialog.remove();
    });
  }

  async open(connector: ConnectorRow, syncType: SyncType): Promise<void> {
    this.render(
      `${this.s.tab.confirmQuestion} ${connector.name}`,
      [h('p', { class: 'subtle' }, this.s.tab.loading)],
      [],
    );
    document.body.append(this.dialog);
    this.dialog.show();
    try {
      const proposal = await this.api.propose(connector.id, syncType);
      this.proposal(proposal);
    } catch (error) {
      this.dialog.hide();
      this.notices.problem(connector.id, problemText(error, this.s));
    }
  }

  private proposal(view: ConfirmationView): void {
    const confirm = button(view.confirmLabel, () => void this.confirm(view, confirm), { appearance: 'primary' });
    const cancel = button(this.s.tab.cancel, () => void this.cancel(view));
    this.render(
      `${this.s.tab.confirmQuestion} ${view.connectorName}`,
      view.lines.map((line) =>
        h(
          'p',
          { class: [line.subtle ? 'subtle' : '', line.tone ? `tone-${line.tone}` : ''].join(' ').trim() },
          this.times.fill(line.text),
        ),
      ),
      [confirm, cancel],
    );
    confirm.focus();
  }

  private async confirm(view: ConfirmationView, confirm: HTMLElement): Promise<void> {
    if (confirm.hasAttribute('disabled')) return;
    confirm.setAttribute('disabled', '');
    confirm.textContent = this.s.tab.working;
    await this.settle(view.connectorId, () => this.api.confirm(view.id));
    this.afterSync(view.connectorId);
  }

  private cancel(view: ConfirmationView): Promise<void> {
    return this.settle(view.connectorId, () => this.api.cancel(view.id));
  }

  private async settle(connectorId: string, step: () => Promise<ConfirmationView>): Promise<void> {
    try {
      this.notices.outcome(await step());
    } catch (error) {
      if (error instanceof ApiProblem && error.answer.confirmation) this.notices.outcome(error.answer.confirmation);
      else this.notices.problem(connectorId, problemText(error, this.s));
    }
    this.dialog.hide();
  }

  private render(title: string, content: Node[], actions: HTMLElement[]): void {
    for (const action of actions) action.setAttribute('slot', 'action');
    this.body.replaceChildren(h('h2', { slot: 'title' }, title), ...content, ...actions);
  }
}

export function problemText(error: unknown, s: PageStrings): string {
  return error instanceof ApiProblem && error.answer.message ? error.answer.message : s.tab.failed;
}
