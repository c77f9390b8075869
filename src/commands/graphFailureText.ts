import type { GraphRequestError } from '../graph/errors';
import type { Messages } from '../i18n';

/** A Graph failure as one friendly message: what happened, what to do, and the request-id for support. */
export function graphFailureText(error: GraphRequestError, m: Messages): string {
  const parts = [m.graphFailure[error.kind]];
  if (error.retryAfterSeconds !== null) parts.push(m.retryAfter(error.retryAfterSeconds));
  if (error.requestId) parts.push(`(${m.graphRequestId(error.requestId)})`);
  return parts.join(' ');
}
