import { expect } from 'vitest';
import { runCampaign } from './runCampaign';

/** The subset's first seed; schedules are numbered from it. */
export const SUBSET_SEED = 20_261_127;

/**
 * Part of the seeded subset of the fault campaign (`npm run campaign` runs 10,000 schedules): randomized clicks,
 * instances, redeliveries, a SIGTERM now and then, faults in Graph, storage (memory and Azurite) and the Bot
 * Connector; the dashboard confirming the same connector at the same time; and accepted syncs followed round by round
 * while instances stop and start and Graph fails the watch's GETs. No invariant may be violated, and every kind of
 * fault must have been injected.
 */
export async function expectCleanSchedules(first: number, count: number): Promise<void> {
  const report = await runCampaign({ schedules: count, seed: first, lanes: 4, blobShare: 0.25 });
  expect(report.violations).toEqual([]);
  expect(report.schedules + report.notStarted).toBe(count);
  expect(report.notStarted).toBeLessThanOrEqual(count / 20); // storage stalls at set-up are told to the user, but rare
  for (const kind of [
    'graph:gatewayTimeout',
    'graph:hang',
    'graph:drop',
    'storage:lostAnswer',
    'storage:outage',
    'connector:5xx',
    'sigterm',
    'tab:confirm',
    'watch:followed',
    'watch:restart',
    'watch:getFault',
  ]) {
    expect(report.faults[kind] ?? 0, kind).toBeGreaterThan(0);
  }
}
