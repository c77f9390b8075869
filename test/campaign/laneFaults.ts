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

/**
 * The storage a broken bot runs on: `lostCompletion` loses the end of a followed sync (history's completion writes
 * report success and store nothing); `doublePoll` writes watch records without their condition (If-Match ignored), so
 * two instances that read a free lease at once both take it and both poll.
 */
export function brokenBackend(broken: string | undefined, inner: Backend): Backend {
  if (broken === 'lostCompletion')
    return new Rewriting(inner, (key, body) => key.startsWith('audit/') && body.includes('"completion"'), 'drop');
  if (broken === 'doublePoll') return new Rewriting(inner, (key) => key.startsWith('watches/'), 'unconditional');
  return inner;
}

class Rewriting implements Backend {
  constructor(
    private readonly inner: Backend,
    private readonly matches: (key: string, body: string) => boolean,
    private readonly how: 'drop' | 'unconditional',
  ) {}
  get(key: string, signal: AbortSignal): Promise<StoredText | null> {
    return this.inner.get(key, signal);
  }
  putIfAbsent(key: string, body: string, expiresAt: number | null, signal: AbortSignal): Promise<ConditionalWrite> {
    return this.inner.putIfAbsent(key, body, expiresAt, signal);
  }
  async putIfMatch(
    key: string,
    body: string,
    eTag: string,
    expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    if (!this.matches(key, body)) return this.inner.putIfMatch(key, body, eTag, expiresAt, signal);
    if (this.how === 'drop') return { ok: true, eTag };
    return { ok: true, eTag: await this.inner.put(key, body, expiresAt, signal) };
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
}
