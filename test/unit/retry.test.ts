import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline';
import { GraphRequestError, kindForStatus } from '../../src/graph/errors';
import { mayResend, withRetries, type RequestKind, type RetryPolicy } from '../../src/graph/retry';

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 4, maxDelayMs: 16 };
const answered = (status: number, retryAfter: number | null = null): GraphRequestError =>
  new GraphRequestError(kindForStatus(status), status, 'req', retryAfter, `Graph answered ${status}`);
const lost = new GraphRequestError('noAnswer', null, null, null, 'no answer');
const notSent = new GraphRequestError('unreachable', null, null, null, 'refused');

/** Runs withRetries against a scripted sequence of outcomes; returns the attempts and the result. */
async function run(
  kind: RequestKind,
  outcomes: Array<GraphRequestError | 'ok'>,
  deadlineMs = 5_000,
): Promise<{ attempts: number; result: string }> {
  let attempts = 0;
  const result = await withRetries(
    kind,
    () => {
      const outcome = outcomes[attempts++];
      return outcome === 'ok' ? Promise.resolve('ok') : Promise.reject(outcome ?? new Error('script ran out'));
    },
    policy,
    Deadline.after(deadlineMs),
    { random: () => 0.5 },
  ).catch((error: unknown) => (error instanceof GraphRequestError ? `failed ${error.kind}` : 'unexpected'));
  return { attempts, result };
}

describe('which requests may be sent again', () => {
  it('the sync POST is resent only when Graph said it did not act (429, 503) or the request never left', () => {
    expect([429, 503].map((status) => mayResend('action', answered(status)))).toEqual([true, true]);
    expect(mayResend('action', notSent)).toBe(true);
    expect([400, 401, 403, 404, 500, 502, 504].map((status) => mayResend('action', answered(status)))).toEqual(
      Array(7).fill(false),
    );
    expect(mayResend('action', lost)).toBe(false);
  });

  it('a read may also be repeated after a lost or broken answer', () => {
    expect([429, 500, 502, 503, 504].map((status) => mayResend('read', answered(status)))).toEqual(Array(5).fill(true));
    expect(mayResend('read', lost)).toBe(true);
    expect([400, 401, 403, 404].map((status) => mayResend('read', answered(status)))).toEqual(Array(4).fill(false));
  });
});

describe('withRetries', () => {
  it('a 504 on the sync is final: one attempt, outcome unknown', async () => {
    expect(await run('action', [answered(504), 'ok'])).toEqual({ attempts: 1, result: 'failed noAnswer' });
  });

  it('429 and 503 on the sync are retried until they pass, within the attempts', async () => {
    expect(await run('action', [answered(429), answered(503), 'ok'])).toEqual({ attempts: 3, result: 'ok' });
    expect(await run('action', [answered(503), answered(503), answered(503), 'ok'])).toEqual({
      attempts: 3,
      result: 'failed unavailable',
    });
  });

  it('never waits past the deadline: a Retry-After longer than the time left ends the call', async () => {
    expect(await run('action', [answered(429, 30), 'ok'], 5_000)).toEqual({ attempts: 1, result: 'failed throttled' });
  });

  it('honours Retry-After when it fits', async () => {
    const started = Date.now();
    expect(await run('read', [answered(429, 1), 'ok'], 5_000)).toEqual({ attempts: 2, result: 'ok' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });
});
