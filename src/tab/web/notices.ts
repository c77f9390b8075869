import type { ConfirmationView, PageStrings, ViewLine } from '../shared/contract';
import { button, h } from './dom';
import type { Times } from './format';

type Intent = 'success' | 'warning' | 'error' | 'info';

/**
 * Outcomes as Fluent message bars above the list: what a confirmation became, in the chat card's words, until the
 * user dismisses it (a newer outcome for the same connector replaces the older one).
 */
export class Notices {
  readonly element = h('div', { class: 'notices' });

  constructor(
    private readonly s: PageStrings,
    private readonly times: Times,
  ) {}

  outcome(view: ConfirmationView): void {
    this.show(view.connectorId, intentOf(view.tone), `${view.title} · ${view.connectorName}`, view.lines);
  }

  problem(key: string, text: string): void {
    this.show(key, 'error', text, []);
  }

  private show(key: string, intent: Intent, title: string, lines: readonly ViewLine[]): void {
    this.element.querySelector(`[data-for="${CSS.escape(key)}"]`)?.remove();
    const bar = h(
      'fluent-message-bar',
      { intent, layout: 'multiline', role: intent === 'error' ? 'alert' : 'status', 'data-for': key },
      h('strong', {}, title),
      ...lines.map((line) => h('p', { class: line.subtle ? 'subtle' : '' }, this.times.fill(line.text))),
    );
    bar.append(
      button(this.s.tab.dismiss, () => bar.remove(), {
        slot: 'actions',
        appearance: 'transparent',
        'aria-label': `${this.s.tab.dismiss}: ${title}`,
      }),
    );
    this.element.prepend(bar);
  }
}

export function intentOf(tone: ConfirmationView['tone']): Intent {
  switch (tone) {
    case 'good':
      return 'success';
    case 'attention':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'info';
  }
}
