import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** A certificate for 127.0.0.1 and its key, PEM. */
export interface LoopbackCertificate {
  cert: string;
  key: string;
}

/**
 * An HTTP server on 127.0.0.1 at a port the system picks: the base of every fake service the tests run (token
 * service, OpenID metadata, Bot Connector, storage proxy, telemetry ingestion). A handler that throws answers 500.
 * With a certificate it speaks HTTPS, for clients that insist on it (the Application Insights exporter).
 */
export abstract class LoopbackServer {
  /** `http(s)://127.0.0.1:<port>` once started. */
  url = '';
  private readonly server: http.Server;

  constructor(private readonly certificate?: LoopbackCertificate) {
    const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      Promise.resolve(this.handle(req, res)).catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    };
    this.server = certificate ? https.createServer(certificate, listener) : http.createServer(listener);
  }

  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void>;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `${this.certificate ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The whole body of a request. */
export async function bodyOf(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A self-signed certificate for 127.0.0.1, valid for a day (openssl; a client trusts it through NODE_EXTRA_CA_CERTS). */
export function loopbackCertificate(): LoopbackCertificate & { certFile: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopback-cert-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return {
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8'),
    certFile,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What msal-node needs to reach a loopback Entra over HTTPS: its network interface, trusting the test's certificate. */
export function trustingNetworkClient(ca: string): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const request = https.request(url, { method, ca, headers: options?.headers ?? {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers as Record<string, string>,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as T,
          }),
        );
      });
      request.on('error', reject);
      request.end(options?.body);
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
