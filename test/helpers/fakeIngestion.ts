import type http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { LoopbackServer, bodyOf, type LoopbackCertificate } from './loopbackServer';

/** One Application Insights envelope as the exporter sends it (Breeze v2.1 track contract). */
export interface Envelope {
  name: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/**
 * A loopback Application Insights ingestion endpoint (`POST /v2.1/track`, a JSON array of envelopes, gzip or not),
 * answering as Breeze does: `{itemsReceived, itemsAccepted, errors: []}`. It keeps every envelope it was sent.
 * HTTPS only: the exporter rewrites any http endpoint to https.
 */
export class FakeIngestion extends LoopbackServer {
  readonly envelopes: Envelope[] = [];

  constructor(certificate: LoopbackCertificate) {
    super(certificate);
  }

  /** The connection string that sends a bot's telemetry here. */
  get connectionString(): string {
    return `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${this.url}/`;
  }

  ofType(baseType: string): Array<Record<string, unknown>> {
    return this.envelopes
      .filter((envelope) => envelope.data?.baseType === baseType)
      .map((envelope) => envelope.data?.baseData ?? {});
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await bodyOf(req);
    const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const items = text.trim().startsWith('[')
      ? (JSON.parse(text) as Envelope[])
      : text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Envelope);
    if (req.url?.startsWith('/v2.1/track')) this.envelopes.push(...items);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
  }
}
