import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/**
 * Errors are logged by a short list of fields only. HTTP client errors (ms-rest, Azure SDK, Graph SDK) carry the
 * request they failed on, headers and body included: logging them whole would log a bearer token.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & {
    code?: unknown;
    statusCode?: unknown;
    status?: unknown;
    kind?: unknown;
    requestId?: unknown;
  };
  const picked: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const key of ['code', 'statusCode', 'status', 'kind', 'requestId'] as const) {
    if (typeof fields[key] === 'string' || typeof fields[key] === 'number') picked[key] = fields[key];
  }
  return picked;
}

/**
 * Structured JSON logs. Redaction is a safety net only: the bot never passes tokens or secrets to the logger,
 * and a test captures the logs of whole flows to check that none appears.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'connector-sync-bot' },
      serializers: { err: safeError },
      redact: {
        paths: [
          'token',
          '*.token',
          'accessToken',
          '*.accessToken',
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
          'req.headers.authorization',
          'MicrosoftAppPassword',
          '*.MicrosoftAppPassword',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
