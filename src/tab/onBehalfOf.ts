import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  ManagedIdentityApplication,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import type { AppCredential } from '../config';
import { AppError } from '../errors';
import type { TabUser } from './tabToken';

/** The one delegated permission the bot needs, for the connectors and their sync. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/DeviceManagementServiceConfig.ReadWrite.All';

/** Entra would not give a Graph token for this user: consent is missing (the page offers it) or the exchange failed. */
export class OnBehalfOfError extends AppError<'TAB_CONSENT_REQUIRED' | 'TAB_SIGN_IN_FAILED'> {
  constructor(consent: boolean, cause: unknown) {
    super(
      consent ? 'TAB_CONSENT_REQUIRED' : 'TAB_SIGN_IN_FAILED',
      consent ? 'consent required' : 'on-behalf-of exchange failed',
      { cause },
    );
  }
}

export interface OnBehalfOfOptions {
  appId: string;
  credential: AppCredential;
  authorityHost: string;
  /** How msal-node reaches Entra; default: its own HTTP client. Tests trust their loopback certificate through it. */
  networkClient?: INetworkModule;
  now?: () => number;
  /** Users whose Graph token is kept; the oldest is dropped first. */
  maxUsers?: number;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** A token within this margin of its expiry is renewed rather than used. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Graph tokens for dashboard users, obtained on their behalf from their Teams SSO token (OAuth 2.0 on-behalf-of,
 * `@azure/msal-node`), so every Graph call from the tab carries the user's own delegated token, as the bot's do.
 * The app proves who it is with its client secret or, without a secret, with an assertion from its managed identity
 * (the federated credential). Tokens are kept in memory per user until shortly before they expire.
 */
export class OnBehalfOf {
  private readonly clients = new Map<string, ConfidentialClientApplication>();
  private readonly cache = new Map<string, Cached>();
  private readonly now: () => number;
  private readonly assertion: (() => Promise<string>) | null;

  constructor(private readonly options: OnBehalfOfOptions) {
    this.now = options.now ?? Date.now;
    const { credential } = options;
    if (credential.kind === 'federated') {
      const identity = new ManagedIdentityApplication({
        managedIdentityIdParams: { userAssignedClientId: credential.managedIdentityClientId },
      });
      this.assertion = async () =>
        (await identity.acquireToken({ resource: 'api://AzureADTokenExchange' })).accessToken;
    } else this.assertion = null;
  }

  async graphToken(user: TabUser): Promise<string> {
    const key = `${user.tid}/${user.oid}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.now()) return cached.token;
    let result;
    try {
      result = await this.clientFor(user.tid).acquireTokenOnBehalfOf({
        oboAssertion: user.token,
        scopes: [GRAPH_SCOPE],
      });
    } catch (error) {
      throw new OnBehalfOfError(error instanceof InteractionRequiredAuthError, error);
    }
    if (!result?.accessToken) throw new OnBehalfOfError(false, new Error('Entra answered without a token'));
    this.remember(key, {
      token: result.accessToken,
      expiresAt: result.expiresOn?.getTime() ?? this.now() + 10 * 60_000,
    });
    return result.accessToken;
  }

  private remember(key: string, entry: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    const max = this.options.maxUsers ?? 1_000;
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= max) break;
      this.cache.delete(oldest);
    }
  }

  /** One msal client per tenant, configured so that it needs no discovery request: the endpoints are known. */
  private clientFor(tenantId: string): ConfidentialClientApplication {
    let client = this.clients.get(tenantId);
    if (client) return client;
    const { authorityHost, appId, credential } = this.options;
    const authority = `${authorityHost}/${tenantId}`;
    const host = new URL(authorityHost).host;
    const configuration: Configuration = {
      auth: {
        clientId: appId,
        authority,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify({
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          issuer: `${authority}/v2.0`,
          jwks_uri: `${authorityHost}/common/discovery/v2.0/keys`,
        }),
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        }),
        ...(credential.kind === 'secret'
          ? { clientSecret: credential.password }
          : { clientAssertion: () => this.assertion!() }),
      },
      ...(this.options.networkClient ? { system: { networkClient: this.options.networkClient } } : {}),
    };
    client = new ConfidentialClientApplication(configuration);
    this.clients.set(tenantId, client);
    return client;
  }
}
