import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connector } from '../graph/types';
import { isSyncType } from '../graph/types';
import { errorBody, simulatedErrors, type SimulatedError } from './graphErrors';
import { seedConnectors } from './seed';
import { handleControl } from './simulatorControl';

export type SimulatedOperation = 'list' | 'get' | 'sync';

/** One request the simulator received, as a test or a benchmark wants to check it. */
export interface RecordedCall {
  operation: SimulatedOperation | 'unknown';
  method: string;
  path: string;
  connectorId: string | null;
  syncType: unknown;
  /** The bearer token the caller sent, or null. Kept only here, in the simulator, for assertions. */
  bearerToken: string | null;
  status: number;
  at: string;
}

/** Makes the next `times` matching requests fail, or be slow. */
export interface Fault {
  operation: SimulatedOperation | 'any';
  error?: SimulatedError;
  /** Delay before answering, for slow-Graph scenarios. */
  delayMs?: number;
  /** Close the connection without an answer: Graph unreachable mid-request. */
  dropConnection?: boolean;
  times: number;
}

export interface GraphSimulatorOptions {
  connectors?: Connector[];
  /** How long after a sync Intune reports the new `lastSyncDateTime` (Intune syncs in the background). */
  syncCompletesAfterMs?: number;
  now?: () => Date;
}

const API_ROOT = '/v1.0/deviceManagement/exchangeConnectors';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A loopback Microsoft Graph for Intune Exchange connectors: the three endpoints the bot uses, with Graph's OData
 * shapes, error bodies and headers (facts.md §1). Used by local mode (`npm start`), the tests and the benchmark.
 */
export class GraphSimulator {
  readonly calls: RecordedCall[] = [];
  private connectors: Map<string, Connector>;
  private faults: Fault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  private readonly syncCompletesAfterMs: number;
  private readonly now: () => Date;

  constructor(options: GraphSimulatorOptions = {}) {
    this.connectors = toMap(options.connectors ?? seedConnectors());
    this.syncCompletesAfterMs = options.syncCompletesAfterMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The Graph root to configure as GRAPH_BASE_URL (`http://host:port/v1.0`), once started. */
  baseUrl = '';

  /** Starts listening; resolves with the Graph root. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}/v1.0`;
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
    if (url.pathname.startsWith('/_simulator/')) {
      handleControl(this, req, res, url.pathname, await readBody(req));
      return;
    }
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, 'client-request-id') ?? randomUUID();
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    const call: RecordedCall = {
      operation: route?.operation ?? 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      connectorId: route?.id ?? null,
      syncType: undefined,
      bearerToken: bearerOf(req),
      status: 0,
      at: this.now().toISOString(),
    };
    this.calls.push(call);

    const body = await readBody(req);
    const fault = route && call.bearerToken ? this.takeFault(route.operation) : undefined;
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (fault?.dropConnection) {
      req.socket.destroy();
      return;
    }
    const outcome = fault?.error ? { status: fault.error.status, error: fault.error } : this.answer(route, call, body);
    call.status = outcome.status;
    const headers: Record<string, string> = { 'request-id': requestId, 'client-request-id': clientRequestId };
    // writeHead and end are never chained: restify, loaded in the same process, patches writeHead to return nothing.
    if ('error' in outcome) {
      res.writeHead(outcome.status, { ...headers, 'Content-Type': 'application/json', ...outcome.error.headers });
      res.end(errorBody(outcome.error, requestId, clientRequestId, this.now()));
    } else if (outcome.json === undefined) {
      res.writeHead(outcome.status, headers);
      res.end();
    } else {
      res.writeHead(outcome.status, { ...headers, 'Content-Type': 'application/json;odata.metadata=minimal' });
      res.end(JSON.stringify(outcome.json));
    }
  }

  private answer(
    route: Route | null,
    call: RecordedCall,
    body: string,
  ): { status: number; json?: unknown } | { status: number; error: SimulatedError } {
    if (!route) return { status: 400, error: simulatedErrors.badRequest(`Resource not found for the segment '${call.path}'.`) };
    if (!call.bearerToken) return { status: 401, error: simulatedErrors.noToken() };

    if (route.operation === 'list') {
      return {
        status: 200,
        json: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/exchangeConnectors', value: [...this.connectors.values()] },
      };
    }
    const connector = this.connector(route.id ?? '');
    if (!connector) return { status: 404, error: simulatedErrors.notFound(route.id ?? '') };
    if (route.operation === 'get') {
      return {
        status: 200,
        json: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/exchangeConnectors/$entity', ...connector },
      };
    }
    const syncType = parseSyncType(body);
    call.syncType = syncType;
    if (!isSyncType(syncType)) return { status: 400, error: simulatedErrors.badSyncType(syncType) };
    this.completeSyncLater(connector.id);
    return { status: 204 };
  }

  /** Intune accepts the request at once and reports the new sync time only when the connector has synced. */
  private completeSyncLater(id: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const connector = this.connector(id);
      if (connector) connector.lastSyncDateTime = this.now().toISOString().replace(/\.\d+Z$/, 'Z');
    }, this.syncCompletesAfterMs);
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

}

interface Route {
  operation: SimulatedOperation;
  id: string | null;
}

function matchRoute(method: string, path: string): Route | null {
  if (method === 'GET' && path === API_ROOT) return { operation: 'list', id: null };
  const match = /^\/v1\.0\/deviceManagement\/exchangeConnectors\/([^/]+)(\/sync)?$/.exec(path);
  if (!match?.[1]) return null;
  const id = decodeURIComponent(match[1]).replace(/^'(.*)'$/, '$1');
  if (method === 'GET' && !match[2]) return { operation: 'get', id };
  if (method === 'POST' && match[2]) return { operation: 'sync', id };
  return null;
}

function toMap(connectors: Connector[]): Map<string, Connector> {
  return new Map(connectors.map((connector) => [connector.id.toLowerCase(), structuredClone(connector)]));
}

function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerOf(req: http.IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headerValue(req, 'authorization') ?? '');
  return match?.[1] ?? null;
}

function parseSyncType(body: string): unknown {
  try {
    return (JSON.parse(body) as { syncType?: unknown }).syncType;
  } catch {
    return undefined;
  }
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
