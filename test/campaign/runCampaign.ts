import { Azurite } from '../helpers/azurite';
import { CAMPAIGN_ENV, Lane, NotStarted, type Broken } from './lane';
import type { Observation } from './observation';
import { check, type Reclassified, type Violation } from './invariants';
import { StallMonitor } from './stalls';
import { drawSchedule } from './schedule';

export interface CampaignOptions {
  schedules: number;
  seed: number;
  /** Schedules run side by side in this many lanes (each with its own Graph, Bot Connector and storage). */
  lanes: number;
  /** Share of two-instance schedules that run on Azurite instead of shared memory. */
  blobShare: number;
  /**
   * A deliberately broken bot, to show the campaign notices: `resend504` resends a sync after a 504 (I1); the others,
   * one per invariant I0 and I2-I8, are storage that misbehaves (brokenBackend in laneFaults.ts).
   */
  broken?: Broken;
  onProgress?: (done: number) => void;
}

export interface CampaignReport {
  schedules: number;
  /** Schedules whose confirmation card could not be had because storage did not answer (the bot said so). */
  notStarted: number;
  seeds: { first: number; last: number };
  faults: Record<string, number>;
  violations: Violation[];
  /** Timing events that broke an invariant's letter, each with the rule and the times that excuse it. */
  reclassified: Reclassified[];
  wallMs: number;
  invoke: { count: number; p50: number; p99: number; max: number };
  unhandledRejections: number;
}

/** An invoke must be answered by CARD_ANSWER_DEADLINE_MS plus this much (scheduling on a loaded 2-core machine). */
export const ANSWER_SLACK_MS = 400;

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = Date.now();
  const azurite = options.blobShare > 0 ? await new Azurite().start() : null;
  const stalls = new StallMonitor();
  stalls.start();
  const lanes = Array.from({ length: options.lanes }, () => new Lane(azurite, options.broken, stalls));
  let unhandled = 0;
  let notStarted = 0;
  const onUnhandled = (): void => void (unhandled += 1);
  process.on('unhandledRejection', onUnhandled);
  const observations: Observation[] = [];
  const violations: Violation[] = [];
  const reclassified: Reclassified[] = [];
  const budget = Number(CAMPAIGN_ENV.CARD_ANSWER_DEADLINE_MS) + ANSWER_SLACK_MS;
  try {
    await Promise.all(lanes.map((lane) => lane.start()));
    let next = 0;
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < options.schedules) {
          const seed = options.seed + next;
          next += 1;
          const schedule = drawSchedule(seed, { blobShare: azurite ? options.blobShare : 0 });
          try {
            const observation = await lane.run(schedule);
            observations.push(observation);
            const judged = check(observation, budget);
            violations.push(...judged.violations);
            reclassified.push(...judged.reclassified);
          } catch (error) {
            if (error instanceof NotStarted) notStarted += 1;
            else
              violations.push({
                invariant: 'I0 the schedule ran to its end',
                seed,
                detail: `the schedule crashed: ${error instanceof Error ? error.message : String(error)}`,
              });
          }
          options.onProgress?.(observations.length);
        }
      }),
    );
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await Promise.allSettled(lanes.map((lane) => lane.stop()));
    await azurite?.stop();
    stalls.stop();
  }
  if (unhandled > 0)
    violations.push({
      invariant: 'I0 the schedule ran to its end',
      seed: options.seed,
      detail: `${unhandled} unhandled promise rejections`,
    });
  const faults: Record<string, number> = {};
  for (const observation of observations)
    for (const fault of observation.faultsInjected) faults[fault] = (faults[fault] ?? 0) + 1;
  const times = observations.flatMap((observation) => observation.invokeMs).sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    schedules: observations.length,
    notStarted,
    seeds: { first: options.seed, last: options.seed + options.schedules - 1 },
    faults,
    violations,
    reclassified,
    wallMs: Date.now() - started,
    invoke: { count: times.length, p50: at(0.5), p99: at(0.99), max: times.at(-1) ?? 0 },
    unhandledRejections: unhandled,
  };
}
