import type { RunningApp } from '../../src/app';
import { mayResend } from '../../src/graph/retry';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import type { Fault } from '../../src/simulator/graphSimulator';
import type { Backend, ConditionalWrite, StoredText } from '../../src/storage/backend';
import { visibleText } from '../helpers/cardChecks';
import type { GetFault, GraphFault } from './schedule';

/** What the campaign injects and how it reads answers: Graph faults, the dashboard's requests, the broken bots. */
export function graphFaultOf(fault: GraphFault): Fault {
  switch (fault.kind) {
    case 'ok':
      return { operation: 'sync', times: 1 };
    case 'throttled':
      return { operation: 'sync', error: simulatedErrors.throttled(fault.retryAfter ? 0 : null), times: 1 };
    case 'unavailable':
      return { operation: 'sync', error: simulatedErrors.unavailable(503), times: 1 };
    case 'gatewayTimeout':
      return { operation: 'sync', error: simulatedErrors.unavailable(504), apply: fault.apply, times: 1 };
    case 'serverError':
      return {
        operation: 'sync',
        error: { status: 500, code: 'InternalServerError', message: 'An internal server error occurred.' },
        times: 1,
      };
    case 'unauthorized':
      return { operation: 'sync', error: simulatedErrors.expiredToken(), times: 1 };
    case 'hang':
      return { operation: 'sync', delayMs: 400, apply: fault.apply, times: 1 };
    case 'drop':
      return { operation: 'sync', dropConnection: true, apply: fault.apply, times: 1 };
  }
}

/** What an invoke answer shows: the card's text, or the message. */
export function textOfAnswer(body: unknown): string {
  const answer = body as { type?: string; value?: unknown } | undefined;
  if (answer?.type === 'application/vnd.microsoft.card.adaptive') return visibleText(answer.value as never);
  return typeof answer?.value === 'string' ? answer.value : '';
}

export function getFaultOf(fault: GetFault): Fault {
  switch (fault) {
    case 'throttled':
      return { operation: 'get', error: simulatedErrors.throttled(null), times: 1 };
    case 'unavailable':
      return { operation: 'get', error: simulatedErrors.unavailable(503), times: 3 };
    case 'serverError':
      return {
        operation: 'get',
        error: { status: 500, code: 'InternalServerError', message: 'An internal server error occurred.' },
        times: 3,
      };
    case 'drop':
      return { operation: 'get', dropConnection: true, times: 3 };
  }
}

/** A request of the dashboard page (local mode: the local user; the page's own origin). */
export async function tabPost(instance: RunningApp, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${instance.server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** A rule that also resends a sync whose answer was a 504: the bug the campaign's I1 must catch. */
export const resend504: typeof mayResend = (kind, error) => mayResend(kind, error) || error.status === 504;

/** The outcome states a claimed confirmation moves to, as stored. */
const OUTCOME = /"state":"(requested|refused|unknown)"/;
/** A watch's end (completed, not reported, status changed, stopped), as stored. */
const WATCH_END = /"state":\{"kind":"(completed|notReported|statusChanged|stopped)"/;

/**
 * The storage a broken bot runs on, each a bug one invariant must catch:
 * - `lostCompletion` (I6): history's completion writes report success and store nothing;
 * - `doublePoll` (I7): watch records are written without their condition (If-Match ignored), so two instances that
 *   read a free lease at once both take it and both poll;
 * - `lostOutcome` (I2): a confirmation's outcome (requested, refused, unknown) is never stored: it stays "Sending…";
 * - `wrongAudit` (I3): history records every sync Graph accepted as refused;
 * - `lostAudit` (I4): history stores nothing at all;
 * - `slowAnswer` (I5, with the answer deadline raised past the budget): each claim write takes 700 ms;
 * - `endlessWatch` (I8): a watch's end is never stored, so it is followed forever;
 * - `forgottenPromise` (I0): a write leaves a rejected promise nobody handles.
 */
export function brokenBackend(broken: string | undefined, inner: Backend): Backend {
  const isAudit = (key: string): boolean => key.startsWith('audit/');
  switch (broken) {
    case 'lostCompletion':
      return new Rewriting(inner, (key, body) => isAudit(key) && body.includes('"completion"'), { drop: true });
    case 'doublePoll':
      return new Rewriting(inner, (key) => key.startsWith('watches/'), { unconditional: true });
    case 'lostOutcome':
      return new Rewriting(inner, (key, body) => key.startsWith('confirmations/') && OUTCOME.test(body), {
        drop: true,
      });
    case 'wrongAudit':
      return new Rewriting(inner, isAudit, {
        body: (body) => body.replaceAll('"outcome":"requested"', '"outcome":"refused"'),
      });
    case 'lostAudit':
      return new Rewriting(inner, isAudit, { drop: true });
    case 'slowAnswer':
      return new Rewriting(inner, (key) => key.startsWith('claims/'), { delayMs: 700 });
    case 'endlessWatch':
      return new Rewriting(inner, (key, body) => key.startsWith('watches/') && WATCH_END.test(body), { drop: true });
    case 'forgottenPromise':
      return new Rewriting(inner, (key) => key.startsWith('confirmations/'), { forget: true });
    default:
      return inner;
  }
}

/** What a broken backend does to a matching write. */
interface Rewrite {
  /** Report success, store nothing. */
  drop?: boolean;
  /** Store it whatever the condition says. */
  unconditional?: boolean;
  /** Store this body instead. */
  body?: (body: string) => string;
  delayMs?: number;
  /** Start work whose failure nobody awaits. */
  forget?: boolean;
}

class Rewriting implements Backend {
  constructor(
    private readonly inner: Backend,
    private readonly matches: (key: string, body: string) => boolean,
    private readonly how: Rewrite,
  ) {}
  get(key: string, signal: AbortSignal): Promise<StoredText | null> {
    return this.inner.get(key, signal);
  }
  async putIfAbsent(
    key: string,
    body: string,
    expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    if (!this.matches(key, body)) return this.inner.putIfAbsent(key, body, expiresAt, signal);
    await this.misbehave();
    if (this.how.drop) return { ok: true, eTag: '"dropped"' };
    return this.inner.putIfAbsent(key, this.how.body?.(body) ?? body, expiresAt, signal);
  }
  async putIfMatch(
    key: string,
    body: string,
    eTag: string,
    expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    if (!this.matches(key, body)) return this.inner.putIfMatch(key, body, eTag, expiresAt, signal);
    await this.misbehave();
    if (this.how.drop) return { ok: true, eTag };
    if (this.how.unconditional) return { ok: true, eTag: await this.inner.put(key, body, expiresAt, signal) };
    return this.inner.putIfMatch(key, this.how.body?.(body) ?? body, eTag, expiresAt, signal);
  }
  put(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<string> {
    return this.inner.put(key, body, expiresAt, signal);
  }
  delete(key: string, signal: AbortSignal): Promise<void> {
    return this.inner.delete(key, signal);
  }
  list(prefix: string, signal: AbortSignal): Promise<string[]> {
    return this.inner.list(prefix, signal);
  }
  ping(signal: AbortSignal): Promise<void> {
    return this.inner.ping(signal);
  }

  private async misbehave(): Promise<void> {
    if (this.how.delayMs) await new Promise((resolve) => setTimeout(resolve, this.how.delayMs));
    if (this.how.forget) void Promise.reject(new Error('a write whose failure nobody awaits'));
  }
}
