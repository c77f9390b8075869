import http from 'node:http';
import { LoopbackServer, bodyOf } from './loopbackServer';

/** What the proxy does with one storage request. */
export type ProxyFault = 'pass' | 'dropAnswer' | 'hang' | 'outage' | 'slow';

/**
 * An HTTP proxy in front of Azurite that breaks storage the way networks do: it can forward a request and lose
 * its answer (the write happened, the caller never hears), hold a request forever, or refuse it outright.
 * `decide` sees every request (method, path, headers) and picks its fate.
 */
export class StorageProxy extends LoopbackServer {
  decide: (req: http.IncomingMessage) => ProxyFault = () => 'pass';
  readonly applied: Array<{ method: string; path: string; fault: ProxyFault }> = [];
  constructor(private readonly target: string) {
    super();
  }

  /** Azurite's connection string, pointed at the proxy. */
  connectionString(direct: string): string {
    return direct.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, `BlobEndpoint=${this.url}`);
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fault = this.decide(req);
    if (fault !== 'pass') this.applied.push({ method: req.method ?? '', path: req.url ?? '', fault });
    const body = await bodyOf(req);
    if (fault === 'outage') return void res.socket?.destroy();
    if (fault === 'hang') return; // never answers; the client's deadline must end it
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 20));
    const target = new URL(req.url ?? '/', this.target);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        if (fault === 'dropAnswer') {
          answer.resume();
          answer.on('end', () => res.socket?.destroy()); // applied upstream; the answer never reaches the caller
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    upstream.end(body);
  }
}
