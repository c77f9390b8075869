import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Redaction is a safety net only: the bot never passes tokens or secrets to the logger,
 * and a test captures the logs of whole flows to check that none appears.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'connector-sync-bot' },
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
