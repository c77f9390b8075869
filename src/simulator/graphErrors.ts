import { randomUUID } from 'node:crypto';

/** Graph's `innerError.date`: ISO-like, seconds precision, no `Z` (docs/platform-notes.md §1). */
function graphDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export interface SimulatedError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

export function errorBody(error: SimulatedError, requestId: string, clientRequestId: string, now: Date): string {
  return JSON.stringify({
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: graphDate(now), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  });
}

/** Intune wraps its own messages as a JSON string inside `error.message`. */
function intuneMessage(text: string): string {
  return JSON.stringify({ _version: 3, Message: `${text} - Operation ID (for customer support): ${randomUUID()}` });
}

export const simulatedErrors = {
  noToken: (): SimulatedError => ({
    status: 401,
    code: 'InvalidAuthenticationToken',
    message: 'Access token is empty.',
    headers: {
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    },
  }),
  expiredToken: (): SimulatedError => ({
    status: 401,
    code: 'InvalidAuthenticationToken',
    message: 'Access token has expired or is not yet valid.',
    headers: { 'WWW-Authenticate': 'Bearer realm="", error="invalid_token"' },
  }),
  missingScope: (): SimulatedError => ({
    status: 403,
    code: 'Forbidden',
    message: intuneMessage(
      'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementServiceConfig.ReadWrite.All',
    ),
  }),
  missingRole: (): SimulatedError => ({
    status: 403,
    code: 'Forbidden',
    message: intuneMessage('User is not authorized to perform this operation'),
  }),
  notFound: (id: string): SimulatedError => ({
    status: 404,
    code: 'ResourceNotFound',
    message: intuneMessage(`Resource not found: deviceManagementExchangeConnector ${id}`),
  }),
  badSyncType: (value: unknown): SimulatedError => ({
    status: 400,
    code: 'BadRequest',
    message: `Invalid value '${String(value)}' for parameter 'syncType'. Expected fullSync or deltaSync.`,
  }),
  badRequest: (text: string): SimulatedError => ({ status: 400, code: 'BadRequest', message: text }),
  throttled: (retryAfterSeconds: number | null): SimulatedError => ({
    status: 429,
    code: 'TooManyRequests',
    message: intuneMessage('Too many requests'),
    ...(retryAfterSeconds === null ? {} : { headers: { 'Retry-After': String(retryAfterSeconds) } }),
  }),
  unavailable: (status: 503 | 504 = 503): SimulatedError => ({
    status,
    code: status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout',
    message: 'The service is temporarily unavailable. Please retry later.',
  }),
};
