import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/** Carries the acting user's token on one request, so one Graph client serves every user. */
export class BearerTokenOption implements MiddlewareOptions {
  constructor(readonly token: string) {}
}

/**
 * Sets `Authorization: Bearer <token>` on every request.
 *
 * The SDK's own AuthenticationHandler attaches the token only for https Graph hosts, so against a plain-http
 * loopback simulator it would silently send none (facts.md §1). This middleware has no such host check:
 * which host we talk to is decided by configuration (GRAPH_BASE_URL), not here.
 */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    const option = context.middlewareControl?.getMiddlewareOptions(BearerTokenOption) as BearerTokenOption | undefined;
    if (!option) throw new Error('Graph request sent without a BearerTokenOption');
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${option.token}`);
    context.options = { ...context.options, headers };
    if (!this.next) throw new Error('BearerTokenMiddleware must not be last in the chain');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
