import { ManagedIdentityCredential } from '@azure/identity';
import {
  shutdownAzureMonitor,
  useAzureMonitor,
  type AzureMonitorOpenTelemetryOptions,
} from '@azure/monitor-opentelemetry';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** The distribution's own OpenTelemetry types, so that no second copy of the SDK is needed. */
type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];

/**
 * Application Insights through Microsoft's OpenTelemetry distribution: incoming requests, outgoing HTTP (Graph through
 * fetch; Bot Connector, token service and storage through node:http) and the bot's pino log lines. Started before the rest of the bot is loaded, as
 * OpenTelemetry instruments modules when they are first required.
 *
 * What leaves the process: URLs without their query strings (the token service takes sign-in codes there), no
 * headers, no bodies; log lines as pino wrote them, after its redaction (the bot never logs message text or tokens, and
 * a test reads the exported telemetry to prove it). Nothing is written to disk when the ingestion endpoint is away.
 */
export function startTelemetry(connectionString: string, managedIdentityClientId: string | null): () => Promise<void> {
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString,
      disableOfflineStorage: true,
      // The deployed component refuses the instrumentation key (DisableLocalAuth): the bot's identity signs in.
      ...(managedIdentityClientId
        ? { credential: new ManagedIdentityCredential({ clientId: managedIdentityClientId }) }
        : {}),
    },
    spanProcessors: [queryStringRemover],
    enableLiveMetrics: false,
  });
  // Both are enabled on construction and use the providers useAzureMonitor has just made global: pino's lines become
  // log records, and fetch (Graph) calls become dependencies, which the distribution's http instrumentation misses.
  new PinoInstrumentation();
  new UndiciInstrumentation();
  return shutdownAzureMonitor;
}

/** Span attributes that can hold a URL, in the old and the new HTTP semantic conventions. */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.path'];

/** Drops query strings from spans before they are exported (they can carry sign-in codes and skip tokens). */
const queryStringRemover: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span) => {
    const attributes = span.attributes as Record<string, unknown>;
    delete attributes['url.query'];
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string' && value.includes('?')) attributes[key] = value.slice(0, value.indexOf('?'));
    }
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};
