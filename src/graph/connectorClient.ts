import { Client, GraphError, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, BearerTokenOption } from './bearerToken';
import { GraphRequestError, kindForStatus } from './errors';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryHooks, type RetryPolicy } from './retry';
import type { Connector, ConnectorGraph, SyncType } from './types';

interface ODataPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Guards against a server that keeps handing out next links. 100 pages is far beyond any real tenant. */
const MAX_PAGES = 100;

/**
 * Intune Exchange connectors over @microsoft/microsoft-graph-client.
 * Every call carries the acting user's own token.
 */
export class GraphConnectorClient implements ConnectorGraph {
  private readonly client: Client;
  private readonly retryPolicy: RetryPolicy;

  /** `baseUrl` ends in the version segment: `https://graph.microsoft.com/v1.0`, `http://127.0.0.1:4010/beta`. */
  constructor(
    baseUrl: string,
    retryPolicy: RetryPolicy | undefined = undefined,
    private readonly retryHooks: RetryHooks = {},
  ) {
    this.retryPolicy = retryPolicy ?? DEFAULT_RETRY_POLICY;
    const url = new URL(baseUrl);
    const version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
    const auth = new BearerTokenMiddleware();
    auth.setNext(new HTTPMessageHandler());
    // The SDK treats only https:// paths as absolute, so the root goes in as baseUrl and calls use relative paths.
    this.client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${url.origin}/`, defaultVersion: version });
  }

  async list(token: string): Promise<Connector[]> {
    const connectors: Connector[] = [];
    let url: string | undefined = '/deviceManagement/exchangeConnectors';
    for (let page = 0; url && page < MAX_PAGES; page += 1) {
      const body = (await this.call(token, url, (request) => request.get())) as ODataPage<Connector>;
      connectors.push(...body.value);
      url = body['@odata.nextLink'];
    }
    return connectors;
  }

  async get(token: string, id: string): Promise<Connector> {
    return (await this.call(token, this.connectorUrl(id), (request) => request.get())) as Connector;
  }

  async sync(token: string, id: string, syncType: SyncType): Promise<{ requestId: string | null }> {
    const response = (await this.call(token, `${this.connectorUrl(id)}/sync`, async (request) => {
      const raw = (await request.responseType(ResponseType.RAW).post({ syncType })) as Response;
      // A RAW response is handed back whatever its status, so failures are recognised here (and retried).
      if (!raw.ok) {
        await raw.text().catch(() => ''); // drain, so the connection returns to the pool
        throw errorFromStatus(raw.status, raw.headers);
      }
      return raw;
    })) as Response;
    return { requestId: response.headers.get('request-id') };
  }

  private connectorUrl(id: string): string {
    return `/deviceManagement/exchangeConnectors/${encodeURIComponent(id)}`;
  }

  private async call(
    token: string,
    url: string,
    send: (request: ReturnType<Client['api']>) => Promise<unknown>,
  ): Promise<unknown> {
    return withRetries(async () => {
      try {
        return await send(this.client.api(url).middlewareOptions([new BearerTokenOption(token)]));
      } catch (error) {
        throw toGraphRequestError(error);
      }
    }, this.retryPolicy, this.retryHooks);
  }
}

export function toGraphRequestError(error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (!(error instanceof GraphError) || error.statusCode <= 0) {
    return new GraphRequestError('unreachable', null, null, null, 'Microsoft Graph could not be reached');
  }
  return errorFromStatus(error.statusCode, error.headers, error.requestId);
}

function errorFromStatus(status: number, headers: Headers | undefined, bodyRequestId: string | null = null): GraphRequestError {
  const requestId = headers?.get('request-id') ?? bodyRequestId;
  const retryAfter = Number.parseInt(headers?.get('retry-after') ?? '', 10);
  return new GraphRequestError(
    kindForStatus(status),
    status,
    requestId,
    Number.isFinite(retryAfter) ? retryAfter : null,
    `Graph answered ${status}`,
  );
}
