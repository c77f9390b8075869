import { app, authentication } from '@microsoft/teams-js';
import type { PageConfig, PageStrings } from '../shared/contract';
import { Api, ApiProblem } from './api';
import { button, h } from './dom';
import { Times } from './format';
import { connectHost, type Host, type Theme } from './host';
import { Panels } from './panel';
import { connectorTable } from './table';

/** The dashboard page: which page it is and its words come embedded in the HTML (see src/tab/tabPage.ts). */
const config = JSON.parse(
  document.querySelector<HTMLMetaElement>('meta[name="dashboard"]')?.content ?? '{}',
) as PageConfig;
const root = document.getElementById('app')!;

void start();

async function start(): Promise<void> {
  if (config.page === 'consentStart' && config.authorizeUrl) return void location.assign(config.authorizeUrl);
  if (config.page === 'consentEnd') {
    await app.initialize();
    return authentication.notifySuccess();
  }
  const host = await connectHost();
  const s = stringsFor(host.locale);
  document.documentElement.lang = s === config.strings.de ? 'de' : 'en';
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  if (config.mode === 'notConfigured') return show(banner(s.tab.notConfigured));
  if (config.mode === 'teams' && !host.inTeams) return show(banner(s.tab.notInTeams));
  await new Dashboard(host, s).load();
}

class Dashboard {
  private readonly api: Api;
  private readonly times: Times;
  private readonly panels: Panels;

  constructor(
    private readonly host: Host,
    private readonly s: PageStrings,
  ) {
    this.api = new Api(host, host.locale);
    this.times = new Times(host.locale);
    this.panels = new Panels(this.api, s, this.times, () => void this.load(true));
  }

  /**
   * Loads the list; `quietly` (after a sync) keeps the current table on screen until the new one is there, and keeps
   * each open confirmation or outcome under its connector, so the answer the user just got does not vanish.
   */
  async load(quietly = false): Promise<void> {
    const { s } = this;
    if (!quietly) show(this.header(), h('p', { class: 'subtle', role: 'status' }, s.tab.loading));
    try {
      const { connectors, truncated } = await this.api.connectors();
      const kept = quietly ? openSyncPanels() : new Map<string, HTMLElement>();
      const body = connectors.length
        ? [
            connectorTable(
              connectors,
              s,
              this.times,
              {
                sync: (c, type, d) => void this.panels.sync(c, type, d),
                history: (c, d, t) => void this.panels.history(c, d, t),
              },
              kept,
            ),
          ]
        : [
            h(
              'section',
              { class: 'empty' },
              h('p', {}, s.tab.empty),
              h('p', { class: 'subtle' }, s.tab.emptyOnPremises),
            ),
          ];
      show(
        this.header(),
        ...(config.mode === 'local' ? [banner(s.tab.localMode)] : []),
        ...body,
        ...(truncated ? [h('p', { class: 'subtle' }, s.tab.truncated)] : []),
      );
    } catch (error) {
      show(this.header(), this.problem(error));
    }
  }

  private header(): HTMLElement {
    return h(
      'header',
      {},
      h('h1', {}, this.s.tab.title),
      button(this.s.tab.refresh, () => void this.load(), { class: 'secondary' }),
    );
  }

  private problem(error: unknown): HTMLElement {
    const { tab } = this.s;
    if (!(error instanceof ApiProblem)) return banner(tab.failed, 'bad');
    switch (error.answer.error) {
      case 'unauthorized':
        return banner(tab.signInFailed, 'bad');
      case 'forbidden':
        return banner(tab.forbidden, 'bad');
      case 'consentRequired':
        return h(
          'div',
          { class: 'banner', role: 'alert' },
          h('p', {}, tab.consentNeeded),
          button(
            tab.consentButton,
            () => void this.host.consent(`${location.origin}/tab/consent`).then(() => this.load()),
            { class: 'primary' },
          ),
        );
      default:
        return banner(error.answer.message ?? tab.failed, 'bad');
    }
  }
}

/** The confirmations and outcomes open on screen, by connector id (history panels are left to close). */
function openSyncPanels(): Map<string, HTMLElement> {
  const open = root.querySelectorAll<HTMLElement>('tr.detail:not([hidden]) .detail-content[data-kind="sync"]');
  return new Map(
    [...open].flatMap((element) => (element.dataset.for ? [[element.dataset.for, element] as const] : [])),
  );
}

function stringsFor(locale: string): PageStrings {
  return /^de\b/i.test(locale) ? config.strings.de : config.strings.en;
}

function applyTheme(theme: Theme): void {
  document.body.className = `theme-${theme}`;
}

function banner(text: string, tone: 'info' | 'bad' = 'info'): HTMLElement {
  return h('p', { class: `banner ${tone}`, role: tone === 'bad' ? 'alert' : 'note' }, text);
}

function show(...children: Node[]): void {
  root.replaceChildren(...children);
}
