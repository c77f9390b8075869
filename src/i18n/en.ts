import type { Messages } from './messages';

export const en: Messages = {
  syncTypeName: { fullSync: 'Full sync', deltaSync: 'Delta sync (Quick Sync)' },
  syncTypeExplained: {
    fullSync: 'Re-reads every mailbox device from Exchange. Takes longer; use it after a change of policy or an outage.',
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
    id: 'Id',
    version: 'Version',
    organization: 'Organization',
  },

  confirmTitle: 'Sync this Exchange connector?',
  confirmAskedBy: (name) => `Asked by ${name}. Only ${name} can start or cancel it.`,
  confirmExpires: (minutes) => `This confirmation expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  sending: 'Sending the sync request to Intune…',
  requestedTitle: (syncType) => `${syncType === 'fullSync' ? 'Full' : 'Delta'} sync requested`,
  requestedBy: (name, when) => `Requested by ${name} on ${when}.`,
  requestedNext: (command) => `Intune runs the sync in the background. Type \`${command}\` to see when it finished.`,
  failedTitle: 'The sync was not requested',
  cancelledTitle: 'Cancelled',
  cancelledBy: (name, when) => `Cancelled by ${name} on ${when}. Nothing was synced.`,
  expiredTitle: 'This confirmation expired',
  expiredText: (command) => `Nothing was synced. Type \`${command}\` to ask again.`,
  alreadyHandled: 'This request was already handled; nothing was sent again.',
  notRequester: (name) => `Only ${name}, who asked for this sync, can start or cancel it.`,
  confirmationNotFound: 'I can no longer find this confirmation. Type the sync command again to start over.',
  graphRequestId: (id) => `Graph request-id: ${id}`,
  graphFailure: {
    unauthorized: 'Microsoft Graph did not accept your sign-in (it may have expired). Sign in again and retry.',
    forbidden:
      'Microsoft Graph refused: you need the DeviceManagementServiceConfig.ReadWrite.All permission and an Intune Administrator role. Ask your Intune administrator.',
    notFound: 'This connector no longer exists in Intune. Type `list connectors` to see the current ones.',
    badRequest: 'Microsoft Graph rejected the request as invalid. Nothing was synced; please report this with the request-id.',
    throttled: 'Intune is throttling requests right now. Nothing was synced; try again in a minute.',
    unavailable: 'Intune is temporarily unavailable. Nothing was synced; try again in a few minutes.',
    unreachable: 'Microsoft Graph could not be reached. Nothing was synced; try again shortly.',
  },
  retryAfter: (seconds) => `Intune asks to wait ${seconds} s before retrying.`,

  listTitle: (count) => `${count} Exchange connector${count === 1 ? '' : 's'}`,
  listEmpty:
    'This tenant has no Intune Exchange connectors. (Microsoft ended support for the on-premises connector on 19 February 2024.)',
  statusTitle: (name) => `Exchange connector ${name}`,
  chooseSyncTitle: (name) => `Which sync for ${name}?`,
  ambiguousTitle: (query, count) => `${count} connectors match “${query}”. Pick one:`,
  unknownConnector: (query) => `I found no Exchange connector called “${query}”.`,
  didYouMean: (name) => `Did you mean **${name}**?`,
  knownConnectors: 'Known connectors:',
  noConnectors: 'This tenant has no Exchange connectors.',

  historyTitle: (name) => `Last sync requests for ${name}`,
  historyEmpty: 'No sync has been requested for this connector through this bot yet.',
  historyColumns: { when: 'When', who: 'Who', type: 'Type', outcome: 'Outcome' },
  outcomeRequested: 'Requested',
  outcomeFailed: (reason) => `Failed (${reason})`,

  helpTitle: 'Connector Sync',
  helpIntro: 'I start syncs of your Intune Exchange connectors, with your own permissions. I ask before every sync.',
  helpCommands: [
    { example: 'sync connector CAS01 full', text: 'Full sync of a connector (by alias, server name or id; a unique prefix is enough)' },
    { example: 'sync connector CAS01 delta', text: 'Delta ("Quick") sync' },
    { example: 'list connectors', text: 'All connectors with status and last sync' },
    { example: 'status CAS01', text: 'Details of one connector' },
    { example: 'history CAS01', text: 'The last ten sync requests for a connector: who, when, outcome' },
    { example: 'sync connector "Munich Exchange" full', text: 'Quotes for names with spaces' },
  ],
  notUnderstood: (text) => `Sorry, I did not understand “${text}”.`,
  didYouMeanCommand: (command) => `Did you mean \`${command}\`?`,
  missingTarget: (command) =>
    command === 'sync'
      ? 'Which connector? For example: `sync connector CAS01 full`. Type `list connectors` to see them all.'
      : `Which connector? For example: \`${command} CAS01\`.`,
  unknownSyncType: (word) => `“${word}” is not a sync type. Use \`full\` or \`delta\` (also \`quick\`).`,
  extraWords: (words) =>
    `I did not expect “${words}” there. Put a connector name with spaces in quotes: \`sync connector "Munich Exchange" full\`.`,
  invalidAction: 'That button did not carry a request I can act on. Type the command again to get a fresh card.',
  unexpectedError: 'Something went wrong on my side; nothing was synced. Please try again.',
  storageUnavailable: 'I cannot reach my storage right now, so nothing was changed and nothing was synced. Please try again in a minute.',

  signInButton: 'Sign in',
  signInText: 'Sign in so I can act with your own Intune permissions. I will continue where you left off.',
  signedOut: 'You are signed out. I will ask you to sign in again next time.',
  nothingToSignOut: 'This bot runs in local mode with a development token; there is nothing to sign out of.',
  signInFailed: 'Sign-in did not complete. Type your command again to get a new sign-in card.',
  signInResourceMismatch:
    'Sign-in failed because the bot\'s app registration is set up differently from its Teams app: its Application ID URI must be api://botid-<app id>. Please tell your Teams administrator.',
  signInStillRefused:
    'Microsoft Graph still refuses your sign-in. Check that your account has an Intune Administrator role and that admin consent was given for DeviceManagementServiceConfig.ReadWrite.All.',
};
