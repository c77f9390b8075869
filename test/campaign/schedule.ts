/** A small seeded PRNG (mulberry32): the same seed draws the same schedule, so any run can be repeated exactly. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** What Graph does with one sync POST. `apply`: Intune acts although the answer is lost (only where it can be). */
export type GraphFault =
  | { kind: 'ok' }
  | { kind: 'throttled'; retryAfter: boolean }
  | { kind: 'unavailable' }
  | { kind: 'gatewayTimeout'; apply: boolean }
  | { kind: 'serverError' }
  | { kind: 'unauthorized' }
  | { kind: 'hang'; apply: boolean }
  | { kind: 'drop'; apply: boolean };

export type StorageFaultKind = 'outage' | 'slow' | 'lostAnswer';

export interface Click {
  /** Milliseconds after the confirmation card arrived. */
  atMs: number;
  instance: number;
  transport: 'execute' | 'submit';
  by: 'requester' | 'other';
  verb: 'confirm' | 'cancel';
  /** Teams delivers the same activity twice. */
  redeliver: boolean;
}

export interface Schedule {
  seed: number;
  instances: 1 | 2;
  /** Shared storage on Azurite (through a fault proxy) instead of in memory. */
  blob: boolean;
  clicks: Click[];
  /** One entry per sync POST, in order; POSTs beyond the list succeed. */
  graph: GraphFault[];
  /** Storage faults injected into the next calls of one instance after the card arrived. */
  storage: Array<{ afterMs: number; fault: StorageFaultKind }>;
  /** Per Bot Connector call: slow or failing. */
  connector: { slowShare: number; failShare: number };
  /** An instance stops (SIGTERM, graceful, short grace) this long after the card arrived. */
  sigterm: { instance: number; atMs: number } | null;
  /**
   * The dashboard tab: a confirmation of the same connector proposed in the tab before any click, confirmed from the
   * tab at these moments (racing the card's clicks: one claim across both).
   */
  tab: Array<{ atMs: number; instance: number }> | null;
  /** After the clicks, an accepted sync is followed round by round (each round one watch interval later). */
  watch: WatchPlan | null;
}

export type GetFault = 'throttled' | 'unavailable' | 'serverError' | 'drop';

export interface WatchPlan {
  /** The round in which Intune reports the sync (its lastSyncDateTime moves), or null: never within the window. */
  reportAt: number | null;
  /** Rounds in which an instance stops (a crash: its lease stays) and a new one starts in its place. */
  restarts: Array<{ round: number; instance: number }>;
  /** Graph faults on the watch's GETs, by round. */
  getFaults: Array<{ round: number; fault: GetFault }>;
}

export function drawSchedule(seed: number, options: { blobShare: number }): Schedule {
  const random = new Random(seed);
  const instances = random.chance(0.4) ? 2 : 1;
  const blob = instances === 2 && random.chance(options.blobShare);
  const count = random.int(1, 6);
  const concurrent = random.chance(0.5);
  const clicks: Click[] = Array.from({ length: count }, (_, index) => ({
    atMs: concurrent ? random.int(0, 20) : index * random.int(30, 120),
    instance: random.int(0, instances - 1),
    transport: random.chance(0.6) ? 'execute' : 'submit',
    by: random.chance(0.8) ? 'requester' : 'other',
    verb: random.chance(0.9) ? 'confirm' : 'cancel',
    redeliver: random.chance(0.15),
  }));
  const graph: GraphFault[] = Array.from({ length: random.int(0, 3) }, () => drawGraphFault(random));
  const storage = Array.from({ length: random.chance(0.4) ? random.int(1, 3) : 0 }, () => ({
    afterMs: random.int(0, 150),
    fault: random.pick<StorageFaultKind>(['outage', 'slow', 'lostAnswer']),
  }));
  return {
    seed,
    instances,
    blob,
    clicks,
    graph,
    storage,
    connector: { slowShare: random.chance(0.3) ? 0.3 : 0, failShare: random.chance(0.2) ? 0.3 : 0 },
    sigterm: random.chance(0.1) ? { instance: random.int(0, instances - 1), atMs: random.int(0, 150) } : null,
    tab: random.chance(0.3)
      ? Array.from({ length: random.int(1, 2) }, () => ({
          atMs: concurrent ? random.int(0, 20) : random.int(0, 200),
          instance: random.int(0, instances - 1),
        }))
      : null,
    watch: random.chance(0.5) ? drawWatch(random, instances) : null,
  };
}

function drawWatch(random: Random, instances: number): WatchPlan {
  return {
    reportAt: random.chance(0.7) ? random.int(1, 4) : null,
    restarts: random.chance(0.4) ? [{ round: random.int(1, 3), instance: random.int(0, instances - 1) }] : [],
    getFaults: Array.from({ length: random.int(0, 2) }, () => ({
      round: random.int(1, 4),
      fault: random.pick<GetFault>(['throttled', 'unavailable', 'serverError', 'drop']),
    })),
  };
}

function drawGraphFault(random: Random): GraphFault {
  switch (random.int(0, 8)) {
    case 0:
    case 1:
      return { kind: 'ok' };
    case 2:
      return { kind: 'throttled', retryAfter: random.chance(0.5) };
    case 3:
      return { kind: 'unavailable' };
    case 4:
      return { kind: 'gatewayTimeout', apply: random.chance(0.5) };
    case 5:
      return { kind: 'serverError' };
    case 6:
      return { kind: 'unauthorized' };
    case 7:
      return { kind: 'hang', apply: random.chance(0.5) };
    default:
      return { kind: 'drop', apply: random.chance(0.5) };
  }
}
