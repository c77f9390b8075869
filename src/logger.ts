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

/** How much of a value from outside (an activity id, a header) a log line carries. */
const SHOWN_CHARS = 128;
/** Any longer string field is cut to SHOWN_CHARS: a safety net under `cut`, so no caller can make a line huge. */
const FIELD_LIMIT = 1_024;

/**
 * A value from outside, cut for a log line: a refused request with a 250 KB activity id must not write a 250 KB
 * line (and ship it to Log Analytics). Says how much was left out.
 */
export function cut(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length <= SHOWN_CHARS ? text : `${text.slice(0, SHOWN_CHARS)}…(+${text.length - SHOWN_CHARS} chars)`;
}

function cutLongFields(object: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(object)) {
    // Ids (activityId, messageId, …) come from outside and are short when honest.
    const limit = /id$/i.test(key) ? SHOWN_CHARS : FIELD_LIMIT;
    if (typeof value === 'string' && value.length > limit) object[key] = cut(value);
  }
  return object;
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
      formatters: { log: cutLongFields },
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

/**
 * A warning any anonymous caller can trigger at will (a refused request), written at most `perMinute` times a minute:
 * a flood of refusals must not become a flood of log lines. The next line written says how many were left out.
 */
export class SampledWarning {
  private windowStart = 0;
  private written = 0;
  private skipped = 0;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly perMinute = 30,
    private readonly now: () => number = Date.now,
  ) {}

  warn(fields: Record<string, unknown>): void {
    if (this.now() - this.windowStart >= 60_000) {
      this.windowStart = this.now();
      this.written = 0;
    }
    if (this.written >= this.perMinute) {
      this.skipped += 1;
      return;
    }
    this.written += 1;
    this.logger.warn({ ...fields, ...(this.skipped > 0 ? { notLogged: this.skipped } : {}) }, this.message);
    this.skipped = 0;
  }
}
