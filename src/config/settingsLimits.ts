import { integer, oneOf, text } from './parsers';
import { setting } from './settingSpec';

/**
 * What anybody on the network can cost the bot before it knows who they are: Node's defaults (a 300 s request
 * timeout, no connection cap) let slow clients hold thousands of sockets. Tests set these to about a second.
 */
export const LIMIT_SETTINGS = {
  HTTP_HEADERS_TIMEOUT_MS: setting({
    name: 'HTTP_HEADERS_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`10000`',
    summary: 'a client must send its request headers within this long, or its connection is closed',
    schema: integer(10_000, 500, 60_000, 'milliseconds from 500 to 60000, e.g. 10000'),
  }),
  HTTP_REQUEST_TIMEOUT_MS: setting({
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`15000`',
    summary:
      'a client must send its whole request (headers and a body of at most 256 KiB) within this long (at least the headers timeout)',
    schema: integer(15_000, 500, 120_000, 'milliseconds from 500 to 120000, e.g. 15000'),
  }),
  HTTP_IDLE_TIMEOUT_MS: setting({
    name: 'HTTP_IDLE_TIMEOUT_MS',
    applies: 'always',
    defaultText: '`30000`',
    summary:
      'a connection on which nothing moves for this long is closed (kept-alive connections between requests too)',
    schema: integer(30_000, 500, 600_000, 'milliseconds from 500 to 600000, e.g. 30000'),
  }),
  HTTP_MAX_CONNECTIONS: setting({
    name: 'HTTP_MAX_CONNECTIONS',
    applies: 'always',
    defaultText: '`500`',
    summary: 'open connections the server accepts at once; further ones are closed at once',
    schema: integer(500, 10, 100_000, 'a whole number from 10 to 100000, e.g. 500'),
  }),
  RATE_LIMIT_PER_MINUTE: setting({
    name: 'RATE_LIMIT_PER_MINUTE',
    applies: 'always',
    defaultText: '`1200`',
    summary:
      "requests to `/api/` one client address may make per minute before authentication; more get 429 with `Retry-After` (`0` = no limit). Teams' Bot Connector sends from few addresses: keep it generous",
    schema: integer(1_200, 0, 1_000_000, 'a whole number from 0 (no limit) to 1000000, e.g. 1200'),
  }),
  TRUST_FORWARDED_FOR: setting({
    name: 'TRUST_FORWARDED_FOR',
    applies: 'always',
    defaultText: '`false`',
    summary:
      "`true` behind App Service (the template sets it): the client address for the rate limit is the last `X-Forwarded-For` entry, the one the platform's front end adds; `false`: the connection's own address",
    schema: oneOf(['true', 'false'] as const, 'false', 'true or false'),
  }),
  ALLOWED_CHANNEL_IDS: setting({
    name: 'ALLOWED_CHANNEL_IDS',
    applies: 'teams',
    defaultText: '`msteams`',
    summary:
      'comma-separated Bot Framework channels whose activities the bot serves; others get 403. Direct Line or Web Chat clients set the tenant id themselves, so add them only with care',
    schema: text,
  }),
} as const;
