import { z } from 'zod';

/**
 * Every setting the bot and its scripts read, declared once. The validator (loadConfig), `.env.example` and the
 * README's configuration table are all checked against this list by a test, so none of them can drift.
 */
export type Applies = 'always' | 'local' | 'teams' | 'package';

export interface SettingSpec<T = unknown> {
  readonly name: string;
  /** Where the setting matters: both modes, local mode only, Teams mode only, or `npm run package` only. */
  readonly applies: Applies;
  /** The README's "Default" column, word for word. */
  readonly defaultText: string;
  /** The README's "Meaning" column, word for word. */
  readonly summary: string;
  /** Never printed, logged or echoed in an error message. */
  readonly secret?: boolean;
  /** Parses the trimmed raw value ('' = unset). A failure's message says what to set instead. */
  readonly schema: z.ZodType<T, z.ZodTypeDef, string>;
}

function setting<T>(spec: SettingSpec<T>): SettingSpec<T> {
  return spec;
}

const text = z.string();

function integer(fallback: number, min: number, max: number, hint: string): z.ZodType<number, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    context.addIssue({ code: z.ZodIssueCode.custom, message: `use ${hint}` });
    return z.NEVER;
  });
}

function oneOf<const T extends string>(values: readonly T[], fallback: T | '', hint: string): z.ZodType<T | '', z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return fallback;
    const match = values.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (match) return match;
    context.addIssue({ code: z.ZodIssueCode.custom, message: `use ${hint}` });
    return z.NEVER;
  });
}

function url(hint: string): z.ZodType<URL | null, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return null;
    try {
      return new URL(raw);
    } catch {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `is not a URL; use ${hint}` });
      return z.NEVER;
    }
  });
}

/** A value that must match `pattern` (after the fallback for an empty value); `problem` says what to set instead. */
function matching(pattern: RegExp, fallback: string, problem: string): z.ZodType<string, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    const value = raw || fallback;
    if (pattern.test(value)) return value;
    context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    return z.NEVER;
  });
}

const guidList = z.string().transform((raw) =>
  raw
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean),
);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_TYPES = ['SingleTenant', 'MultiTenant'] as const;

export const SETTINGS = {
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
    schema: text,
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
    summary: 'the bot\'s Entra app id; **empty = local mode** (no inbound auth, simulator, development token)',
    schema: text,
  }),
  MicrosoftAppPassword: setting({
    name: 'MicrosoftAppPassword',
    applies: 'teams',
    defaultText: 'empty',
    summary: 'the app\'s client secret (in Azure a Key Vault reference); Teams mode needs it or `MANAGED_IDENTITY_CLIENT_ID`, not both',
    secret: true,
    schema: text,
  }),
  MANAGED_IDENTITY_CLIENT_ID: setting({
    name: 'MANAGED_IDENTITY_CLIENT_ID',
    applies: 'teams',
    defaultText: 'empty',
    summary: 'client id of a user-assigned managed identity that a federated credential on the app registration trusts: the bot proves who it is without a secret (instead of `MicrosoftAppPassword`)',
    schema: text,
  }),
  MicrosoftAppType: setting({
    name: 'MicrosoftAppType',
    applies: 'teams',
    defaultText: '`SingleTenant`',
    summary: '`SingleTenant` (Azure creates only these since July 2025) or `MultiTenant`',
    schema: oneOf(APP_TYPES, 'SingleTenant', `${APP_TYPES.join(' or ')} (Teams SSO needs an app registration, so UserAssignedMsi cannot be used; see MANAGED_IDENTITY_CLIENT_ID)`),
  }),
  MicrosoftAppTenantId: setting({
    name: 'MicrosoftAppTenantId',
    applies: 'teams',
    defaultText: 'empty',
    summary: 'the app registration\'s tenant; required for `SingleTenant`',
    schema: text,
  }),
  ToBotFromChannelOpenIdMetadataUrl: setting({
    name: 'ToBotFromChannelOpenIdMetadataUrl',
    applies: 'teams',
    defaultText: 'Bot Framework\'s public cloud',
    summary: 'where the signing keys of inbound Bot Framework tokens are published (botbuilder\'s own key; change only for another cloud)',
    schema: url('e.g. https://login.botframework.com/v1/.well-known/openidconfiguration'),
  }),
  GRAPH_BASE_URL: setting({
    name: 'GRAPH_BASE_URL',
    applies: 'always',
    defaultText: 'simulator (local), `https://graph.microsoft.com/v1.0` (Teams)',
    summary: 'Graph root with its version; in local mode e.g. `http://127.0.0.1:4010/v1.0`. The bearer token is sent over plain http too',
    schema: url('e.g. https://graph.microsoft.com/v1.0'),
  }),
  GRAPH_TIMEOUT_MS: setting({
    name: 'GRAPH_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`10000`',
    summary: 'how long one Graph request may take before it is abandoned (a sync whose answer is lost is reported as unknown, never sent again)',
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
    summary: 'the Azure Bot OAuth connection for Teams single sign-on: required with an app id; in local mode it switches SSO on instead of `LOCAL_GRAPH_TOKEN`',
    schema: text,
  }),
  OAuthUrl: setting({
    name: 'OAuthUrl',
    applies: 'local',
    defaultText: 'empty',
    summary: 'local mode only: botbuilder\'s token service URL, to test SSO against a loopback token service',
    schema: url('e.g. http://127.0.0.1:4011'),
  }),
  ALLOWED_TENANT_IDS: setting({
    name: 'ALLOWED_TENANT_IDS',
    applies: 'always',
    defaultText: '`MicrosoftAppTenantId` (Teams), any (local)',
    summary: 'comma-separated tenant ids whose activities the bot serves; others are refused with nothing done. Teams mode refuses to start without it or a tenant id',
    schema: guidList,
  }),
  BOT_STORAGE: setting({
    name: 'BOT_STORAGE',
    applies: 'always',
    defaultText: '`memory`',
    summary: '`memory` (one instance) or `blob` (Azure Blob Storage: confirmations, sign-ins, audit and the SSO dedupe shared by every instance)',
    schema: oneOf(['memory', 'blob'] as const, 'memory', 'memory (one instance) or blob (Azure Blob Storage, several instances)'),
  }),
  AZURE_STORAGE_CONNECTION_STRING: setting({
    name: 'AZURE_STORAGE_CONNECTION_STRING',
    applies: 'always',
    defaultText: 'empty',
    summary: 'with `BOT_STORAGE=blob`: a connection string (Azurite, development); in Azure use `AZURE_STORAGE_ACCOUNT_URL`',
    secret: true,
    schema: text,
  }),
  AZURE_STORAGE_ACCOUNT_URL: setting({
    name: 'AZURE_STORAGE_ACCOUNT_URL',
    applies: 'always',
    defaultText: 'empty',
    summary: 'with `BOT_STORAGE=blob`: the account\'s blob endpoint, e.g. `https://<account>.blob.core.windows.net`, reached with a managed identity (no key); exactly one of this and the connection string',
    schema: url('e.g. https://myaccount.blob.core.windows.net'),
  }),
  AZURE_CLIENT_ID: setting({
    name: 'AZURE_CLIENT_ID',
    applies: 'always',
    defaultText: 'empty',
    summary: 'with `AZURE_STORAGE_ACCOUNT_URL`: client id of the user-assigned managed identity that reaches storage (empty: the system-assigned identity or a developer sign-in, as `@azure/identity` finds)',
    schema: text,
  }),
  AZURE_STORAGE_CONTAINER: setting({
    name: 'AZURE_STORAGE_CONTAINER',
    applies: 'always',
    defaultText: '`botstate`',
    summary: 'the blob container (created on first use)',
    schema: matching(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'botstate', 'is not a valid container name; use 3-63 lower-case letters, digits and single hyphens'),
  }),
  STORAGE_TIMEOUT_MS: setting({
    name: 'STORAGE_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`2000`',
    summary: 'how long one storage request may take; after that the user is told storage is unavailable and nothing is sent',
    schema: integer(2_000, 50, 10_000, 'milliseconds from 50 to 10000, e.g. 2000'),
  }),
  BOT_FRAMEWORK_TIMEOUT_MS: setting({
    name: 'BOT_FRAMEWORK_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`5000`',
    summary: 'how long one call to the Bot Connector (replies, card updates) or the token service may take; each is tried once',
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
    summary: 'how long a user\'s connector list is reused to resolve names (`list connectors` is always fresh; an unknown name refreshes it)',
    schema: integer(60, 0, 3_600, 'seconds from 0 to 3600, e.g. 60'),
  }),
  CARD_ANSWER_DEADLINE_MS: setting({
    name: 'CARD_ANSWER_DEADLINE_MS',
    applies: 'always',
    defaultText: '`3000`',
    summary: 'how long a click waits for its outcome; after that the card says "sending" and is updated when Graph answers',
    schema: integer(3_000, 50, 3_500, 'milliseconds from 50 to 3500 (Teams allows an invoke about 5 s), e.g. 3000'),
  }),
  SYNC_WATCH_INTERVAL_SECONDS: setting({
    name: 'SYNC_WATCH_INTERVAL_SECONDS',
    applies: 'always',
    defaultText: '`30`',
    summary: 'after Graph accepts a sync, how often the bot asks Graph whether Intune reported it (one request per connector per interval, whoever watches)',
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
    summary: 'a sync asked for within this long after another of the same connector (or while one is followed) gets a card that says so, with "Sync again anyway"',
    schema: integer(10, 0, 1_440, 'whole minutes from 0 to 1440, e.g. 10'),
  }),
  APPLICATIONINSIGHTS_CONNECTION_STRING: setting({
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    applies: 'always',
    defaultText: 'empty (no telemetry)',
    summary: 'sends request, dependency and log telemetry to Application Insights (`@azure/monitor-opentelemetry`); query strings, tokens and message text are left out',
    secret: true,
    schema: text,
  }),
  BOT_DOMAIN: setting({
    name: 'BOT_DOMAIN',
    applies: 'teams',
    defaultText: 'empty',
    summary: 'the bot\'s host name, e.g. `connector-sync.azurewebsites.net`: the dashboard tab accepts sign-in tokens for `api://<BOT_DOMAIN>/botid-<app id>` (without it the tab says it is not configured); `npm run package` puts it in the manifest',
    schema: matching(/^$|^[a-z0-9.-]+(:\d+)?$/i, '', 'is not a host name; use the name alone, without https:// or a path, e.g. connector-sync.azurewebsites.net'),
  }),
  ENTRA_AUTHORITY_HOST: setting({
    name: 'ENTRA_AUTHORITY_HOST',
    applies: 'teams',
    defaultText: '`https://login.microsoftonline.com`',
    summary: 'Microsoft Entra\'s sign-in host: the dashboard tab checks tokens against its published keys and asks it for Graph tokens on behalf of the user (change only for another cloud)',
    schema: url('e.g. https://login.microsoftonline.com'),
  }),
  TEAMS_APP_ID: setting({
    name: 'TEAMS_APP_ID',
    applies: 'teams',
    defaultText: '`MicrosoftAppId`',
    summary: 'the Teams app id (a GUID): the cards\' "Open dashboard" deep link and `npm run package`',
    schema: text,
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValues = { [K in SettingName]: z.output<(typeof SETTINGS)[K]['schema']> };
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
