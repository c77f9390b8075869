import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Connector } from '../graph/types';
import { isSyncType } from '../graph/types';
import { errorBody, simulatedErrors } from './graphErrors';
import {
  bearerOf,
  headerValue,
  matchRoute,
  readBody,
  sendJson,
  syncTypeOf,
  type Route,
  type SimulatedOperation,
} from './http';
import { seedConnectors } from './seed';
import type { Answer, Fault, GraphSimulatorOptions, RecordedCall } from './types';
import { handleControl, type SimulatorControls } from './simulatorControl';

export type { SimulatedOperation } from './http';

export type { Fault, GraphSimulatorOptions, RecordedCall } from './types';

/**
 * A loopback Microsoft Graph for Intune Exchange connectors: the three endpoints the bot uses, with Graph's OData
 * shapes, paging, error bodies and headers. Used by local mode (`npm start`), the tests and the benchmark.
 */
export class GraphSimulator implements SimulatorControls {
  readonly calls: RecordedCall[] = [];
  /** The Graph root to configure as GRAPH_BASE_URL (`http://host:port/v1.0`), once started. */
  baseUrl = '';
  private connectors: Map<string, Connector>;
  private faults: Fault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: http.Server;

  constructor(private readonly options: GraphSimulatorOptions = {}) {
    this.connectors = toMap(options.connectors ?? seedConnectors());
    const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    };
    this.server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  }

  /** Starts listening; resolves with the Graph root. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    this.baseUrl = `${this.options.tls ? 'https' : 'http'}://${host}:${(this.server.address() as AddressInfo).port}/v1.0`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  setConnectors(connectors: Connector[]): void {
    this.connectors = toMap(connectors);
  }

  /** Changes one connector's status or last sync, as Intune would (an alert to see locally); false if there is none. */
  changeConnector(id: string, change: Pick<Connector, 'status' | 'lastSyncDateTime'>): boolean {
    const connector = [...this.connectors.values()].find((one) => one.id.toLowerCase() === id.toLowerCase());
    if (!connector) return false;
    if (change.status !== undefined) connector.status = change.status;
    if (change.lastSyncDateTime !== undefined) connector.lastSyncDateTime = change.lastSyncDateTime;
    return true;
  }

  allConnectors(): Connector[] {
    return [...this.connectors.values()];
  }

  connector(id: string): Connector | undefined {
    return this.connectors.get(id.toLowerCase());
  }

  addFault(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  syncCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.operation === 'sync');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const body = await readBody(req);
    if (url.pathname.startsWith('/_simulator/')) return handleControl(this, req, res, url.pathname, body);
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    const call: RecordedCall = {
      operation: route?.operation ?? 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      connectorId: route?.id ?? null,
      syncType: route?.operation === 'sync' ? syncTypeOf(body) : undefined,
      bearerToken: bearerOf(req),
      status: 0,
      accepted: false,
      at: this.now().toISOString(),
      answeredAfterMs: null,
      host: req.headers.host ?? null,
      arrivedAt: performance.now(),
    };
    this.calls.push(call);

    const fault = route && call.bearerToken ? this.takeFault(route.operation) : undefined;
    if (fault?.apply) this.answer(route, call, url); // Intune acts, whatever the caller hears
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    // A dropped connection, or a hang that Intune never acted on (apply: false), ends without an answer.
    if (fault?.dropConnection || (fault?.apply === false && !fault.error)) return void req.socket.destroy();
    const outcome: Answer = fault?.error
      ? { status: fault.error.status, error: fault.error }
      : fault?.apply
        ? { status: 204 }
        : this.answer(route, call, url);
    // A caller that gave up (its deadline passed during a slow answer) never hears it: recorded as no answer.
    call.status = req.socket.destroyed ? 0 : outcome.status;
    if (call.status !== 0) call.answeredAfterMs = Math.round(performance.now() - call.arrivedAt);
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, 'client-request-id') ?? randomUUID();
    const headers: Record<string, string> = { 'request-id': requestId, 'client-request-id': clientRequestId };
    if ('error' in outcome) {
      res.writeHead(outcome.status, { ...headers, 'Content-Type': 'application/json', ...outcome.error.headers });
      res.end(errorBody(outcome.error, requestId, clientRequestId, this.now()));
    } else if (outcome.json === undefined) {
      res.writeHead(outcome.status, headers);
      res.end();
    } else {
      sendJson(res, outcome.status, outcome.json, headers);
    }
  }

  private answer(route: Route | null, call: RecordedCall, url: URL): Answer {
    if (!route)
      return { status: 400, error: simulatedErrors.badRequest(`Resource not found for the segment '${call.path}'.`) };
    if (!call.bearerToken) return { status: 401, error: simulatedErrors.noToken() };
    if (route.operation === 'list') return { status: 200, json: this.page(url) };
    const connector = this.connector(route.id ?? '');
    if (!connector) return { status: 404, error: simulatedErrors.notFound(route.id ?? '') };
    if (route.operation === 'get') {
      return {
        status: 200,
        json: {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/exchangeConnectors/$entity',
          ...connector,
        },
      };
    }
    if (!isSyncType(call.syncType)) return { status: 400, error: simulatedErrors.badSyncType(call.syncType) };
    call.accepted = true;
    this.completeSyncLater(connector.id);
    return { status: 204 };
  }

  /** One page of the collection; the next page's link is absolute, as Graph sends it. */
  private page(url: URL): unknown {
    const all = [...this.connectors.values()];
    const top = Number(url.searchParams.get('$top')) || this.options.pageSize || all.length || 1;
    const skip = Number(url.searchParams.get('$skiptoken')) || 0;
    const next =
      skip + top < all.length
        ? `${this.baseUrl}/deviceManagement/exchangeConnectors?$top=${top}&$skiptoken=${skip + top}`
        : undefined;
    return {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/exchangeConnectors',
      value: all.slice(skip, skip + top),
      ...(next ? { '@odata.nextLink': next } : {}),
    };
  }

  /** Intune accepts the request at once and reports the new sync time only when the connector has synced. */
  private completeSyncLater(id: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const connector = this.connector(id);
      if (connector)
        connector.lastSyncDateTime = this.now()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z');
    }, this.options.syncCompletesAfterMs ?? 5_000);
    timer.unref();
    this.timers.add(timer);
  }

  private takeFault(operation: SimulatedOperation): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.operation === 'any' || fault.operation === operation);
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function toMap(connectors: Connector[]): Map<string, Connector> {
  return new Map(connectors.map((connector) => [connector.id.toLowerCase(), structuredClone(connector)]));
}
