import {
  GraphClientError,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import { GraphRequestError, kindForStatus } from './errors';

/** What one attempt of one request carries: the acting user's token and the attempt's abort signal. */
export class AttemptOptions implements MiddlewareOptions {
  constructor(
    readonly token: string,
    readonly signal: AbortSignal,
  ) {}
}

/** A failure the transport classified. The SDK rethrows GraphClientError subclasses unchanged. */
export class TransportFailure extends GraphClientError {
  constructor(readonly failure: GraphRequestError) {
    super(failure.message);
    // GraphClientError resets the prototype to its own; put ours back so `instanceof TransportFailure` holds.
    Object.setPrototypeOf(this, TransportFailure.prototype);
  }
}

/**
 * The last (and only) middleware of the Graph client: sends the request with the user's bearer token and the
 * attempt's deadline, and turns every failure into a GraphRequestError that says whether Graph may have acted.
 * The SDK's own AuthenticationHandler attaches tokens only for https Graph hosts and so would send none to a
 * loopback simulator; which host is called is decided by GRAPH_BASE_URL, and the token is never sent elsewhere.
 */
export class Transport implements Middleware {
  constructor(private readonly origin: string) {}

  async execute(context: Context): Promise<void> {
    const options = context.middlewareControl?.getMiddlewareOptions(AttemptOptions) as AttemptOptions | undefined;
    if (!options) throw new Error('Graph request sent without AttemptOptions');
    // The SDK types the request as the DOM's RequestInfo; it is a URL string (or a Request) at run time.
    const request = context.request as unknown as string | { url: string };
    const url = typeof request === 'string' ? request : request.url;
    if (new URL(url).origin !== this.origin) {
      throw new TransportFailure(
        new GraphRequestError(
          'badRequest',
          null,
          null,
          null,
          'Graph pointed at another host; the request was not sent',
        ),
      );
    }
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${options.token}`);
    let response: Response;
    try {
      response = await fetch(url, { ...context.options, headers, signal: options.signal });
    } catch (error) {
      throw new TransportFailure(networkFailure(error));
    }
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined); // drain, so the connection returns to the pool
      throw new TransportFailure(failureFromStatus(response.status, response.headers));
    }
    context.response = response;
  }
}

export function failureFromStatus(status: number, headers: Headers): GraphRequestError {
  const retryAfter = Number.parseInt(headers.get('retry-after') ?? '', 10);
  return new GraphRequestError(
    kindForStatus(status),
    status,
    headers.get('request-id'),
    Number.isFinite(retryAfter) ? retryAfter : null,
    `Graph answered ${status}`,
  );
}

/** Codes that mean no connection was made, so the request cannot have reached Graph. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function networkFailure(error: unknown): GraphRequestError {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof code === 'string' && NOT_CONNECTED.has(code)) {
    return new GraphRequestError('unreachable', null, null, null, 'Microsoft Graph could not be reached');
  }
  // A timeout or a connection lost after the request was written: Graph may have acted.
  return new GraphRequestError('noAnswer', null, null, null, 'Microsoft Graph did not answer');
}
