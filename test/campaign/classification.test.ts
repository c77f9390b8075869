import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/sync/auditLog';
import { check } from './invariants';
import type { Observation } from './observation';
import { drawSchedule } from './schedule';
import { StallMonitor } from './stalls';

/** A schedule where nothing was clicked through: only the invokes' times differ between the cases. */
function observed(invokes: Observation['invokes']): Observation {
  const card = 'Sync this Exchange connector?';
  return {
    schedule: { ...drawSchedule(7, { blobShare: 0 }), watch: null },
    connectorId: 'c',
    confirmationId: 'x',
    posts: [],
    finalState: 'pending',
    unknownBecause: null,
    audit: [],
    shownCard: card,
    lastInvokeCard: card,
    finalView: card,
    invokeMs: invokes.map((invoke) => invoke.ms),
    invokes,
    faultsInjected: [],
    tab: null,
    watch: null,
  };
}

describe("the campaign's classification of timing events", () => {
  it('measures how long the event loop was stalled in a span, and not the quiet time around it', async () => {
    const stalls = new StallMonitor();
    stalls.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const from = performance.now();
      const busyUntil = Date.now() + 200;
      while (Date.now() < busyUntil); // the loop held, as another lane's work holds it
      await new Promise((resolve) => setTimeout(resolve, 30));
      const stalled = stalls.stalledBetween(from, performance.now());
      expect(stalled).toBeGreaterThanOrEqual(150);
      expect(stalled).toBeLessThanOrEqual(performance.now() - from);
      const quietFrom = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stalls.stalledBetween(quietFrom, performance.now())).toBeLessThan(stalled / 2);
      // Counted whole, the block is seen from a span that begins after it started.
      const late = stalls.stalledBetween(from + 100, from + 400, { whole: true });
      expect(late).toBeGreaterThanOrEqual(150);
      expect(stalls.stalledBetween(from + 100, from + 400)).toBeLessThan(late);
    } finally {
      stalls.stop();
    }
  });

  it('a slow invoke the process stalls explain is reclassified with its times; one they do not is an I5 violation', () => {
    const excused = check(observed([{ ms: 700, stalledMs: 450, status: 200 }]), 500);
    expect(excused.violations).toEqual([]);
    expect(excused.reclassified).toEqual([
      {
        invariant: 'I5 answered in time',
        seed: 7,
        as: 'process stalled',
        evidence: { ms: 700, stalledMs: 450, budgetMs: 500, status: 200 },
      },
    ]);
    const slow = check(observed([{ ms: 700, stalledMs: 100, status: 200 }]), 500);
    expect(slow.reclassified).toEqual([]);
    expect(slow.violations.map((violation) => violation.detail)).toEqual([
      'an invoke took 700 ms, 100 ms of it with the process stalled (budget 500 ms, status 200)',
    ]);
  });

  it('a refused invoke is judged by its time like an answered one', () => {
    const refused = check(observed([{ ms: 900, stalledMs: 0, status: 503 }]), 500);
    expect(refused.violations.map((violation) => violation.invariant)).toEqual(['I5 answered in time']);
  });

  it('an "unknown" outcome whose answer came after its caller gave up (Graph time plus stalls) is reclassified with those times', () => {
    const card = 'Outcome unknown';
    const unknown = (answeredAfterMs: number, stalledMs: number): Observation => ({
      ...observed([]),
      posts: [{ status: 204, accepted: true, answeredAfterMs, stalledMs, late: answeredAfterMs + stalledMs > 150 }],
      finalState: 'unknown',
      unknownBecause: 'noAnswer (noAnswer)',
      audit: [{ confirmationId: 'x', outcome: 'unknown' } as AuditEntry],
      shownCard: card,
      lastInvokeCard: card,
      finalView: card,
    });
    const late = check(unknown(40, 130), 500);
    expect(late.violations).toEqual([]);
    expect(late.reclassified).toEqual([
      {
        invariant: 'I3 card and audit match Graph',
        seed: 7,
        as: 'answer after the caller gave up',
        evidence: { answeredAfterMs: [40], stalledMs: [130] },
      },
    ]);
    const inTime = check(unknown(20, 10), 500);
    expect(inTime.violations.map((violation) => violation.detail)).toEqual([
      'says unknown (noAnswer (noAnswer)), but every answer arrived (204 in 20 ms, 10 ms stalled)',
    ]);
  });
});
