/**
 * Runs in the test's host page, which plays Teams for the dashboard tab it frames: it answers the messages
 * @microsoft/teams-js sends its parent window (read from the library: `{id, uuidAsString, func, args}` in,
 * `{id, uuidAsString, args}` back) for `initialize`, `getContext` and `authentication.getAuthToken`, and can send the
 * host's own `themeChange` event. The SSO token, theme and locale come from the page's query string.
 */
interface TeamsMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

const params = new URLSearchParams(location.search);
const frame = document.getElementById('tab') as HTMLIFrameElement;
const received: string[] = [];

const runtime = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    appInstallDialog: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teamsCore: {},
  },
};

const context = {
  locale: params.get('locale') ?? 'en-us',
  theme: params.get('theme') ?? 'default',
  entityId: 'connectors',
  frameContext: 'content',
  hostClientType: 'web',
  tid: params.get('tid') ?? '',
  userObjectId: params.get('oid') ?? '',
  loginHint: 'ada@contoso.example',
  userPrincipalName: 'ada@contoso.example',
  appSessionId: 'test-session',
};

window.addEventListener('message', (event: MessageEvent<TeamsMessage>) => {
  if (event.source !== frame.contentWindow || typeof event.data?.func !== 'string') return;
  const message = event.data;
  received.push(message.func);
  const reply = (args: unknown[]): void =>
    frame.contentWindow?.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  switch (message.func) {
    case 'initialize':
      return reply(['content', 'web', JSON.stringify(runtime), '2.58.0']);
    case 'getContext':
      return reply([context]);
    case 'authentication.getAuthToken':
      return reply([true, params.get('token') ?? '']);
    default:
      return reply([]);
  }
});

/** What the test reads and does from outside: the calls the tab made, and a theme change in "Teams". */
Object.assign(window, {
  hostReceived: received,
  changeTheme: (theme: string) => frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, '*'),
});

frame.src = params.get('tab') ?? 'about:blank';
