import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { visibleText } from '../helpers/cardChecks';
import { LiveBot, USERS, cardIn, invokeBody } from '../helpers/liveBot';

/**
 * The click path under the faults the first build's tests did not name: a Bot Connector that fails or is slow, a
 * Graph that fails after the "Sending…" card. Each answer is what a user would see.
 */
const live = new LiveBot();
beforeAll(() => live.start({ CARD_ANSWER_DEADLINE_MS: '300', GRAPH_TIMEOUT_MS: '800' }));
afterAll(() => live.stop());
beforeEach(() => {
  live.sim.calls.length = 0;
  live.sim.clearFaults();
  live.connector.failUpdates = false;
  live.connector.behaviour = () => ({});
});

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('the click is answered at once, whatever the Bot Connector does', () => {
  it('a card update that fails never delays the answer; it is tried again in the background, and the card gets there', async () => {
    let failures = 2;
    live.connector.behaviour = (call) => (call.kind === 'update' && failures-- > 0 ? { status: 503 } : {});
    const { confirmationId, messageId } = await live.requestSync('sync connector cas01 full');
    const { value, ms } = await timed(live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(JSON.stringify(invokeBody(value).value)).toContain('Full sync requested');
    expect(ms).toBeLessThan(2_000);
    await expect
      .poll(() => JSON.stringify(live.connector.current.get(messageId) ?? {}), { timeout: 5_000 })
      .toContain('Full sync requested');
    expect(live.connector.updatesOf(messageId)).toHaveLength(3);
  });

  it('a card update that hangs does not hold the answer', async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 full');
    live.connector.behaviour = (call) => (call.kind === 'update' ? { delayMs: 8_000 } : {});
    const { value, ms } = await timed(live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId));
    expect(JSON.stringify(invokeBody(value).value)).toContain('Full sync requested');
    expect(ms).toBeLessThan(2_000);
  });
});

describe('late outcomes reach the card, in order', () => {
  it('a failure after the "Sending…" card replaces it (the card never stays "Sending…")', async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas01 delta');
    live.sim.addFault({ operation: 'sync', delayMs: 500, error: simulatedErrors.missingRole(), times: 1 });
    expect(
      JSON.stringify(invokeBody(await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId)).value),
    ).toContain('Sending the sync request');
    expect(visibleText(cardIn(await live.updated(messageId, 'The sync was not requested')))).toContain(
      'Intune Administrator role',
    );
  });

  it('an answer Graph never gives (a hang past GRAPH_TIMEOUT_MS) ends as "outcome unknown" on the card, never resent', async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector exo full');
    live.sim.addFault({ operation: 'sync', delayMs: 3_000, apply: true, times: 1 });
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId }, messageId);
    expect(visibleText(cardIn(await live.updated(messageId, 'Outcome unknown')))).toContain('status EXO-Hosted');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it('a slow "Sending…" update never overwrites the outcome that follows it', async () => {
    const { confirmationId, messageId } = await live.requestSync('sync connector cas02 delta');
    live.sim.addFault({ operation: 'sync', delayMs: 400, times: 1 });
    let first = true;
    live.connector.behaviour = (call) => {
      if (call.kind !== 'update' || !first) return {};
      first = false;
      return { delayMs: 900 }; // the Bot Connector takes its time with the first update
    };
    await live.submit(USERS.ada, { verb: 'sync.confirm', confirmationId }, messageId);
    await live.updated(messageId, 'Delta sync requested');
    await live.idle(); // the slow first update has landed too: the card must still show the outcome
    expect(visibleText(cardIn({ body: live.connector.current.get(messageId) } as never))).toContain(
      'Delta sync requested',
    );
  });
});
