import { guid, guidList, integer, ipAddress, oneOf, text, url } from './parsers';
import { setting } from './settingSpec';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_TYPES = ['SingleTenant', 'MultiTenant'] as const;

/** Who the bot is, where it listens, and how it reaches Graph and the user's tokens. */
export const CONNECTION_SETTINGS = {
  PORT: setting({
    name: 'PORT',
    applies: 'always',
    defaultText: '`3978`',
    summary: 'HTTP port of `/api/messages`, `/healthz` and `/readyz`',
    schema: integer(3978, 0, 65535, 'a TCP port from 0 to 65535, e.g. PORT=3978'),
  }),
  HOST: setting({
    name: 'HOST',
    applies: 'always',
    defaultText: '`127.0.0.1` local, `0.0.0.0` Teams mode',
    summary: 'interface to listen on; local mode accepts loopback addresses only',
    schema: ipAddress,
  }),
  LOG_LEVEL: setting({
    name: 'LOG_LEVEL',
    applies: 'always',
    defaultText: '`info`',
    summary: '`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent` (JSON logs on stdout)',
    schema: oneOf(LOG_LEVELS, 'info', `one of ${LOG_LEVELS.join(', ')}`),
  }),
  MicrosoftAppId: setting({
    name: 'MicrosoftAppId',
    applies: 'always',
    defaultText: 'empty',
    summary: "the bot's Entra app id; **empty = local mode** (no inbound auth, simulator, development token)",
    schema: guid('an app id'),
  }),
  MicrosoftAppPassword: setting({
    name: 'MicrosoftAppPassword',
    applies: 'teams',
    defaultText: 'empty',
    summary:
      "the app's client secret (in Azure a Key Vault reference); Teams mode needs it or `MANAGED_IDENTITY_CLIENT_ID`, not both",
    secret: true,
    schema: text,
  }),
  MANAGED_IDENTITY_CLIENT_ID: setting({
    name: 'MANAGED_IDENTITY_CLIENT_ID',
    applies: 'teams',
    defaultText: 'empty',
    summary:
      'client id of a user-assigned managed identity that a federated credential on the app registration trusts: the bot proves who it is without a secret (instead of `MicrosoftAppPassword`)',
    schema: guid('a managed identity client id'),
  }),
  MicrosoftAppType: setting({
    name: 'MicrosoftAppType',
    applies: 'teams',
    defaultText: '`SingleTenant`',
    summary: '`SingleTenant` (Azure creates only these since July 2025) or `MultiTenant`',
    schema: oneOf(
      APP_TYPES,
      'SingleTenant',
      `${APP_TYPES.join(' or ')} (Teams SSO needs an app registration, so UserAssignedMsi cannot be used; see MANAGED_IDENTITY_CLIENT_ID)`,
    ),
  }),
  MicrosoftAppTenantId: setting({
    name: 'MicrosoftAppTenantId',
    applies: 'teams',
    defaultText: 'empty',
    summary: "the app registration's tenant; required for `SingleTenant`",
    schema: guid('a tenant id'),
  }),
  ToBotFromChannelOpenIdMetadataUrl: setting({
    name: 'ToBotFromChannelOpenIdMetadataUrl',
    applies: 'teams',
    defaultText: "Bot Framework's public cloud",
    summary:
      "where the signing keys of inbound Bot Framework tokens are published (botbuilder's own key; change only for another cloud)",
    schema: url('e.g. https://login.botframework.com/v1/.well-known/openidconfiguration'),
  }),
  GRAPH_BASE_URL: setting({
    name: 'GRAPH_BASE_URL',
    applies: 'always',
    defaultText: 'simulator (local), `https://graph.microsoft.com/v1.0` (Teams)',
    summary:
      'Graph root with its version; in local mode e.g. `http://127.0.0.1:4010/v1.0`. The bearer token is sent over plain http too',
    schema: url('e.g. https://graph.microsoft.com/v1.0'),
  }),
  GRAPH_TIMEOUT_MS: setting({
    name: 'GRAPH_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`10000`',
    summary:
      'how long one Graph request may take before it is abandoned (a sync whose answer is lost is reported as unknown, never sent again)',
    schema: integer(10_000, 100, 60_000, 'milliseconds from 100 to 60000, e.g. 10000'),
  }),
  LOCAL_GRAPH_TOKEN: setting({
    name: 'LOCAL_GRAPH_TOKEN',
    applies: 'local',
    defaultText: '`local-dev-token`',
    summary: 'local mode only: the bearer token sent to Graph for every user',
    secret: true,
    schema: text,
  }),
  OAUTH_CONNECTION_NAME: setting({
    name: 'OAUTH_CONNECTION_NAME',
    applies: 'always',
    defaultText: 'empty',
    summary:
      'the Azure Bot OAuth connection for Teams single sign-on: required with an app id; in local mode it switches SSO on instead of `LOCAL_GRAPH_TOKEN`',
    schema: text,
  }),
  OAuthUrl: setting({
    name: 'OAuthUrl',
    applies: 'local',
    defaultText: 'empty',
    summary: "local mode only: botbuilder's token service URL, to test SSO against a loopback token service",
    schema: url('e.g. http://127.0.0.1:4011'),
  }),
  ALLOWED_TENANT_IDS: setting({
    name: 'ALLOWED_TENANT_IDS',
    applies: 'always',
    defaultText: '`MicrosoftAppTenantId` (Teams), any (local)',
    summary:
      'comma-separated tenant ids whose activities the bot serves; others are refused with nothing done. Teams mode refuses to start without it or a tenant id',
    schema: guidList,
  }),
} as const;
