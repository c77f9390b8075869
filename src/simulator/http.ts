import type http from 'node:http';

export type SimulatedOperation = 'list' | 'get' | 'sync';

export interface Route {
  operation: SimulatedOperation;
  id: string | null;
}

export const API_ROOT = '/v1.0/deviceManagement/exchangeConnectors';
const MAX_BODY_BYTES = 64 * 1024;

export function matchRoute(method: string, path: string): Route | null {
  if (method === 'GET' && path === API_ROOT) return { operation: 'list', id: null };
  const match = /^\/v1\.0\/deviceManagement\/exchangeConnectors\/([^/]+)(\/sync)?$/.exec(path);
  if (!match?.[1]) return null;
  const id = decodeURIComponent(match[1]).replace(/^'(.*)'$/, '$1');
  if (method === 'GET' && !match[2]) return { operation: 'get', id };
  if (method === 'POST' && match[2]) return { operation: 'sync', id };
  return null;
}

export function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerOf(req: http.IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headerValue(req, 'authorization') ?? '');
  return match?.[1] ?? null;
}

export function syncTypeOf(body: string): unknown {
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

/** Writes a JSON answer. writeHead and end are never chained: restify, loaded in the same process, patches writeHead. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
  res.end(json === undefined ? undefined : JSON.stringify(json));
}
