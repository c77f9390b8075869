import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';
import { TAB_CLIENT_APP_IDS } from './clientApps';

/** Who a dashboard request acts for, with the token that proves it (kept for the on-behalf-of exchange only). */
export interface TabUser {
  oid: string;
  tid: string;
  name: string;
  /** The Teams SSO token: exchanged for a Graph token, never stored, never logged. */
  token: string;
}

/** Why a request was refused: 401 (no valid token) or 403 (a valid token that may not use this API). */
export class TabAuthError extends AppError<'TAB_UNAUTHORIZED' | 'TAB_FORBIDDEN'> {
  constructor(
    readonly status: 401 | 403,
    /** For the log, never for the caller (who gets a generic body). */
    readonly reason: string,
  ) {
    super(status === 401 ? 'TAB_UNAUTHORIZED' : 'TAB_FORBIDDEN', reason);
  }
}

export interface TabTokenOptions {
  appId: string;
  /** The app's Application ID URI, `api://<domain>/botid-<app id>`: the audience of Teams SSO tokens for the tab. */
  resource: string;
  authorityHost: string;
  allowedTenantIds: readonly string[];
  /** The keys Entra signs with; default: its published key set, fetched and cached by jose. */
  keys?: JWTVerifyGetKey;
}

const SCOPE = 'access_as_user';
const PUBLIC_CLOUD = 'https://login.microsoftonline.com';

/**
 * Checks a Teams SSO token the way Entra's own libraries do, with a maintained JWT library: RS256 signature against
 * Entra's published keys, audience (the Application ID URI for v1 tokens, the app id for v2), issuer of the token's
 * own tenant, expiry, the tenant among ALLOWED_TENANT_IDS, the `access_as_user` scope, and a pre-authorised client.
 */
export class TabTokens {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TabTokenOptions) {
    this.keys =
      options.keys ??
      createRemoteJWKSet(new URL(`${options.authorityHost}/common/discovery/v2.0/keys`), {
        timeoutDuration: 5_000,
        cooldownDuration: 30_000,
        cacheMaxAge: 6 * 3_600_000,
      });
  }

  async verify(authorization: string | undefined): Promise<TabUser> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new TabAuthError(401, 'no bearer token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: [this.options.resource, this.options.appId],
        clockTolerance: 60,
        requiredClaims: ['exp', 'tid', 'oid', 'iss'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new TabAuthError(401, `token refused: ${error.code}`);
      throw error;
    }
    const tid = String(payload.tid).toLowerCase();
    if (!this.issuersOf(tid).includes(String(payload.iss)))
      throw new TabAuthError(401, "token refused: issuer is not the tenant's");
    if (!this.options.allowedTenantIds.includes(tid)) throw new TabAuthError(403, 'tenant not allowed');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(SCOPE)) throw new TabAuthError(403, `token lacks the ${SCOPE} scope`);
    // The client the token was issued to (v2: azp, v1: appid): only the Teams, Microsoft 365 and Outlook clients the
    // app registration pre-authorises; a token another app obtained for this API acts for nobody here.
    const client = typeof payload.azp === 'string' ? payload.azp : (payload as { appid?: unknown }).appid;
    if (typeof client !== 'string' || !TAB_CLIENT_APP_IDS.includes(client.toLowerCase()))
      throw new TabAuthError(403, 'token issued to a client the app does not pre-authorise');
    const name =
      typeof payload.name === 'string'
        ? payload.name
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : '';
    return { oid: String(payload.oid), tid, name, token };
  }

  /** v2 tokens name the authority and tenant; v1 tokens (the default for a custom API) name sts.windows.net. */
  private issuersOf(tid: string): string[] {
    const issuers = [`${this.options.authorityHost}/${tid}/v2.0`];
    if (this.options.authorityHost === PUBLIC_CLOUD) issuers.push(`https://sts.windows.net/${tid}/`);
    return issuers;
  }
}
