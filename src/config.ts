/**
 * All configuration, read from one environment object and validated at once. The only module that knows the
 * names of environment variables; everything else receives a frozen Config.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMsi'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const DEFAULT_LOCAL_GRAPH_TOKEN = 'local-dev-token';
export const TEAMS_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Where Graph is. */
export type GraphTarget =
  /** Local mode without GRAPH_BASE_URL: the bot starts its own simulator. */
  | { kind: 'embeddedSimulator' }
  /** GRAPH_BASE_URL, or real Graph in Teams mode. */
  | { kind: 'url'; baseUrl: string };

/** Where each user's Graph token comes from. */
export type TokenMode =
  /** Local mode without OAUTH_CONNECTION_NAME: one development token for everybody. */
  | { kind: 'localToken'; token: string }
  /** Teams single sign-on through the Bot Framework token service and this OAuth connection. */
  | { kind: 'sso'; connectionName: string };

/** Where confirmations, pending sign-ins and the SSO dedupe live. Blob storage lets several instances share them. */
export type StorageMode = { kind: 'memory' } | { kind: 'blob'; connectionString: string; container: string };

export interface BotIdentity {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: AppType;
  MicrosoftAppTenantId: string;
  /** botbuilder's token service URL; only ever set in local mode, to reach a loopback token service. */
  OAuthUrl?: string;
}

export interface Config {
  /** Local mode: no app id, inbound authentication disabled. */
  local: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  bot: BotIdentity;
  graph: GraphTarget;
  tokens: TokenMode;
  storage: StorageMode;
  /** Tenants whose activities the bot serves; empty = any tenant (local mode's default). */
  allowedTenantIds: readonly string[];
  confirmationTtlMs: number;
  connectorCacheMs: number;
  /** A click waits this long for Graph before the card says "sending" and is updated afterwards. */
  answerDeadlineMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const value = (key: string): string => (env[key] ?? '').trim();

  const appId = value('MicrosoftAppId');
  const local = appId === '';

  const port = integer(value('PORT'), 3978, 0, 65535, 'PORT', 'a TCP port from 0 to 65535, e.g. PORT=3978', problems);
  const host = value('HOST') || (local ? '127.0.0.1' : '0.0.0.0');

  const logLevel = (value('LOG_LEVEL') || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL="${value('LOG_LEVEL')}" is not a level; use one of ${LOG_LEVELS.join(', ')}`);
  }

  const appTypeRaw = value('MicrosoftAppType') || 'MultiTenant';
  const appType = APP_TYPES.find((type) => type.toLowerCase() === appTypeRaw.toLowerCase());
  if (!appType) problems.push(`MicrosoftAppType="${appTypeRaw}" is not valid; use ${APP_TYPES.join(', ')}`);

  const ttlSeconds = integer(value('CONFIRMATION_TTL_SECONDS'), 600, 5, 86_400, 'CONFIRMATION_TTL_SECONDS', 'seconds from 5 to 86400, e.g. 600', problems);
  const answerDeadlineMs = integer(value('CARD_ANSWER_DEADLINE_MS'), 3_000, 100, 4_500, 'CARD_ANSWER_DEADLINE_MS', 'milliseconds from 100 to 4500 (Teams allows an invoke about 5 s), e.g. 3000', problems);
  const cacheSeconds = integer(value('CONNECTOR_CACHE_SECONDS'), 60, 0, 3_600, 'CONNECTOR_CACHE_SECONDS', 'seconds from 0 to 3600, e.g. 60', problems);

  const graphBaseUrl = value('GRAPH_BASE_URL');
  if (graphBaseUrl) checkGraphBaseUrl(graphBaseUrl, local, problems);

  const oauthUrl = value('OAuthUrl');
  const connectionName = value('OAUTH_CONNECTION_NAME');
  if (oauthUrl && !local) {
    problems.push('OAuthUrl is for local tests against a loopback token service; remove it when MicrosoftAppId is set (setting it drops botbuilder\'s public-cloud defaults)');
  }
  const bot: BotIdentity = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: value('MicrosoftAppPassword'),
    MicrosoftAppType: appType ?? 'MultiTenant',
    MicrosoftAppTenantId: value('MicrosoftAppTenantId'),
    ...(oauthUrl && local ? { OAuthUrl: oauthUrl } : {}),
  };

  let graph: GraphTarget;
  let tokens: TokenMode;
  if (local) {
    graph = graphBaseUrl ? { kind: 'url', baseUrl: graphBaseUrl } : { kind: 'embeddedSimulator' };
    tokens = connectionName
      ? { kind: 'sso', connectionName }
      : { kind: 'localToken', token: value('LOCAL_GRAPH_TOKEN') || DEFAULT_LOCAL_GRAPH_TOKEN };
  } else {
    if (bot.MicrosoftAppType !== 'UserAssignedMsi' && !bot.MicrosoftAppPassword) {
      problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set (the client secret of the bot\'s app registration)');
    }
    if (bot.MicrosoftAppType !== 'MultiTenant' && !bot.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId is required for MicrosoftAppType=${bot.MicrosoftAppType} (your Entra tenant id)`);
    }
    if (!connectionName) {
      problems.push('OAUTH_CONNECTION_NAME is required when MicrosoftAppId is set: the Azure Bot OAuth connection used for Teams single sign-on');
    }
    graph = { kind: 'url', baseUrl: graphBaseUrl || TEAMS_GRAPH_BASE_URL };
    tokens = { kind: 'sso', connectionName };
  }

  const storage = storageMode(value, problems);
  const allowedTenantIds = value('ALLOWED_TENANT_IDS')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    local,
    port,
    host,
    logLevel: logLevel as LogLevel,
    bot: Object.freeze(bot),
    graph: Object.freeze(graph),
    tokens: Object.freeze(tokens),
    storage: Object.freeze(storage),
    allowedTenantIds: Object.freeze(allowedTenantIds),
    confirmationTtlMs: ttlSeconds * 1000,
    connectorCacheMs: cacheSeconds * 1000,
    answerDeadlineMs,
  });
}

function storageMode(value: (key: string) => string, problems: string[]): StorageMode {
  const kind = (value('BOT_STORAGE') || 'memory').toLowerCase();
  if (kind === 'memory') return { kind: 'memory' };
  if (kind !== 'blob') {
    problems.push(`BOT_STORAGE="${value('BOT_STORAGE')}" is not valid; use memory (one instance) or blob (Azure Blob Storage, several instances)`);
    return { kind: 'memory' };
  }
  const connectionString = value('AZURE_STORAGE_CONNECTION_STRING');
  if (!connectionString) problems.push('AZURE_STORAGE_CONNECTION_STRING is required when BOT_STORAGE=blob (the storage account\'s connection string)');
  const container = value('AZURE_STORAGE_CONTAINER') || 'botstate';
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    problems.push(`AZURE_STORAGE_CONTAINER="${container}" is not a valid container name (3-63 lower-case letters, digits and single hyphens)`);
  }
  return { kind: 'blob', connectionString, container };
}

function integer(raw: string, fallback: number, min: number, max: number, key: string, hint: string, problems: string[]): number {
  if (raw === '') return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${key}="${raw}" is not valid; use ${hint}`);
    return fallback;
  }
  return parsed;
}

function checkGraphBaseUrl(raw: string, local: boolean, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`GRAPH_BASE_URL="${raw}" is not a URL; use e.g. https://graph.microsoft.com/v1.0`);
    return;
  }
  if (!/^\/(v1\.0|beta)\/?$/.test(url.pathname)) {
    problems.push(`GRAPH_BASE_URL="${raw}" must be a Graph root ending in /v1.0 or /beta, e.g. http://127.0.0.1:4010/v1.0`);
  }
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    problems.push(`GRAPH_BASE_URL="${raw}" must use https when MicrosoftAppId is set (plain http is for local simulators only)`);
  }
}
