import { AppError } from '../errors';
import { channelsOf, httpLimits } from './limits';
import { storageMode } from './storageMode';
import type { BotIdentity, Config, DashboardConfig, GraphTarget, TokenMode } from './config';
import { SETTINGS, SETTING_NAMES, type SettingName, type SettingValues } from './settings';

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_LOCAL_GRAPH_TOKEN = 'local-dev-token';
export const TEAMS_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** Bot Framework's public-cloud OpenID metadata (botbuilder's AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl). */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

/** Settings that only make sense with an app id: set without one, they mean a misspelt or forgotten MicrosoftAppId. */
const TEAMS_ONLY: readonly SettingName[] = [
  'MicrosoftAppPassword',
  'MANAGED_IDENTITY_CLIENT_ID',
  'MicrosoftAppTenantId',
];

export class ConfigError extends AppError<'CONFIG_INVALID'> {
  constructor(readonly problems: string[]) {
    super(
      'CONFIG_INVALID',
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/**
 * The bot's whole configuration from one environment object, validated at once: every problem is collected and
 * thrown together, each with what to set instead. Empty values count as unset. Pure: tests pass any object.
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [...misspelt(env)];
  const values = parseAll(env, problems);
  // An app id that is set but malformed still means Teams mode: its problem is listed with the other Teams checks.
  const local = (env.MicrosoftAppId ?? '').trim() === '';

  const host = values.HOST || (local ? '127.0.0.1' : '0.0.0.0');
  if (local && !isLoopback(host)) {
    problems.push(
      `HOST="${host}" is not a loopback address. Local mode has no inbound authentication, so it listens on this machine only (127.0.0.1 or ::1); set MicrosoftAppId to run on other interfaces`,
    );
  }
  if (local) {
    for (const name of TEAMS_ONLY) {
      if (values[name] !== '')
        problems.push(
          `${name} is set but MicrosoftAppId is empty: set MicrosoftAppId (exact spelling) for Teams mode, or remove ${name} for local mode`,
        );
    }
  }

  const bot = local ? localIdentity(values) : teamsIdentity(values, problems);
  const graph = graphTarget(values, local, problems);
  const tokens = tokenMode(values, local, problems);
  const storage = storageMode(values, local, problems);
  const allowedTenantIds =
    values.ALLOWED_TENANT_IDS.length > 0 || bot.kind === 'local' || !bot.tenantId
      ? values.ALLOWED_TENANT_IDS
      : [bot.tenantId.toLowerCase()];
  if (!local && allowedTenantIds.length === 0) {
    problems.push(
      'ALLOWED_TENANT_IDS is required in Teams mode (or MicrosoftAppTenantId, which it then defaults to): the tenants whose users may use the bot',
    );
  }

  const dashboard = dashboardConfig(values, bot, tokens, problems);
  const http = httpLimits(values, problems);
  const allowedChannelIds = local ? [] : channelsOf(values);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: values.PORT,
    host,
    logLevel: values.LOG_LEVEL || 'info',
    bot: Object.freeze(bot),
    graph: Object.freeze(graph),
    graphTimeoutMs: values.GRAPH_TIMEOUT_MS,
    tokens: Object.freeze(tokens),
    storage: Object.freeze(storage),
    storageTimeoutMs: values.STORAGE_TIMEOUT_MS,
    botFrameworkTimeoutMs: values.BOT_FRAMEWORK_TIMEOUT_MS,
    allowedTenantIds: Object.freeze([...allowedTenantIds]),
    confirmationTtlMs: values.CONFIRMATION_TTL_SECONDS * 1000,
    connectorCacheMs: values.CONNECTOR_CACHE_SECONDS * 1000,
    answerDeadlineMs: values.CARD_ANSWER_DEADLINE_MS,
    dashboard: Object.freeze(dashboard),
    watch: Object.freeze({
      intervalMs: values.SYNC_WATCH_INTERVAL_SECONDS * 1000,
      windowMs: values.SYNC_WATCH_MINUTES * 60_000,
      cooldownMs: values.SYNC_COOLDOWN_MINUTES * 60_000,
    }),
    alerts: Object.freeze({
      intervalMs: values.ALERT_INTERVAL_SECONDS * 1000,
      staleMs: values.ALERT_STALE_HOURS * 3_600_000,
      staleOnPremises: values.ALERT_STALE_ON_PREMISES === 'true',
    }),
    http: Object.freeze(http),
    allowedChannelIds: Object.freeze(allowedChannelIds),
    telemetry: values.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? Object.freeze({
          connectionString: values.APPLICATIONINSIGHTS_CONNECTION_STRING,
          managedIdentityClientId: values.AZURE_CLIENT_ID || null,
        })
      : null,
  });
}

/** `MicrosoftAppID` is not `MicrosoftAppId`: a near miss would silently start local mode, so it is an error. */
function misspelt(env: Env): string[] {
  const byLowerCase = new Map(SETTING_NAMES.map((name) => [name.toLowerCase(), name]));
  return Object.keys(env).flatMap((key) => {
    const meant = byLowerCase.get(key.toLowerCase());
    return meant && meant !== key && (env[key] ?? '').trim() !== ''
      ? [`${key} is not a setting (names are case-sensitive): did you mean ${meant}?`]
      : [];
  });
}

function parseAll(env: Env, problems: string[]): SettingValues {
  const values: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const spec = SETTINGS[name];
    const raw = (env[name] ?? '').trim();
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = spec.secret ? '(hidden)' : `"${raw}"`;
      problems.push(`${name}=${shown} ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      values[name] = spec.schema.safeParse('').data ?? '';
    }
  }
  return values as SettingValues;
}

function localIdentity(values: SettingValues): BotIdentity {
  return { kind: 'local', oauthUrl: values.OAuthUrl ? values.OAuthUrl.href.replace(/\/$/, '') : null };
}

function teamsIdentity(values: SettingValues, problems: string[]): BotIdentity {
  const appType = values.MicrosoftAppType || 'SingleTenant';
  const federated = values.MANAGED_IDENTITY_CLIENT_ID;
  if (!values.MicrosoftAppPassword && !federated) {
    problems.push(
      'MicrosoftAppPassword or MANAGED_IDENTITY_CLIENT_ID is required when MicrosoftAppId is set (a client secret, or a managed identity that a federated credential on the app registration trusts)',
    );
  }
  if (values.MicrosoftAppPassword && federated) {
    problems.push(
      'MicrosoftAppPassword and MANAGED_IDENTITY_CLIENT_ID are both set: choose one way for the bot to prove who it is (remove the secret when the federated credential is in place)',
    );
  }
  if (appType === 'SingleTenant' && !values.MicrosoftAppTenantId) {
    problems.push(
      "MicrosoftAppTenantId is required for MicrosoftAppType=SingleTenant (the app registration's directory id)",
    );
  }
  const metadata = values.ToBotFromChannelOpenIdMetadataUrl;
  if (
    metadata &&
    metadata.protocol !== 'https:' &&
    !(metadata.protocol === 'http:' && isLoopback(metadata.hostname.replace(/^\[|\]$/g, '')))
  ) {
    problems.push(
      `ToBotFromChannelOpenIdMetadataUrl="${metadata.href}" must use https: the keys it names decide who may talk to the bot (plain http only on loopback, for tests)`,
    );
  }
  if (values.OAuthUrl) {
    problems.push(
      "OAuthUrl is for local tests against a loopback token service; remove it when MicrosoftAppId is set (setting it drops botbuilder's public-cloud defaults)",
    );
  }
  return {
    kind: 'teams',
    appId: values.MicrosoftAppId,
    appType,
    tenantId: values.MicrosoftAppTenantId,
    credential: federated
      ? { kind: 'federated', managedIdentityClientId: federated }
      : { kind: 'secret', password: values.MicrosoftAppPassword },
    openIdMetadataUrl: values.ToBotFromChannelOpenIdMetadataUrl?.href ?? BOT_FRAMEWORK_OPENID_METADATA_URL,
  };
}

function graphTarget(values: SettingValues, local: boolean, problems: string[]): GraphTarget {
  const url = values.GRAPH_BASE_URL;
  if (!url) return local ? { kind: 'embeddedSimulator' } : { kind: 'url', baseUrl: TEAMS_GRAPH_BASE_URL };
  if (!/^\/(v1\.0|beta)\/?$/.test(url.pathname)) {
    problems.push(
      `GRAPH_BASE_URL="${url.href}" must be a Graph root ending in /v1.0 or /beta, e.g. http://127.0.0.1:4010/v1.0`,
    );
  }
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    problems.push(
      `GRAPH_BASE_URL="${url.href}" must use https when MicrosoftAppId is set (plain http is for local simulators only)`,
    );
  }
  return { kind: 'url', baseUrl: url.href.replace(/\/$/, '') };
}

function tokenMode(values: SettingValues, local: boolean, problems: string[]): TokenMode {
  const connectionName = values.OAUTH_CONNECTION_NAME;
  if (connectionName) return { kind: 'sso', connectionName };
  if (!local)
    problems.push(
      'OAUTH_CONNECTION_NAME is required when MicrosoftAppId is set: the Azure Bot OAuth connection used for Teams single sign-on',
    );
  return { kind: 'localToken', token: values.LOCAL_GRAPH_TOKEN || DEFAULT_LOCAL_GRAPH_TOKEN };
}

function dashboardConfig(
  values: SettingValues,
  bot: BotIdentity,
  tokens: TokenMode,
  problems: string[],
): DashboardConfig {
  const authority = values.ENTRA_AUTHORITY_HOST;
  if (authority && authority.protocol !== 'https:')
    problems.push(`ENTRA_AUTHORITY_HOST="${authority.href}" must use https`);
  if (bot.kind === 'local') {
    return tokens.kind === 'localToken'
      ? { kind: 'local', token: tokens.token }
      : { kind: 'notConfigured', reason: 'local mode with SSO: the dashboard uses LOCAL_GRAPH_TOKEN' };
  }
  if (!values.BOT_DOMAIN) return { kind: 'notConfigured', reason: 'BOT_DOMAIN is not set' };
  return {
    kind: 'teams',
    appId: bot.appId,
    domain: values.BOT_DOMAIN,
    tenantId: bot.tenantId,
    credential: bot.credential,
    authorityHost: authority?.origin ?? DEFAULT_AUTHORITY_HOST,
    teamsAppId: values.TEAMS_APP_ID || bot.appId,
    deepLinkAppId: values.TEAMS_APP_CATALOG_ID || values.TEAMS_APP_ID || bot.appId,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
