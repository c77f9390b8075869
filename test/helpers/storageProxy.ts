import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one storage request. */
export type ProxyFault = 'pass' | 'dropAnswer' | 'hang' | 'outage' | 'slow';

/**
 * An HTTP proxy in front of Azurite that breaks storage the way networks do: it can forward a request and lose
 * its answer (the write happened, the caller never hears), hold a request forever, or refuse it outright.
 * `decide` sees every request (method, path, headers) and picks its fate.
 */
export class StorageProxy {
  decide: (req: http.IncomingMessage) => ProxyFault = () => 'pass';
  readonly applied: Array<{ method: string; path: string; fault: ProxyFault }> = [];
  url = '';
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Azurite's connection string, pointed at the proxy. */
  connectionString(direct: string): string {
    return direct.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, `BlobEndpoint=${this.url}`);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fault = this.decide(req);
    if (fault !== 'pass') this.applied.push({ method: req.method ?? '', path: req.url ?? '', fault });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (fault === 'outage') return void res.socket?.destroy();
    if (fault === 'hang') return; // never answers; the client's deadline must end it
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 20));
    const target = new URL(req.url ?? '/', this.target);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      if (fault === 'dropAnswer') {
        answer.resume();
        answer.on('end', () => res.socket?.destroy()); // applied upstream; the answer never reaches the caller
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.socket?.destroy());
    upstream.end(Buffer.concat(chunks));
  }
}
