import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { GraphRequestError } from './errors';
import {
  DEFAULT_RETRY_POLICY,
  type mayResend,
  withRetries,
  type RequestKind,
  type RetryHooks,
  type RetryPolicy,
} from './retry';
import { AttemptOptions, Transport, TransportFailure, networkFailure } from './transport';
import type { Connector, ConnectorGraph, ConnectorList, GraphCall, SyncType } from './types';

interface ODataPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Guards against a server that keeps handing out next links; far beyond any real tenant's connectors. */
const MAX_PAGES = 100;
const COLLECTION = '/deviceManagement/exchangeConnectors';

export interface GraphClientOptions {
  /** GRAPH_TIMEOUT_MS: one attempt is abandoned after this long. */
  timeoutMs: number;
  retryPolicy?: RetryPolicy;
  hooks?: RetryHooks;
  /** Which failures may be sent again; the fault campaign swaps in a broken rule to prove it notices. */
  mayResend?: typeof mayResend;
}

/**
 * Intune Exchange connectors over @microsoft/microsoft-graph-client. Every call carries the acting user's own token
 * and a deadline; reads are retried whenever Graph gave no final answer, the sync POST only when Graph said it did
 * not act (429, 503) or the request never left.
 */
export class GraphConnectorClient implements ConnectorGraph {
  private readonly client: Client;
  private readonly origin: string;
  private readonly version: string;

  /** `baseUrl` ends in the version segment: `https://graph.microsoft.com/v1.0`, `http://127.0.0.1:4010/beta`. */
  constructor(
    baseUrl: string,
    private readonly options: GraphClientOptions,
  ) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
    // The SDK treats only https:// paths as absolute, so the root goes in as baseUrl and calls use relative paths.
    this.client = Client.initWithMiddleware({
      middleware: new Transport(this.origin),
      baseUrl: `${this.origin}/`,
      defaultVersion: this.version,
    });
  }

  async list(call: GraphCall): Promise<ConnectorList> {
    const connectors: Connector[] = [];
    let path: string | null = COLLECTION;
    for (let page = 0; path && page < MAX_PAGES; page += 1) {
      const current: string = path;
      const body = (await this.call('read', call, (attempt) =>
        this.client.api(current).middlewareOptions([attempt]).get(),
      )) as ODataPage<Connector>;
      connectors.push(...(Array.isArray(body.value) ? body.value.filter(isConnector) : []));
      path = this.nextPath(body['@odata.nextLink']);
    }
    return { connectors, truncated: path !== null };
  }

  async get(call: GraphCall, id: string): Promise<Connector> {
    const body = (await this.call('read', call, (attempt) =>
      this.client.api(connectorPath(id)).middlewareOptions([attempt]).get(),
    )) as Connector;
    return body;
  }

  async sync(call: GraphCall, id: string, syncType: SyncType): Promise<{ requestId: string | null }> {
    const response = (await this.call('action', call, (attempt) =>
      this.client
        .api(`${connectorPath(id)}/sync`)
        .middlewareOptions([attempt])
        .responseType(ResponseType.RAW)
        .post({ syncType }),
    )) as Response;
    return { requestId: response.headers.get('request-id') };
  }

  /**
   * A next link is absolute (https from Graph, http from a loopback Graph). The SDK mishandles http links, so the
   * link goes back in as a path relative to the version root; a link to any other host is refused, never followed
   * with the user's token.
   */
  private nextPath(link: string | undefined): string | null {
    if (!link) return null;
    const url = new URL(link);
    const versionRoot = `/${this.version}/`;
    if (url.origin !== this.origin || !url.pathname.startsWith(versionRoot)) {
      throw new GraphRequestError('badRequest', null, null, null, 'Graph sent a next link to another host or version');
    }
    return `/${url.pathname.slice(versionRoot.length)}${url.search}`;
  }

  private call(
    kind: RequestKind,
    call: GraphCall,
    send: (attempt: AttemptOptions) => Promise<unknown>,
  ): Promise<unknown> {
    return withRetries(
      kind,
      async () => {
        try {
          return await send(new AttemptOptions(call.token, call.deadline.signal(this.options.timeoutMs)));
        } catch (error) {
          throw toGraphRequestError(error);
        }
      },
      this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      call.deadline,
      this.options.hooks,
      this.options.mayResend,
    );
  }
}

function connectorPath(id: string): string {
  return `${COLLECTION}/${encodeURIComponent(id)}`;
}

function isConnector(value: unknown): value is Connector {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Failures the transport classified pass through; anything else (a body cut off mid-read) is an answer lost. */
function toGraphRequestError(error: unknown): GraphRequestError {
  if (error instanceof TransportFailure) return error.failure;
  if (error instanceof GraphRequestError) return error;
  return networkFailure(error);
}
