import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  /** Body of the n-th request (every request gets its own activity id, as Teams sends). */
  body: (n: number) => Record<string, unknown>;
  connections?: number;
  durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
}

/** One autocannon run against a bot endpoint, on loopback, bounded in time or count. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: options.connections ?? 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 5 }),
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body(n++)) }) }],
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    // Total over wall time: right for fixed-count runs too, where per-second samples are few.
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
