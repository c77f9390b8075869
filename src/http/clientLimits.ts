import type { IncomingMessage, Server } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What a client may cost before authentication (HTTP_* settings, RATE_LIMIT_PER_MINUTE, TRUST_FORWARDED_FOR). */
export interface HttpLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxConnections: number;
  /** Requests per client address per minute to `/api/`; 0 = no limit. */
  readonly requestsPerMinute: number;
  readonly trustForwardedFor: boolean;
}

/**
 * What an unauthenticated client may cost: Node's own timeouts for slow headers, slow bodies and idle connections,
 * a cap on open connections, and a per-address request budget (rate-limiter-flexible) for `/api/`.
 */
export class ClientLimits {
  private readonly limiter: RateLimiterMemory | null;

  constructor(private readonly limits: HttpLimits) {
    this.limiter =
      limits.requestsPerMinute > 0 ? new RateLimiterMemory({ points: limits.requestsPerMinute, duration: 60 }) : null;
  }

  /** Sets the timeouts and the connection cap on Node's server; call before it listens. */
  applyTo(server: Server): void {
    server.headersTimeout = this.limits.headersTimeoutMs;
    server.requestTimeout = this.limits.requestTimeoutMs;
    server.keepAliveTimeout = Math.min(5_000, this.limits.idleTimeoutMs);
    server.timeout = this.limits.idleTimeoutMs;
    server.maxConnections = this.limits.maxConnections;
    // Node checks the header and request timeouts on this interval (30 s by default): often enough that a timeout
    // of a few seconds means a few seconds. Read when the server starts listening.
    (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
      100,
      Math.min(1_000, Math.floor(this.limits.headersTimeoutMs / 4)),
    );
  }

  /**
   * Takes one request from the client's budget: null when it may go on, else how many seconds it should wait.
   * The budget counts every request to `/api/`, before authentication, so a flood is refused at the cost of one
   * entry per address, forgotten a minute later.
   */
  async admit(req: IncomingMessage): Promise<number | null> {
    if (!this.limiter) return null;
    try {
      await this.limiter.consume(this.addressOf(req));
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    }
  }

  /**
   * The client's address. Behind App Service (TRUST_FORWARDED_FOR) the connection comes from the platform's front
   * end, which appends the client it saw to `X-Forwarded-For` as `address:port`: only that last entry is the
   * platform's word; earlier entries are whatever the client sent.
   */
  addressOf(req: IncomingMessage): string {
    const socket = req.socket.remoteAddress ?? 'unknown';
    if (!this.limits.trustForwardedFor) return socket;
    const header = req.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').pop()?.trim() ?? '';
    return withoutPort(last) || socket;
  }
}

/** `203.0.113.5:52311` → `203.0.113.5`; `[2001:db8::1]:443` → `2001:db8::1`; an address without a port as it is. */
function withoutPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(value);
  return v4 ? v4[1]! : value.slice(0, 64);
}
