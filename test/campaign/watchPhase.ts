import type { RunningApp } from '../../src/app';
import type { GraphSimulator } from '../../src/simulator/graphSimulator';
import type { WatchObservation } from './observation';
import { getFaultOf } from './laneFaults';
import type { WatchPlan } from './schedule';

/** The campaign's watch interval (SYNC_WATCH_INTERVAL_SECONDS=600): the lane moves the clock this much per round. */
export const WATCH_INTERVAL_MS = 600_000;
/** SYNC_WATCH_MINUTES=60: six intervals. */
const WATCH_WINDOW_ROUNDS = 6;
/** A stopped instance's lease lapses after three intervals and a margin: the next instance polls in the fourth. */
export const TAKEOVER_ROUNDS = 4;

export interface Bots {
  instances: RunningApp[];
  alive: Set<number>;
  start: () => Promise<RunningApp>;
  advance: (ms: number) => void;
  now: () => number;
}

/**
 * Follows the accepted sync round by round: each round moves the clock one watch interval and runs one round on every
 * instance alive; instances stop (leaving their lease, as a crash does) and new ones start; Graph fails GETs; Intune
 * reports the sync in one round. Rounds go on past the window and a takeover, so every watch can end.
 */
export async function followRounds(
  sim: GraphSimulator,
  plan: WatchPlan,
  connectorId: string,
  bots: Bots,
): Promise<Omit<WatchObservation, 'state' | 'completions' | 'card'>> {
  const rounds = WATCH_WINDOW_ROUNDS + TAKEOVER_ROUNDS + 2;
  const getsPerRound: WatchObservation['getsPerRound'] = [];
  let reportedRound: number | null = null;
  // Polls that got an answer: a GET Graph failed is retried by the client within the same poll (not a second poll).
  // Each instance alive asks Graph under its own host name: GETs from one instance in one round are one poll and its
  // client's retries (a retry follows only an attempt the client gave up on); instances that got answers are polls.
  const answered = () =>
    sim.calls.filter((call) => call.operation === 'get' && call.connectorId === connectorId && call.status === 200);
  for (let round = 1; round <= rounds; round += 1) {
    bots.advance(WATCH_INTERVAL_MS + 1);
    const restarts = plan.restarts.filter((one) => one.round === round);
    for (const { instance } of restarts) {
      const stopping = bots.alive.has(instance) ? instance : [...bots.alive][0];
      if (stopping === undefined) continue;
      bots.alive.delete(stopping);
      await bots.instances[stopping]!.stop(100);
      bots.instances.push(await bots.start());
      bots.alive.add(bots.instances.length - 1);
    }
    for (const { fault } of plan.getFaults.filter((one) => one.round === round)) sim.addFault(getFaultOf(fault));
    if (plan.reportAt === round) {
      sim.changeConnector(connectorId, { lastSyncDateTime: new Date(bots.now()).toISOString() });
      reportedRound = round;
    }
    const before = answered().length;
    await Promise.all([...bots.alive].map((n) => bots.instances[n]!.watchRound()));
    await Promise.all([...bots.alive].map((n) => bots.instances[n]!.idle(10_000)));
    const inRound = answered().slice(before);
    const polls = new Set(inRound.map((call) => call.host)).size;
    const retries = inRound.length > polls ? inRound.map((call) => call.answeredAfterMs ?? 0) : [];
    getsPerRound.push({ gets: polls, restart: restarts.length > 0, retries });
  }
  sim.clearFaults();
  return { reportedRound, rounds, getsPerRound };
}
