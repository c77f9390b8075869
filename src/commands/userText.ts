import { AppError } from '../errors';
import { GraphRequestError } from '../graph/errors';
import type { Messages } from '../i18n';
import { join, ours, type Rich } from '../text/rich';

/** A Graph failure during a look-up (list, status, history, resolving a name): what happened, what to do, the request-id. */
export function lookupFailureText(error: GraphRequestError, m: Messages): Rich {
  const parts: Rich[] = [ours(m.lookupFailure[error.kind])];
  if (error.retryAfterSeconds !== null) parts.push(ours(m.retryAfter(error.retryAfterSeconds)));
  if (error.requestId) parts.push(join([ours('('), m.graphRequestId(error.requestId), ours(')')], ''));
  return join(parts);
}

/** Outages a user is told about as such (try again later), rather than as a bug, by their error codes. */
const OUTAGES = {
  STORAGE_UNAVAILABLE: 'storageUnavailable',
  STORAGE_FULL: 'storageFull',
  TOKEN_SERVICE_FAILED: 'tokenServiceUnavailable',
} as const;

/**
 * What to tell a person about an error, in their language: the one place errors become words (chat, cards and the
 * dashboard alike). Errors are recognised by class or by `code`, never by message text.
 */
export function userTextOf(error: unknown, m: Messages): Rich {
  if (error instanceof GraphRequestError) return lookupFailureText(error, m);
  if (isKnownProblem(error)) return ours(m[OUTAGES[error.code as keyof typeof OUTAGES]]);
  return ours(m.unexpectedError);
}

/** Whether a failure is a known outage (told to the user as such) rather than a bug. */
export function isKnownProblem(error: unknown): error is AppError {
  return error instanceof AppError && Object.hasOwn(OUTAGES, (error as AppError).code);
}
