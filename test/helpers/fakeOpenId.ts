import type http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { LoopbackServer } from './loopbackServer';

/**
 * A loopback OpenID metadata endpoint with a signing key the test owns, following the shape Bot Framework and
 * Entra publish: `/.well-known/openidconfiguration` names `jwks_uri`, which lists RSA keys (Bot Framework's carry
 * `endorsements`). `available = false` makes both answer 503, as during an outage.
 */
export class FakeOpenId extends LoopbackServer {
  readonly requests: string[] = [];
  available = true;
  /** While true, requests are held unanswered (a key endpoint that hangs); `release()` answers them. */
  hanging = false;
  /** Overrides the metadata's `jwks_uri` (e.g. an http URL elsewhere). */
  jwksUri: string | null = null;
  private held: Array<() => void> = [];
  readonly kid = 'test-key-1';
  private privateKey!: CryptoKey;
  private jwk!: Record<string, unknown>;
  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push(req.url ?? '');
    if (this.hanging) {
      this.held.push(() => this.answer(req, res));
      return;
    }
    this.answer(req, res);
  }

  /** Answers every held request as the endpoint stands now. */
  release(): void {
    this.hanging = false;
    for (const answer of this.held.splice(0)) answer();
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!this.available) {
      res.writeHead(503);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (req.url?.startsWith('/.well-known/'))
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: this.jwksUri ?? `${this.url}/keys` }));
    else
      res.end(JSON.stringify({ keys: [{ ...this.jwk, kid: this.kid, use: 'sig', endorsements: this.endorsements }] }));
  }

  constructor(private readonly endorsements: string[] = ['msteams']) {
    super();
  }

  /** Where the OpenID metadata is published. */
  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  override async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = privateKey;
    this.jwk = await exportJWK(publicKey);
    return super.start();
  }

  /** The public key as JWK (an attacker can read it too: it is published). */
  get publicJwk(): Record<string, unknown> {
    return this.jwk;
  }

  /** A token signed with the test's private key; `claims` override the defaults of a valid Bot Framework token. */
  sign(
    claims: JWTPayload & { serviceurl?: string },
    options: { kid?: string; expiresIn?: string } = {},
  ): Promise<string> {
    return new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : 'https://api.botframework.com')
      .setAudience(typeof claims.aud === 'string' ? claims.aud : '00000000-0000-0000-0000-000000000b07')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(this.privateKey);
  }
}
