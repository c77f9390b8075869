import { importJWK, type CryptoKey, type JWK } from 'jose';
import type { Logger } from '../logger';

export interface SigningKey {
  key: CryptoKey;
  /** Channels this key may sign for (Bot Framework "endorsements"); empty = any. */
  endorsements: string[];
}

/** The key endpoint could not be reached or gave nothing usable: requests are answered 503, not 401. */
export class KeysUnavailableError extends Error {
  override readonly name = 'KeysUnavailableError';
}

/** Keys are refreshed daily, as botbuilder does, and at most this often when a token names a key not seen yet. */
const REFRESH_MS = 24 * 60 * 60_000;
const UNKNOWN_KID_REFRESH_MS = 5 * 60_000;
/** A failed fetch is logged at most once a minute: an outage must not flood the log. */
const LOG_EVERY_MS = 60_000;

/**
 * The signing keys of Bot Framework tokens, from its OpenID metadata (`jwks_uri`), cached. Fetches have a deadline,
 * and the last outcome is kept for the readiness probe.
 */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private lastAttempt = 0;
  private lastLogged = 0;
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
    const stale = this.now() - this.fetchedAt > REFRESH_MS;
    const unknownKid = !this.keys.has(kid) && this.now() - this.lastAttempt > UNKNOWN_KID_REFRESH_MS;
    if (stale || unknownKid) {
      try {
        await this.refresh();
      } catch (error) {
        // Keys we already have stay usable through an outage of the key endpoint.
        if (!this.keys.has(kid)) throw error;
      }
    }
    return this.keys.get(kid) ?? null;
  }

  /** For the readiness probe: "ok", or why the keys cannot be fetched (checked at most once a minute while failing). */
  async check(): Promise<string> {
    const recent = this.now() - this.fetchedAt < REFRESH_MS && this.failure === null;
    if (recent) return 'ok';
    if (this.failure !== null && this.now() - this.lastAttempt < LOG_EVERY_MS) return this.failure;
    try {
      await this.refresh();
      return 'ok';
    } catch {
      return this.failure ?? 'unavailable';
    }
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.fetchKeys().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttempt = this.now();
    let host = this.metadataUrl;
    try {
      host = new URL(this.metadataUrl).host;
      const metadata = (await this.fetchJson(this.metadataUrl)) as { jwks_uri?: unknown };
      if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata without jwks_uri');
      host = new URL(metadata.jwks_uri).host;
      const { keys } = (await this.fetchJson(metadata.jwks_uri)) as { keys?: Array<JWK & { endorsements?: unknown }> };
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
      if (imported.size === 0) throw new Error('no RSA signing keys published');
      this.keys = imported;
      this.fetchedAt = this.now();
      this.failure = null;
    } catch (error) {
      this.failure = `${host}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.now() - this.lastLogged >= LOG_EVERY_MS) {
        this.lastLogged = this.now();
        this.logger.error(
          { host, reason: this.failure },
          'Bot Framework signing keys unreachable: inbound requests get 503 until they are back',
        );
      }
      throw new KeysUnavailableError(this.failure);
    }
  }

  private async fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    return response.json();
  }
}
