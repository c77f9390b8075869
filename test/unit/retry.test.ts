import { describe, expect, it } from 'vitest';
import { GraphRequestError, kindForStatus } from '../../src/graph/errors';
import { withRetries, type RetryPolicy } from '../../src/graph/retry';

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxTotalMs: 20_000 };
const failure = (status: number, retryAfter: number | null = null): GraphRequestError =>
  new GraphRequestError(kindForStatus(status), status, 'req', retryAfter, `Graph answered ${status}`);

/** Runs withRetries against a scripted sequence of outcomes, with a fake clock; returns the waits and attempts. */
async function run(outcomes: Array<GraphRequestError | 'ok'>, random = 0.5): Promise<{ waits: number[]; attempts: number; result: string }> {
  const waits: number[] = [];
  let clock = 0;
  let attempts = 0;
  const result = await withRetries(
    () => {
      const outcome = outcomes[attempts++];
      return outcome === 'ok' ? Promise.resolve('ok') : Promise.reject(outcome ?? new Error('script ran out'));
    },
    policy,
    { sleep: (ms) => ((clock += ms), waits.push(ms), Promise.resolve()), random: () => random, now: () => clock },
  ).catch((error: unknown) => (error instanceof GraphRequestError ? `failed ${error.status}` : 'unexpected'));
  return { waits, attempts, result };
}

describe('withRetries', () => {
  it('honours Retry-After on a 429', async () => {
    expect(await run([failure(429, 1), 'ok'])).toEqual({ waits: [1000], attempts: 2, result: 'ok' });
  });

  it('backs off exponentially with jitter when a 429 has no Retry-After (Intune) and on 503/504', async () => {
    expect(await run([failure(429), failure(503), 'ok'], 1)).toEqual({ waits: [500, 1000], attempts: 3, result: 'ok' });
    expect(await run([failure(504), 'ok'], 0)).toEqual({ waits: [250], attempts: 2, result: 'ok' });
  });

  it('gives up after the last attempt with the last failure', async () => {
    expect(await run([failure(503), failure(503), failure(503), 'ok'])).toMatchObject({ attempts: 3, result: 'failed 503' });
  });

  it.each([400, 401, 403, 404, 500])('never retries %i', async (status) => {
    expect(await run([failure(status), 'ok'])).toEqual({ waits: [], attempts: 1, result: `failed ${status}` });
  });

  it('does not wait past the total budget', async () => {
    expect(await run([failure(429, 30), 'ok'])).toEqual({ waits: [], attempts: 1, result: 'failed 429' });
  });
});
