import type { Observation } from './observation';
import { TAKEOVER_ROUNDS } from './watchPhase';

/** The card's heading for each state, as a reader sees it (English: the campaign's users write en-US). */
const TITLES: Record<string, RegExp> = {
  pending: /Sync this Exchange connector\?/,
  claimed: /Sending the sync request/,
  requested: /sync requested/,
  refused: /The sync was not requested/,
  unknown: /Outcome unknown/,
  cancelled: /^Cancelled/m,
  expired: /This confirmation expired/,
  superseded: /Another sync came first/,
};

export type Invariant =
  | 'I0 the schedule ran to its end'
  | 'I1 at most one sync, resent only after 429/503'
  | 'I2 one terminal state, shown on the card'
  | 'I3 card and audit match Graph'
  | 'I4 every accepted sync audited'
  | 'I5 answered in time'
  | 'I6 no lost completion'
  | 'I7 no double polling'
  | 'I8 a watch ends in its window';

export interface Violation {
  invariant: Invariant;
  seed: number;
  detail: string;
}

/**
 * What broke an invariant's letter but not the bot's promise, told apart by a rule and the times it was judged by:
 * an invoke whose time, less the process's stalls meanwhile, is within the budget (the bot could not run while
 * another lane held the loop); an "unknown" outcome whose POST was answered later than the caller's deadline,
 * counting Graph's time and the process's stalls; a second GET in an interval from the same instance (its client's
 * retry after an attempt it gave up on; each instance asks Graph under its own host name).
 */
export interface Reclassified {
  invariant: Invariant;
  seed: number;
  as: 'process stalled' | 'answer after the caller gave up' | 'retry after the caller gave up';
  evidence: Record<string, number | number[]>;
}

export interface Judgement {
  violations: Violation[];
  reclassified: Reclassified[];
}

/** The invariants of the campaign, judged from what Graph, storage and the chat show after one schedule. */
const SENT = ['requested', 'refused', 'unknown'];

export function check(observation: Observation, answerBudgetMs: number): Judgement {
  const { schedule, finalState, audit } = observation;
  // The connector's POSTs belong to the card's confirmation, unless the tab's won the claim (then the card's sent none).
  const tabSent = observation.tab !== null && SENT.includes(observation.tab.finalState);
  const posts = tabSent ? [] : observation.posts;
  const violations: Violation[] = [];
  const reclassified: Reclassified[] = [];
  const fail = (invariant: Invariant, detail: string): void =>
    void violations.push({ invariant, seed: schedule.seed, detail });
  const accepted = posts.filter((post) => post.accepted).length;
  const acceptedForConnector = observation.posts.filter((post) => post.accepted).length;
  const lostAnswer = posts.some((post) => post.status === 0 || post.status === 504);
  const interrupted = schedule.sigterm !== null;

  // I1: Graph accepted at most one sync, and a POST followed only an answer saying Graph did not act (429, 503; 401 puts
  // the confirmation back to pending, so the user's next click may send again).
  if (acceptedForConnector > 1)
    fail('I1 at most one sync, resent only after 429/503', `${acceptedForConnector} syncs accepted (card and tab)`);
  if (tabSent && SENT.includes(finalState))
    fail('I1 at most one sync, resent only after 429/503', `the card (${finalState}) and the tab both sent`);
  observation.posts.slice(0, -1).forEach((post, index) => {
    if (post.status !== 429 && post.status !== 503 && post.status !== 401)
      fail('I1 at most one sync, resent only after 429/503', `POST ${index + 2} sent after a ${post.status}`);
  });

  // I2: once anything was sent, exactly one terminal state, and the card shows it.
  const lastWas401 = posts.at(-1)?.status === 401;
  if (posts.length > 0 && !lastWas401 && !['requested', 'refused', 'unknown'].includes(finalState)) {
    fail('I2 one terminal state, shown on the card', `a sync was sent but the confirmation is ${finalState}`);
  }
  const title = TITLES[finalState];
  const shown = interrupted ? observation.finalView : `${observation.shownCard}\n${observation.lastInvokeCard}`;
  if (title && finalState !== 'missing' && !title.test(shown)) {
    fail(
      'I2 one terminal state, shown on the card',
      `state ${finalState}, but the card shows: ${observation.shownCard.split('\n')[0] ?? '(nothing)'}`,
    );
  }
  if (title && !title.test(observation.finalView))
    fail(
      'I2 one terminal state, shown on the card',
      `the next view does not show ${finalState}: ${observation.finalView.split('\n')[0] ?? ''}`,
    );

  // I3: what the card and the audit say matches what Graph did.
  if (finalState === 'requested' && accepted === 0)
    fail('I3 card and audit match Graph', 'says requested, but Graph accepted nothing');
  if (finalState === 'refused' && accepted > 0)
    fail('I3 card and audit match Graph', 'says not requested, but Graph accepted it');
  // An answer that left Graph after the caller's deadline reached a caller that had given up: for the bot, it was lost.
  const late = posts.filter((post) => post.late);
  if (finalState === 'unknown' && !lostAnswer && !interrupted && late.length === 0)
    fail(
      'I3 card and audit match Graph',
      `says unknown (${observation.unknownBecause ?? '?'}), but every answer arrived (${posts.map((post) => `${post.status} in ${post.answeredAfterMs} ms, ${post.stalledMs} ms stalled`).join('; ')})`,
    );
  if (finalState === 'unknown' && !lostAnswer && !interrupted && late.length > 0)
    reclassified.push({
      invariant: 'I3 card and audit match Graph',
      seed: schedule.seed,
      as: 'answer after the caller gave up',
      evidence: {
        answeredAfterMs: late.map((post) => post.answeredAfterMs),
        stalledMs: late.map((post) => post.stalledMs),
      },
    });
  if (accepted > 0 && !['requested', 'unknown'].includes(finalState))
    fail('I3 card and audit match Graph', `Graph accepted it, the confirmation says ${finalState}`);
  if (['requested', 'refused', 'unknown'].includes(finalState)) {
    if (audit.length !== 1)
      fail('I3 card and audit match Graph', `${audit.length} audit entries for one ${finalState} confirmation`);
    else if (audit[0]?.outcome !== finalState)
      fail('I3 card and audit match Graph', `audit says ${audit[0]?.outcome}, the confirmation ${finalState}`);
  }

  // I4: every sync Graph accepted has an audit record (the card's, or the tab's when it sent).
  if (acceptedForConnector > 0 && audit.length === 0 && (observation.tab?.audit.length ?? 0) === 0)
    fail('I4 every accepted sync audited', 'accepted sync without an audit entry');

  // I5: every invoke answered within its budget, counting the time the bot could run (the process not stalled).
  for (const invoke of observation.invokes.filter((one) => one.ms > answerBudgetMs)) {
    const evidence = { ms: invoke.ms, stalledMs: invoke.stalledMs, budgetMs: answerBudgetMs, status: invoke.status };
    if (invoke.ms - invoke.stalledMs <= answerBudgetMs)
      reclassified.push({ invariant: 'I5 answered in time', seed: schedule.seed, as: 'process stalled', evidence });
    else
      fail(
        'I5 answered in time',
        `an invoke took ${invoke.ms} ms, ${invoke.stalledMs} ms of it with the process stalled (budget ${answerBudgetMs} ms, status ${invoke.status})`,
      );
  }

  // The tab's confirmation of the same connector: its own outcome matches its audit (the one-claim rule across the
  // card and the tab is I1, over every POST for the connector).
  if (observation.tab && ['requested', 'refused', 'unknown'].includes(observation.tab.finalState)) {
    const [entry] = observation.tab.audit;
    if (observation.tab.audit.length !== 1 || entry?.outcome !== observation.tab.finalState)
      fail(
        'I3 card and audit match Graph',
        `the tab's confirmation is ${observation.tab.finalState}, its audit ${observation.tab.audit.map((one) => one.outcome).join(',') || 'empty'}`,
      );
  }
  violations.push(...checkWatch(observation));
  reclassified.push(...lateGets(observation));
  return { violations, reclassified };
}

/** GETs kept out of I7's count: one instance's client asking again in a round, after an attempt it gave up on. */
function lateGets(observation: Observation): Reclassified[] {
  return (observation.watch?.getsPerRound ?? []).flatMap(({ gets, retries }, index) =>
    retries.length > 0
      ? [
          {
            invariant: 'I7 no double polling' as const,
            seed: observation.schedule.seed,
            as: 'retry after the caller gave up' as const,
            evidence: { round: index + 1, polls: gets, answeredAfterMs: retries },
          },
        ]
      : [],
  );
}

/** I6-I8: a followed sync's end is never lost, never polled twice in an interval, and comes within its window. */
function checkWatch(observation: Observation): Violation[] {
  const { watch, schedule } = observation;
  if (!watch) return [];
  const violations: Violation[] = [];
  const fail = (invariant: Invariant, detail: string): void =>
    void violations.push({ invariant, seed: schedule.seed, detail });
  if (watch.reportedRound !== null) {
    if (watch.state !== 'completed')
      fail('I6 no lost completion', `Intune reported in round ${watch.reportedRound}, the watch ended ${watch.state}`);
    if (!/Intune reports the sync completed/.test(watch.card))
      fail('I6 no lost completion', `the card does not show the completion: ${watch.card.split('\n')[0] ?? ''}`);
    if (watch.completions.length !== 1 || watch.completions[0] !== 'completed')
      fail('I6 no lost completion', `history has ${JSON.stringify(watch.completions)} for the sync's end`);
  }
  watch.getsPerRound.forEach(({ gets, restart }, index) => {
    // A round with a restart may see one more GET (the README's allowance for a takeover); otherwise one at most.
    if (gets > (restart ? 2 : 1))
      fail('I7 no double polling', `${gets} GETs of the connector in round ${index + 1} (one interval)`);
  });
  if (watch.state === 'watching')
    fail(
      'I8 a watch ends in its window',
      `still watching after ${watch.rounds} rounds (window 6 + takeover ${TAKEOVER_ROUNDS})`,
    );
  return violations;
}
