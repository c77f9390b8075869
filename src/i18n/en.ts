import { joined, md, quoteOf, strong } from '../text/rich';
import type { Messages } from './messages';
import { enAlerts } from './enAlerts';

export const en: Messages = {
  locale: 'en',
  syncTypeName: { fullSync: 'Full sync', deltaSync: 'Delta sync (Quick Sync)' },
  syncTypeExplained: {
    fullSync:
      'Re-reads every mailbox device from Exchange. Takes longer; use it after a change of policy or an outage.',
    deltaSync: 'Picks up only what changed since the last sync. Fast; the everyday choice.',
  },
  startSync: { fullSync: 'Start full sync', deltaSync: 'Start delta sync' },
  statusName: {
    none: 'None',
    connectionPending: 'Connection pending',
    connected: 'Connected',
    disconnected: 'Disconnected',
    unknownFutureValue: 'Unknown',
  },
  typeName: {
    onPremises: 'On-premises',
    hosted: 'Hosted',
    serviceToService: 'Service to service',
    dedicated: 'Dedicated',
    unknownFutureValue: 'Unknown',
  },
  never: 'never',
  unknownValue: '—',
  cancel: 'Cancel',
  fact: {
    connector: 'Connector',
    server: 'Server',
    type: 'Type',
    status: 'Status',
    lastSync: 'Last sync',
    statusWhenAsked: 'Status when asked',
    lastSyncWhenAsked: 'Last sync when asked',
    id: 'Id',
    version: 'Version',
    organization: 'Organization',
  },

  confirmTitle: 'Sync this Exchange connector?',
  confirmAskedBy: (name, personal) =>
    personal ? md`Asked by ${name}.` : md`Asked by ${name}. Only ${name} can start or cancel it.`,
  confirmValidUntil: (when) => md`Valid until ${when}.`,
  statusExplained: (name, status, type, server) => {
    const onPremises = type === 'onPremises';
    const check = onPremises
      ? md`Check that the Exchange connector service runs on ${server} and can reach the internet. Microsoft ended support for the on-premises connector on 19 February 2024.`
      : md`
Check the connector in the Intune admin center (Tenant administration > Connectors and tokens > Exchange connectors).
        `;
    if (status === 'disconnected')
      return md`${name} is disconnected: Intune cannot reach it, so it cannot sync. ${check}`;
    if (status === 'connectionPending')
      return md`${name} is waiting for its connection: it has not reached Intune since it was set up. ${check}`;
    if (status === 'connected') return md`${name} is connected: Intune reaches it, and it can sync.`;
    return md`${name} reports “${status ?? '?'}” to Intune. ${check}`;
  },
  matchingConnectors: (count) =>
    count === 0 ? 'No connector of that kind.' : `${count} connector${count === 1 ? '' : 's'} of that kind. Pick one:`,
  bothTypes: 'You named both full and delta sync: which one?',
  syncCommand: (name, syncType) =>
    `sync connector ${/\s/.test(name) ? `"${name}"` : name} ${syncType === 'fullSync' ? 'full' : 'delta'}`,
  confirmStatusWarning: (name, status) =>
    status === 'disconnected'
      ? md`⚠️ ${name} is **disconnected**: Intune cannot reach it right now, so the sync may not run until the connector service is back. You can still send the request.`
      : md`⚠️ ${name} is **waiting for its connection**: it has not connected to Intune yet, so the sync may not run. You can still send the request.`,
  signInExpiredNote:
    '🔑 Your sign-in had expired, so nothing was sent. Sign in when asked, then press the button again.',
  sending: 'Sending the sync request to Intune…',
  working: 'Still working on this request; the card will show the result.',
  answeredBelow: 'Answered below.',
  requestedTitle: (syncType) => `${syncType === 'fullSync' ? 'Full' : 'Delta'} sync requested`,
  requestedBy: (name, when) => md`Requested by ${name} on ${when}.`,
  requestedNext: (command) =>
    md`Intune runs the sync in the background. Type ${strong(command)} to see when it finished.`,
  watchFollowing: (until) => md`⏳ Following it: this card changes when Intune reports the sync (until ${until}).`,
  completionText: {
    completed: (when, minutes) => `completed ${when} (took ${minutes < 1 ? 'under a minute' : `${minutes} min`})`,
    notReported: (minutes) => `not reported within ${minutes} min`,
    statusChanged: (status) => `then ${status}`,
    gone: 'connector gone',
  },
  watchCompleted: (when, minutes) =>
    md`✅ Intune reports the sync completed at ${when} (took ${minutes < 1 ? 'under a minute' : `${minutes} min`}).`,
  watchNotReported: (minutes, server) =>
    md`⚠️ Intune has not reported this sync within ${String(minutes)} minutes. Check that the Exchange connector service runs on ${server} and the connector's status in Intune; the sync may still finish.`,
  watchStatusChanged: (name, status) =>
    md`⚠️ ${name} is now ${status}: it cannot sync until it is connected again. I stopped following.`,
  watchStopped:
    'I stopped following this sync because your sign-in expired (nothing else changed). Select **Refresh** to continue.',
  watchGone: (name) => md`⚠️ ${name} no longer exists in Intune, so I stopped following this sync.`,
  recentRequest: (name, syncType, when, progress) =>
    md`${name} asked for a ${syncType === 'fullSync' ? 'full' : 'delta'} sync of this connector on ${when}: ${progress}.`,
  recentProgress: {
    requested: 'Intune accepted it',
    completed: 'Intune reported it completed',
    notReported: 'Intune did not report it in time',
    watching: 'Intune has not reported it yet',
  },
  syncAgainAnyway: 'Sync again anyway',
  onPremisesNote:
    'Intune accepted the request. Microsoft ended support for the on-premises Exchange connector on 19 February 2024 ("the Exchange connector will no longer sync with Intune"), so Intune may not act on it.',
  refusedTitle: 'The sync was not requested',
  unknownTitle: 'Outcome unknown',
  unknownText: (command) =>
    md`The outcome is unknown because Graph did not confirm it: no answer came in time. The request was not sent again. Type ${strong(command)}: if the last sync time moves on, it ran.`,
  interruptedText: (command) =>
    md`The outcome is unknown because Graph did not confirm it: the bot stopped while sending. The request was not sent again. Type ${strong(command)}: if the last sync time moves on, it ran.`,
  cancelledTitle: 'Cancelled',
  cancelledBy: (name, when) => md`Cancelled by ${name} on ${when}. Nothing was synced.`,
  expiredTitle: 'This confirmation expired',
  expiredText: 'Nothing was synced.',
  supersededTitle: 'Another sync came first',
  supersededText: (name, syncType, when) =>
    md`${name} requested a ${syncType === 'fullSync' ? 'full' : 'delta'} sync of this connector on ${when}, after this card was shown. Nothing was sent again.`,
  alreadyHandled: 'This request was already handled; nothing was sent again.',
  beingHandled: 'This request is being handled right now; nothing was sent again.',
  notRequester: (name) => md`Only ${name}, who asked for this sync, can start or cancel it.`,
  wrongConversation:
    'This button belongs to a card in another chat; nothing was done. Use the card where it was shown, or ask again here.',
  confirmationNotFound: 'I can no longer find this confirmation. Type the sync command again to start over.',
  graphRequestId: (id) => md`Graph request-id: ${id}`,
  syncFailure: {
    unauthorized:
      'Microsoft Graph did not accept your sign-in (it may have expired). Nothing was synced; sign in again and retry.',
    forbidden:
      'Microsoft Graph refused: you need the DeviceManagementServiceConfig.ReadWrite.All permission and an Intune Administrator role. Nothing was synced; ask your Intune administrator.',
    notFound:
      'This connector no longer exists in Intune. Nothing was synced; type `list connectors` to see the current ones.',
    badRequest:
      'Microsoft Graph rejected the request as invalid. Nothing was synced; please report this with the request-id.',
    throttled: 'Intune is throttling requests right now. Nothing was synced.',
    unavailable: 'Intune is temporarily unavailable. Nothing was synced; try again in a few minutes.',
    serverError:
      'Intune reported an internal error and did not accept the request. Check `status` before you try again.',
    unreachable: 'Microsoft Graph could not be reached. Nothing was synced; try again shortly.',
    noAnswer: 'Microsoft Graph did not answer in time.',
  },
  lookupFailure: {
    unauthorized: 'Microsoft Graph did not accept your sign-in (it may have expired). Sign in again and retry.',
    forbidden:
      'Microsoft Graph refused to show the connectors: you need an Intune role that may read the service configuration.',
    notFound: 'This connector no longer exists in Intune. Type `list connectors` to see the current ones.',
    badRequest: 'Microsoft Graph rejected the look-up as invalid; please report this with the request-id.',
    throttled: 'Intune is throttling requests right now, so I could not look the connectors up.',
    unavailable:
      'Intune is temporarily unavailable, so I could not look the connectors up. Try again in a few minutes.',
    serverError: 'Intune reported an internal error while looking the connectors up. Try again in a few minutes.',
    unreachable: 'Microsoft Graph could not be reached, so I could not look the connectors up. Try again shortly.',
    noAnswer: 'Microsoft Graph did not answer in time, so I could not look the connectors up. Try again shortly.',
  },
  retryAfter: (seconds) =>
    seconds >= 90
      ? `Intune asks to wait ${Math.round(seconds / 60)} minutes (${seconds} s) before trying again.`
      : `Intune asks to wait ${seconds} s before trying again.`,

  listTitle: (count) => `${count} Exchange connector${count === 1 ? '' : 's'}`,
  listShowing: (from, to, total) => `Showing ${from}–${to} of ${total}.`,
  listTruncated: (shown) => `Graph kept sending more pages; showing the first ${shown}.`,
  listEmpty:
    'This tenant has no Intune Exchange connectors. (Microsoft ended support for the on-premises connector on 19 February 2024.)',
  showMore: 'Show more',
  showPrevious: 'Previous',
  statusTitle: (name) => md`Exchange connector ${name}`,
  chooseSyncTitle: (name) => md`Which sync for ${name}?`,
  ambiguousTitle: (query, count) => md`${String(count)} connectors match “${quoteOf(query)}”. Pick one:`,
  unknownConnector: (query) => md`I found no Exchange connector called “${quoteOf(query)}”.`,
  didYouMean: (name) => md`Did you mean ${strong(name)}?`,
  knownConnectors: 'Known connectors:',
  noConnectors: 'This tenant has no Exchange connectors.',

  historyTitle: (name) => md`Last sync requests for ${name}`,
  historyEmpty: 'No sync has been requested for this connector through this bot yet.',
  historyLine: (when, who, type, outcome) => md`${when} · ${who} · ${type} · ${outcome}`,
  outcomeName: { requested: 'Requested', refused: (reason) => `Not accepted (${reason})`, unknown: 'Outcome unknown' },

  buttons: {
    status: 'Status',
    history: 'History',
    retry: 'Retry',
    askAgain: 'Ask again',
    sync: 'Sync…',
    dashboard: 'Open dashboard',
    refresh: 'Refresh',
  },

  helpTitle: 'Connector Sync',
  helpIntro: 'I start syncs of your Intune Exchange connectors, with your own permissions. I ask before every sync.',
  thanksReply: 'You are welcome. I am here for the next sync.',
  greeting:
    'Hi! I start syncs of your Intune Exchange connectors, with your own permissions. Try `sync connector CAS01 full` or `list connectors`.',
  nothingToCancel: 'Nothing to cancel: you have no sync waiting for confirmation in this chat.',
  confirmWithButton:
    'Syncs start with the **Start** button on a confirmation card, never with a typed word. Ask for one, e.g. `sync connector CAS01 full`.',
  confirmWithButtonPending: (name, syncType) =>
    md`To start it, select **Start ${syncType === 'fullSync' ? 'full' : 'delta'} sync** on your card for ${name} above: a typed word never starts a sync.`,
  cancelledText: (cancelled) =>
    md`Cancelled ${joined(
      cancelled.map(({ name, syncType }) => md`your ${syncType === 'fullSync' ? 'full' : 'delta'} sync of ${name}`),
      'and',
    )}. Nothing was synced.`,
  oneAtATimeAll: 'Syncs go one connector at a time, each with its own confirmation. Pick one below.',
  oneAtATime: (names) => md`One sync at a time, each with its own confirmation. Pick one: ${names}.`,
  didYouMeanSync: (command) => md`Did you mean ${strong(command)}?`,
  notUnderstood: (text) => md`Sorry, I did not understand “${quoteOf(text)}”.`,
  didYouMeanCommand: (command) => md`Did you mean ${strong(command)}?`,
  missingTarget: (command) =>
    command === 'sync'
      ? 'Which connector? For example: `sync connector CAS01 full`. Type `list connectors` to see them all.'
      : `Which connector? For example: \`${command} CAS01\`.`,
  unknownSyncType: (word) => md`“${quoteOf(word)}” is not a sync type. Use \`full\` or \`delta\` (also \`quick\`).`,
  invalidAction: 'That button did not carry a request I can act on. Type the command again to get a fresh card.',
  unexpectedError: 'Something went wrong on my side; nothing was synced. Please try again.',
  storageUnavailable:
    'I cannot reach my storage right now, so nothing was changed and nothing was synced. Please try again in a minute.',
  tokenServiceUnavailable:
    'I cannot reach the Teams sign-in service right now, so nothing was changed and nothing was synced. Please try again in a minute.',
  storageFull:
    'I am handling too much at once right now, so nothing was changed and nothing was synced. Please try again in a few minutes.',

  signInButton: 'Sign in',
  signInText: 'Sign in so I can act with your own Intune permissions. I will continue where you left off.',
  signedOut: 'You are signed out. I will ask you to sign in again next time.',
  nothingToSignOut: 'This bot runs in local mode with a development token; there is nothing to sign out of.',
  signInFailed: 'Sign-in did not complete. Type your command again to get a new sign-in card.',
  signInResourceMismatch:
    "Sign-in failed because the bot's app registration is set up differently from its Teams app: its Application ID URI must be api://<bot domain>/botid-<app id>. Please tell your Teams administrator.",
  signInStillRefused:
    'Microsoft Graph still refuses your sign-in. Check that your account has an Intune Administrator role and that admin consent was given for DeviceManagementServiceConfig.ReadWrite.All.',

  tab: {
    title: 'Exchange connectors',
    refresh: 'Refresh',
    loading: 'Loading connectors…',
    localMode: 'Local mode: you act as the local user with the development token, on the embedded Graph simulator.',
    notInTeams: 'Open this page as the Connectors tab of the Connector Sync app in Teams: it signs you in there.',
    notConfigured: 'The dashboard is not configured on this bot yet (BOT_DOMAIN is not set). The chat works as before.',
    signInFailed:
      'Your sign-in could not be checked. Reload the tab; if it keeps happening, tell your Teams administrator.',
    forbidden: 'This dashboard is not available to your organisation or account.',
    consentNeeded: "The app needs your consent (or an administrator's) to act on Intune with your permissions.",
    consentButton: 'Give consent',
    empty: 'This tenant has no Exchange connectors in Intune.',
    emptyOnPremises:
      "Intune's on-premises Exchange connector reached its end of support on 19 February 2024; tenants that used it have none left to sync.",
    truncated: 'Graph has more connectors than shown here.',
    columns: {
      connector: 'Connector',
      status: 'Status',
      type: 'Type',
      server: 'Server',
      version: 'Version',
      lastSync: 'Last sync',
      latest: 'Latest request',
      actions: 'Actions',
    },
    fullSync: 'Full sync',
    deltaSync: 'Delta sync',
    history: 'History',
    hideHistory: 'Hide history',
    historyEmpty: 'No sync was requested through this bot yet.',
    confirmQuestion: 'Start this sync?',
    confirm: 'Confirm',
    cancel: 'Cancel',
    working: 'Sending…',
    noRequests: 'none yet',
    requestId: 'Graph request-id',
    byWhom: 'by',
    failed: 'That did not work. Nothing was synced by it; please try again.',
    following: 'Following since {since} · last checked {checked}',
    notChecked: 'not yet',
    followedByPage: 'Followed while this dashboard is open. When it is closed, type “status {name}” in the chat.',
    dismiss: 'Dismiss',
    graphSignIn:
      'Microsoft Graph did not accept your sign-in, so nothing was synced. Reload the tab to sign in again, then start the sync again.',
  },
  alerts: enAlerts,
};
