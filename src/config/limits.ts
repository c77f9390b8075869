import type { HttpLimits } from '../http/clientLimits';
import type { SettingValues } from './settings';

/** What a client may cost before authentication, from the HTTP_*, RATE_LIMIT_PER_MINUTE and TRUST_* settings. */
export function httpLimits(values: SettingValues, problems: string[]): HttpLimits {
  if (values.HTTP_REQUEST_TIMEOUT_MS < values.HTTP_HEADERS_TIMEOUT_MS) {
    problems.push(
      `HTTP_REQUEST_TIMEOUT_MS=${values.HTTP_REQUEST_TIMEOUT_MS} is shorter than HTTP_HEADERS_TIMEOUT_MS=${values.HTTP_HEADERS_TIMEOUT_MS}: the whole request includes its headers; set it at least as long`,
    );
  }
  return {
    headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
    idleTimeoutMs: values.HTTP_IDLE_TIMEOUT_MS,
    maxConnections: values.HTTP_MAX_CONNECTIONS,
    requestsPerMinute: values.RATE_LIMIT_PER_MINUTE,
    trustForwardedFor: values.TRUST_FORWARDED_FOR === 'true',
  };
}

/** The Bot Framework channels Teams mode serves: ALLOWED_CHANNEL_IDS, `msteams` alone by default. */
export function channelsOf(values: SettingValues): string[] {
  const channels = values.ALLOWED_CHANNEL_IDS.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return channels.length > 0 ? channels : ['msteams'];
}
