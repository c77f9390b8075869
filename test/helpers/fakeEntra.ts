import type http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { LoopbackServer, bodyOf, type LoopbackCertificate } from './loopbackServer';

/**
 * A loopback Microsoft Entra, HTTPS like the real one (msal-node accepts no other): the published signing keys
 * (`/common/discovery/v2.0/keys`) and the token endpoint's on-behalf-of grant (`/{tenant}/oauth2/v2.0/token`,
 * `urn:ietf:params:oauth:grant-type:jwt-bearer`). It signs the Teams SSO tokens a test hands the tab, and answers an
 * exchange with `graph-token-for-<oid>`, or with Entra's consent error (AADSTS65001) for users in `needConsent`.
 */
export class FakeEntra extends LoopbackServer {
  readonly tokenRequests: Array<Record<string, string>> = [];
  readonly needConsent = new Set<string>();
  private privateKey!: CryptoKey;
  private jwk!: Record<string, unknown>;

  constructor(certificate: LoopbackCertificate) {
    super(certificate);
  }

  override async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = privateKey;
    this.jwk = await exportJWK(publicKey);
    return super.start();
  }

  /** The published key set, as jose reads it (for tests that verify in process). */
  get publicJwks(): { keys: Array<Record<string, unknown>> } {
    return { keys: [{ ...this.jwk, kid: 'entra-test-key', use: 'sig', alg: 'RS256' }] };
  }

  /** A Teams SSO token as Entra issues it for the app's API (v2): `claims` override the defaults. */
  ssoToken(claims: JWTPayload & { tid: string; oid: string; aud: string }, expiresIn = '1h'): Promise<string> {
    // azp: the Teams web client, which the app pre-authorises (as Teams' own tokens name it).
    return new SignJWT({
      scp: 'access_as_user',
      name: 'Ada Admin',
      ver: '2.0',
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-test-key', typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : `${this.url}/${claims.tid}/v2.0`)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/common/discovery/v2.0/keys') return json(200, this.publicJwks);
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      const form = Object.fromEntries(new URLSearchParams((await bodyOf(req)).toString('utf8')));
      this.tokenRequests.push(form);
      const claims = JSON.parse(
        Buffer.from((form.assertion ?? '').split('.')[1] ?? '', 'base64url').toString('utf8') || '{}',
      ) as { oid?: string };
      const oid = claims.oid ?? '';
      if (this.needConsent.has(oid)) {
        return json(400, {
          error: 'invalid_grant',
          error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
          error_codes: [65001],
          suberror: 'consent_required',
        });
      }
      return json(200, {
        token_type: 'Bearer',
        scope: form.scope,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: `graph-token-for-${oid}`,
      });
    }
    return json(404, { error: 'not_found' });
  }
}
