import type { GraphRequestError } from '../graph/errors';
import type { Messages } from '../i18n';
import { join, ours, type Rich } from '../text/rich';

/** A Graph failure during a look-up (list, status, history, resolving a name): what happened, what to do, the request-id. */
export function lookupFailureText(error: GraphRequestError, m: Messages): Rich {
  const parts: Rich[] = [ours(m.lookupFailure[error.kind])];
  if (error.retryAfterSeconds !== null) parts.push(ours(m.retryAfter(error.retryAfterSeconds)));
  if (error.requestId) parts.push(join([ours('('), m.graphRequestId(error.requestId), ours(')')], ''));
  return join(parts);
}
