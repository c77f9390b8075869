import type { HttpLimits } from '../http/clientLimits';
import type { LogLevel } from './settings';

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

/** Where confirmations, pending sign-ins, audit and the SSO dedupe live. Blob storage lets instances share them. */
export type StorageMode =
  | { kind: 'memory' }
  | { kind: 'blob'; access: StorageAccess; container: string }
  /** Local mode: Azurite's blob service in this process, its data in `dataDir`, reached as blob storage is. */
  | { kind: 'local'; dataDir: string; container: string };

/** How the bot reaches a storage account: a connection string (Azurite, development) or a managed identity (Azure). */
export type StorageAccess =
  | { kind: 'connectionString'; connectionString: string }
  /** `clientId`: a user-assigned identity; empty lets @azure/identity choose (system identity, developer sign-in). */
  | { kind: 'identity'; accountUrl: string; clientId: string };

/** How the bot proves to Bot Framework that it is its app registration. */
export type AppCredential =
  | { kind: 'secret'; password: string }
  /** A federated credential on the app registration trusts this user-assigned managed identity: no secret at all. */
  | { kind: 'federated'; managedIdentityClientId: string };

/** How the bot proves who it is to Bot Framework, and whether inbound requests are authenticated. */
export type BotIdentity =
  /** No app id: inbound authentication is off, so the bot listens on loopback only. */
  | { kind: 'local'; oauthUrl: string | null }
  | {
      kind: 'teams';
      appId: string;
      appType: 'SingleTenant' | 'MultiTenant';
      tenantId: string;
      credential: AppCredential;
      /** Where the signing keys of inbound Bot Framework tokens are published. */
      openIdMetadataUrl: string;
    };

/**
 * The dashboard tab: who the page acts for. Local mode: the person at this machine, with the development token.
 * Teams mode: whoever presents a Teams SSO token for `api://<domain>/botid-<app id>`, with a Graph token obtained on
 * their behalf. Without the domain, Teams mode still runs and the page says the dashboard is not configured.
 */
export type DashboardConfig =
  | { kind: 'local'; token: string }
  | {
      kind: 'teams';
      appId: string;
      domain: string;
      tenantId: string;
      credential: AppCredential;
      authorityHost: string;
      teamsAppId: string;
      /** The id Teams knows the app by (its catalog id once uploaded), for deep links. */
      deepLinkAppId: string;
    }
  | { kind: 'notConfigured'; reason: string };

export interface AlertSettings {
  readonly intervalMs: number;
  readonly staleMs: number;
  readonly staleOnPremises: boolean;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly bot: BotIdentity;
  readonly graph: GraphTarget;
  readonly graphTimeoutMs: number;
  readonly tokens: TokenMode;
  readonly storage: StorageMode;
  readonly storageTimeoutMs: number;
  /** Each call to the Bot Connector or the Bot Framework token service. */
  readonly botFrameworkTimeoutMs: number;
  /** Tenants whose activities the bot serves; empty = any tenant (local mode's default only). */
  readonly allowedTenantIds: readonly string[];
  readonly confirmationTtlMs: number;
  readonly connectorCacheMs: number;
  /** A click waits this long for its outcome before the card says "sending" and is updated afterwards. */
  readonly answerDeadlineMs: number;
  readonly dashboard: DashboardConfig;
  /** Following a sync until Intune reports it, and the cooldown before the next one of the same connector. */
  readonly watch: { readonly intervalMs: number; readonly windowMs: number; readonly cooldownMs: number };
  /** Connector alerts in a conversation: how often, and when a sync counts as stale (0: never). */
  readonly alerts: AlertSettings;
  /** What a client may cost before authentication (HTTP_* settings, RATE_LIMIT_PER_MINUTE, TRUST_FORWARDED_FOR). */
  readonly http: HttpLimits;
  /** Bot Framework channels served; empty = any (local mode). */
  readonly allowedChannelIds: readonly string[];
  /** Application Insights; null = no telemetry. */
  readonly telemetry: {
    connectionString: string;
    /** AZURE_CLIENT_ID: the user-assigned identity the exporter signs in with (a component without local auth). */
    managedIdentityClientId: string | null;
  } | null;
}
