import { importJWK, type CryptoKey, type JWK } from 'jose';
import { AppError } from '../errors';
import type { Logger } from '../logger';

export interface SigningKey {
  key: CryptoKey;
  /** Channels this key may sign for (Bot Framework "endorsements"); empty = any. */
  endorsements: string[];
}

/** The key endpoint could not be reached or gave nothing usable: requests are answered 503, not 401. */
export class KeysUnavailableError extends AppError<'SIGNING_KEYS_UNAVAILABLE'> {
  constructor(reason: string) {
    super('SIGNING_KEYS_UNAVAILABLE', reason);
  }
}

/** Keys are refreshed daily, as botbuilder does; a token naming a key not seen yet refreshes at most this often. */
const REFRESH_MS = 24 * 60 * 60_000;
const UNKNOWN_KID_REFRESH_MS = 5 * 60_000;
/** Keys older than this are not trusted, whatever the key endpoint does meanwhile: an outage lasts hours, not weeks. */
export const MAX_KEY_AGE_MS = 3 * 24 * 60 * 60_000;
/** While the key endpoint fails, it is asked again at most this often (and never while a request waits). */
const RETRY_MS = 60_000;

/**
 * The signing keys of Bot Framework tokens, from its OpenID metadata (`jwks_uri`), cached. Fetches have a deadline
 * and are made one at a time. A request waits for a fetch only when there is no usable key at all and the endpoint
 * has not just failed; otherwise keys past their daily refresh are refetched in the background, at most once a
 * minute, and serve until they are MAX_KEY_AGE_MS old. The last outcome is kept for the readiness probe.
 */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private lastLogged = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  /** Why the last fetch failed, or null when it worked (or none was needed yet). */
  failure: string | null = null;

  constructor(
    private readonly metadataUrl: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async get(kid: string): Promise<SigningKey | null> {
    const now = this.now();
    const usable = this.keys.size > 0 && now - this.fetchedAt <= MAX_KEY_AGE_MS;
    const mayAsk = now - this.lastAttempt >= RETRY_MS;
    if (!usable) {
      // Nothing to check the token with: wait for keys, unless the endpoint has just failed (answer 503 at once).
      if (this.failure !== null && !mayAsk && !this.refreshing) throw new KeysUnavailableError(this.failure);
      await this.refresh();
    } else if (now - this.fetchedAt > REFRESH_MS && mayAsk) {
      this.refreshInBackground();
    } else if (!this.keys.has(kid)) {
      // A key rotated in since the last fetch: worth one wait, unless the endpoint is failing (then 503 at once).
      if (this.failure !== null) throw new KeysUnavailableError(this.failure);
      if (now - this.lastAttempt > UNKNOWN_KID_REFRESH_MS) await this.refresh().catch(() => undefined);
    }
    return this.keys.get(kid) ?? null;
  }

  /** For the readiness probe: "ok", or why the keys cannot be had (asked again at most once a minute while failing). */
  async check(): Promise<string> {
    const now = this.now();
    if (this.failure === null && this.keys.size > 0 && now - this.fetchedAt < REFRESH_MS) return 'ok';
    if (this.failure !== null && now - this.lastAttempt < RETRY_MS) return this.failure;
    try {
      await this.refresh();
      return 'ok';
    } catch {
      return this.failure ?? 'unavailable';
    }
  }

  private refreshInBackground(): void {
    this.refresh().catch(() => undefined); // the failure is logged and kept for the probe
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.fetchKeys().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttempt = this.now();
    let host = this.metadataUrl;
    try {
      host = this.checkedUrl(this.metadataUrl).host;
      const metadata = (await this.fetchJson(this.metadataUrl)) as { jwks_uri?: unknown };
      if (typeof metadata.jwks_uri !== 'string') throw new KeysUnavailableError('OpenID metadata without jwks_uri');
      const jwksUri = this.checkedUrl(metadata.jwks_uri);
      host = jwksUri.host;
      const { keys } = (await this.fetchJson(jwksUri.href)) as { keys?: Array<JWK & { endorsements?: unknown }> };
      const imported = new Map<string, SigningKey>();
      for (const jwk of Array.isArray(keys) ? keys : []) {
        if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA') continue;
        const endorsements = Array.isArray(jwk.endorsements)
          ? jwk.endorsements.filter((value): value is string => typeof value === 'string')
          : [];
        imported.set(jwk.kid, {
          key: (await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, 'RS256')) as CryptoKey,
          endorsements,
        });
      }
      if (imported.size === 0) throw new KeysUnavailableError('no RSA signing keys published');
      this.keys = imported;
      this.fetchedAt = this.now();
      this.failure = null;
    } catch (error) {
      this.failure = `${host}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.now() - this.lastLogged >= RETRY_MS) {
        this.lastLogged = this.now();
        this.logger.error(
          {
            host,
            reason: this.failure,
            keyAgeMinutes: this.keys.size > 0 ? Math.round((this.now() - this.fetchedAt) / 60_000) : null,
          },
          'Bot Framework signing keys unreachable: keys already fetched serve for up to 3 days, then inbound requests get 503',
        );
      }
      throw new KeysUnavailableError(this.failure);
    }
  }

  /** Keys decide who may talk to the bot: they come over https only (http on loopback, for tests). */
  private checkedUrl(value: string): URL {
    const url = new URL(value);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url;
    throw new KeysUnavailableError(`${url.protocol} is not accepted for signing keys; use https`);
  }

  private async fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new KeysUnavailableError(`answered ${response.status}`);
    return response.json();
  }
}
