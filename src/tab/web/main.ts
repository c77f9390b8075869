import { app, authentication } from '@microsoft/teams-js';
import type { ConnectorRow, PageConfig, PageStrings } from '../shared/contract';
import { Api, ApiProblem } from './api';
import { ConfirmDialog } from './confirmDialog';
import { button, h } from './dom';
import { applyTheme } from './fluent';
import { Times } from './format';
import { toggleHistory } from './history';
import { connectHost, type Host } from './host';
import { LiveRows } from './live';
import { Notices } from './notices';
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
  private readonly notices: Notices;
  private readonly dialog: ConfirmDialog;
  private readonly live: LiveRows;

  constructor(
    private readonly host: Host,
    private readonly s: PageStrings,
  ) {
    this.api = new Api(host, host.locale);
    this.times = new Times(host.locale);
    this.notices = new Notices(s, this.times);
    this.live = new LiveRows(this.api);
    this.dialog = new ConfirmDialog(this.api, s, this.times, this.notices, (id) => this.live.follow(id));
  }

  /** Loads the list (Refresh does it again); the rows then change by themselves while a sync is followed. */
  async load(): Promise<void> {
    const { s } = this;
    show(this.header(), this.notices.element, h('p', { class: 'subtle', role: 'status' }, s.tab.loading));
    try {
      const { connectors, truncated } = await this.api.connectors();
      const { table, rows } = connectorTable(connectors, s, this.times, {
        sync: (connector, syncType) => void this.dialog.open(connector, syncType),
        history: (connector: ConnectorRow, detail, toggle) =>
          void toggleHistory(this.api, s, this.times, connector, detail, toggle),
      });
      const body = connectors.length
        ? [h('div', { class: 'grid' }, table)]
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
        this.notices.element,
        ...body,
        ...(truncated ? [h('p', { class: 'subtle' }, s.tab.truncated)] : []),
      );
      this.live.show(rows);
    } catch (error) {
      show(this.header(), this.problem(error));
    }
  }

  private header(): HTMLElement {
    return h(
      'header',
      {},
      h('h1', {}, this.s.tab.title),
      button(this.s.tab.refresh, () => void this.load()),
    );
  }

  private problem(error: unknown): HTMLElement {
    const { tab } = this.s;
    if (!(error instanceof ApiProblem)) return banner(tab.failed, 'error');
    switch (error.answer.error) {
      case 'unauthorized':
        return banner(tab.signInFailed, 'error');
      case 'forbidden':
        return banner(tab.forbidden, 'error');
      case 'consentRequired': {
        const bar = banner(tab.consentNeeded, 'warning');
        bar.append(
          button(
            tab.consentButton,
            () => void this.host.consent(`${location.origin}/tab/consent`).then(() => this.load()),
            {
              appearance: 'primary',
              slot: 'actions',
            },
          ),
        );
        return bar;
      }
      default:
        return banner(error.answer.message ?? tab.failed, 'error');
    }
  }
}

function stringsFor(locale: string): PageStrings {
  return /^de\b/i.test(locale) ? config.strings.de : config.strings.en;
}

/** A page-wide message: a Fluent message bar (a note, or an alert for what went wrong). */
function banner(text: string, intent: 'info' | 'warning' | 'error' = 'info'): HTMLElement {
  return h('fluent-message-bar', { intent, layout: 'multiline', role: intent === 'info' ? 'note' : 'alert' }, text);
}

function show(...children: Node[]): void {
  root.replaceChildren(...children);
}
