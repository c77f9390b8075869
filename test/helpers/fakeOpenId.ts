import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

/**
 * A loopback OpenID metadata endpoint with a signing key the test owns, following the shape Bot Framework and
 * Entra publish: `/.well-known/openidconfiguration` names `jwks_uri`, which lists RSA keys (Bot Framework's carry
 * `endorsements`). `available = false` makes both answer 503, as during an outage.
 */
export class FakeOpenId {
  readonly requests: string[] = [];
  available = true;
  url = '';
  readonly kid = 'test-key-1';
  private privateKey!: CryptoKey;
  private jwk!: Record<string, unknown>;
  private readonly server = http.createServer((req, res) => {
    this.requests.push(req.url ?? '');
    if (!this.available) {
      res.writeHead(503);
      res.end();
      return;
    }
    const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (req.url?.startsWith('/.well-known/')) res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    else res.end(JSON.stringify({ keys: [{ ...this.jwk, kid: this.kid, use: 'sig', endorsements: this.endorsements }] }));
  });

  constructor(private readonly endorsements: string[] = ['msteams']) {}

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = privateKey;
    this.jwk = await exportJWK(publicKey);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The public key as JWK (an attacker can read it too: it is published). */
  get publicJwk(): Record<string, unknown> {
    return this.jwk;
  }

  /** A token signed with the test's private key; `claims` override the defaults of a valid Bot Framework token. */
  sign(claims: JWTPayload & { serviceurl?: string }, options: { kid?: string; expiresIn?: string } = {}): Promise<string> {
    return new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : 'https://api.botframework.com')
      .setAudience(typeof claims.aud === 'string' ? claims.aud : '00000000-0000-0000-0000-000000000b07')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(this.privateKey);
  }
}
