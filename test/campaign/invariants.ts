import type { Observation } from './lane';

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
  | 'I1 at most one sync, resent only after 429/503'
  | 'I2 one terminal state, shown on the card'
  | 'I3 card and audit match Graph'
  | 'I4 every accepted sync audited'
  | 'I5 answered in time';

export interface Violation {
  invariant: Invariant;
  seed: number;
  detail: string;
}

/** The five invariants of the campaign, judged from what Graph, storage and the chat show after one schedule. */
export function check(observation: Observation, answerBudgetMs: number): Violation[] {
  const { schedule, posts, finalState, audit } = observation;
  const violations: Violation[] = [];
  const fail = (invariant: Invariant, detail: string): void =>
    void violations.push({ invariant, seed: schedule.seed, detail });
  const accepted = posts.filter((post) => post.accepted).length;
  const lostAnswer = posts.some((post) => post.status === 0 || post.status === 504);
  const interrupted = schedule.sigterm !== null;

  // I1: Graph accepted at most one sync, and a POST followed only an answer saying Graph did not act (429, 503; 401 puts
  // the confirmation back to pending, so the user's next click may send again).
  if (accepted > 1) fail('I1 at most one sync, resent only after 429/503', `${accepted} syncs accepted`);
  posts.slice(0, -1).forEach((post, index) => {
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
  if (finalState === 'unknown' && !lostAnswer && !interrupted)
    fail('I3 card and audit match Graph', 'says unknown, but every answer arrived');
  if (accepted > 0 && !['requested', 'unknown'].includes(finalState))
    fail('I3 card and audit match Graph', `Graph accepted it, the confirmation says ${finalState}`);
  if (['requested', 'refused', 'unknown'].includes(finalState)) {
    if (audit.length !== 1)
      fail('I3 card and audit match Graph', `${audit.length} audit entries for one ${finalState} confirmation`);
    else if (audit[0]?.outcome !== finalState)
      fail('I3 card and audit match Graph', `audit says ${audit[0]?.outcome}, the confirmation ${finalState}`);
  }

  // I4: every sync Graph accepted has an audit record.
  if (accepted > 0 && audit.length === 0)
    fail('I4 every accepted sync audited', 'accepted sync without an audit entry');

  // I5: every invoke answered within its budget.
  const slowest = Math.max(0, ...observation.invokeMs);
  if (slowest > answerBudgetMs)
    fail('I5 answered in time', `an invoke took ${slowest} ms (budget ${answerBudgetMs} ms)`);
  return violations;
}
