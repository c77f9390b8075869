import { guid, integer, matching, oneOf, text, url } from './parsers';
import { setting } from './settingSpec';

/** Where state lives, how long things may take and last, and what the bot reports. */
export const OPERATION_SETTINGS = {
  BOT_STORAGE: setting({
    name: 'BOT_STORAGE',
    applies: 'always',
    defaultText: '`local` in local mode; **required** in Teams mode',
    summary:
      '`local` (local mode only: an embedded blob store under `LOCAL_DATA_DIR`, kept across restarts), `blob` (Azure Blob Storage: confirmations, sign-ins, watches and audit shared by every instance), or `memory` (one process: a restart loses all of it; only when set explicitly)',
    schema: oneOf(['local', 'blob', 'memory'] as const, '', 'local (local mode), blob (Azure Blob Storage) or memory'),
  }),
  LOCAL_DATA_DIR: setting({
    name: 'LOCAL_DATA_DIR',
    applies: 'local',
    defaultText: '`.data`',
    summary:
      'local mode with `BOT_STORAGE=local`: the folder the embedded store keeps its data in (git ignores `.data/`)',
    schema: text,
  }),
  AZURE_STORAGE_CONNECTION_STRING: setting({
    name: 'AZURE_STORAGE_CONNECTION_STRING',
    applies: 'always',
    defaultText: 'empty',
    summary:
      'with `BOT_STORAGE=blob`: a connection string (Azurite, development); in Azure use `AZURE_STORAGE_ACCOUNT_URL`',
    secret: true,
    schema: text,
  }),
  AZURE_STORAGE_ACCOUNT_URL: setting({
    name: 'AZURE_STORAGE_ACCOUNT_URL',
    applies: 'always',
    defaultText: 'empty',
    summary:
      "with `BOT_STORAGE=blob`: the account's blob endpoint, e.g. `https://<account>.blob.core.windows.net`, reached with a managed identity (no key); exactly one of this and the connection string",
    schema: url('e.g. https://myaccount.blob.core.windows.net'),
  }),
  AZURE_CLIENT_ID: setting({
    name: 'AZURE_CLIENT_ID',
    applies: 'always',
    defaultText: 'empty',
    summary:
      'client id of the user-assigned managed identity that reaches storage (with `AZURE_STORAGE_ACCOUNT_URL`) and sends telemetry (an Application Insights component without local authentication); empty: the system-assigned identity or a developer sign-in for storage, the instrumentation key for telemetry',
    schema: guid('a managed identity client id'),
  }),
  AZURE_STORAGE_CONTAINER: setting({
    name: 'AZURE_STORAGE_CONTAINER',
    applies: 'always',
    defaultText: '`botstate`',
    summary: 'the blob container (created on first use)',
    schema: matching(
      /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
      'botstate',
      'is not a valid container name; use 3-63 lower-case letters, digits and single hyphens',
    ),
  }),
  STORAGE_TIMEOUT_MS: setting({
    name: 'STORAGE_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`2000`',
    summary:
      'how long one storage request may take; after that the user is told storage is unavailable and nothing is sent',
    schema: integer(2_000, 50, 10_000, 'milliseconds from 50 to 10000, e.g. 2000'),
  }),
  BOT_FRAMEWORK_TIMEOUT_MS: setting({
    name: 'BOT_FRAMEWORK_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`5000`',
    summary:
      'how long one call to the Bot Connector (replies, card updates) or the token service may take; each is tried once',
    schema: integer(5_000, 100, 30_000, 'milliseconds from 100 to 30000, e.g. 5000'),
  }),
  CONFIRMATION_TTL_SECONDS: setting({
    name: 'CONFIRMATION_TTL_SECONDS',
    applies: 'always',
    defaultText: '`600`',
    summary: 'how long a confirmation card stays valid',
    schema: integer(600, 5, 86_400, 'seconds from 5 to 86400, e.g. 600'),
  }),
  CONNECTOR_CACHE_SECONDS: setting({
    name: 'CONNECTOR_CACHE_SECONDS',
    applies: 'always',
    defaultText: '`60`',
    summary:
      "how long a user's connector list is reused to resolve names (`list connectors` is always fresh; an unknown name refreshes it)",
    schema: integer(60, 0, 3_600, 'seconds from 0 to 3600, e.g. 60'),
  }),
  CARD_ANSWER_DEADLINE_MS: setting({
    name: 'CARD_ANSWER_DEADLINE_MS',
    applies: 'always',
    defaultText: '`3000`',
    summary:
      'how long a click waits for its outcome; after that the card says "sending" and is updated when Graph answers',
    schema: integer(3_000, 50, 3_500, 'milliseconds from 50 to 3500 (Teams allows an invoke about 5 s), e.g. 3000'),
  }),
  SYNC_WATCH_INTERVAL_SECONDS: setting({
    name: 'SYNC_WATCH_INTERVAL_SECONDS',
    applies: 'always',
    defaultText: '`30`',
    summary:
      'after Graph accepts a sync, how often the bot asks Graph whether Intune reported it (one request per connector per interval, whoever watches)',
    schema: integer(30, 1, 3_600, 'whole seconds from 1 to 3600, e.g. 30'),
  }),
  SYNC_WATCH_MINUTES: setting({
    name: 'SYNC_WATCH_MINUTES',
    applies: 'always',
    defaultText: '`15`',
    summary: 'how long the bot follows a sync before its card says Intune has not reported it',
    schema: integer(15, 1, 1_440, 'whole minutes from 1 to 1440, e.g. 15'),
  }),
  SYNC_COOLDOWN_MINUTES: setting({
    name: 'SYNC_COOLDOWN_MINUTES',
    applies: 'always',
    defaultText: '`10`',
    summary:
      'a sync asked for within this long after another of the same connector (or while one is followed) gets a card that says so, with "Sync again anyway"',
    schema: integer(10, 0, 1_440, 'whole minutes from 0 to 1440, e.g. 10'),
  }),
  ALERT_INTERVAL_SECONDS: setting({
    name: 'ALERT_INTERVAL_SECONDS',
    applies: 'always',
    defaultText: '`900`',
    summary:
      'how often a conversation with alerts on has its connectors checked (one Graph list per conversation per interval, whichever instance)',
    schema: integer(900, 1, 86_400, 'whole seconds from 1 to 86400, e.g. 900'),
  }),
  ALERT_STALE_HOURS: setting({
    name: 'ALERT_STALE_HOURS',
    applies: 'always',
    defaultText: '`24`',
    summary:
      'alerts say when a connector has not synced for this long (`0`: never); hosted connectors only, unless `ALERT_STALE_ON_PREMISES`',
    schema: integer(24, 0, 8_760, 'whole hours from 0 to 8760, e.g. 24'),
  }),
  ALERT_STALE_ON_PREMISES: setting({
    name: 'ALERT_STALE_ON_PREMISES',
    applies: 'always',
    defaultText: '`false`',
    summary:
      'include on-premises connectors in stale-sync alerts (Microsoft ended their support on 2024-02-19; they no longer sync, so by default they get status alerts only)',
    schema: oneOf(['true', 'false'] as const, 'false', 'true or false'),
  }),
  APPLICATIONINSIGHTS_CONNECTION_STRING: setting({
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    applies: 'always',
    defaultText: 'empty (no telemetry)',
    summary:
      'sends request, dependency and log telemetry to Application Insights (`@azure/monitor-opentelemetry`); query strings, tokens and message text are left out',
    secret: true,
    schema: text,
  }),
  BOT_DOMAIN: setting({
    name: 'BOT_DOMAIN',
    applies: 'teams',
    defaultText: 'empty',
    summary:
      "the bot's host name, e.g. `connector-sync.azurewebsites.net`: the dashboard tab accepts sign-in tokens for `api://<BOT_DOMAIN>/botid-<app id>` (without it the tab says it is not configured); `npm run package` puts it in the manifest",
    schema: matching(
      /^$|^[a-z0-9.-]+(:\d+)?$/i,
      '',
      'is not a host name; use the name alone, without https:// or a path, e.g. connector-sync.azurewebsites.net',
    ),
  }),
  ENTRA_AUTHORITY_HOST: setting({
    name: 'ENTRA_AUTHORITY_HOST',
    applies: 'teams',
    defaultText: '`https://login.microsoftonline.com`',
    summary:
      "Microsoft Entra's sign-in host: the dashboard tab checks tokens against its published keys and asks it for Graph tokens on behalf of the user (change only for another cloud)",
    schema: url('e.g. https://login.microsoftonline.com'),
  }),
  TEAMS_APP_ID: setting({
    name: 'TEAMS_APP_ID',
    applies: 'teams',
    defaultText: '`MicrosoftAppId`',
    summary: 'the Teams app id (a GUID): the cards\' "Open dashboard" deep link and `npm run package`',
    schema: guid('a Teams app id'),
  }),
  TEAMS_APP_CATALOG_ID: setting({
    name: 'TEAMS_APP_CATALOG_ID',
    applies: 'teams',
    defaultText: '`TEAMS_APP_ID`',
    summary:
      "the id Teams knows the app by, for the \"Open dashboard\" deep link: for an app uploaded to your organisation's catalog, its catalog id (Graph `GET /appCatalogs/teamsApps?$filter=externalId eq '<TEAMS_APP_ID>'`), which differs from the manifest's id",
    schema: guid('a Teams app catalog id'),
  }),
} as const;
