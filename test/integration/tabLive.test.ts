import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import type { ConfirmationView, LiveAnswer } from '../../src/tab/shared/contract';
import { FakeConnector } from '../helpers/fakeConnector';
import { LiveBot, USERS } from '../helpers/liveBot';

/**
 * The tab follows syncs as the chat does, through the one confirm path: a sync confirmed in the tab is followed while
 * the page is open (the page's own requests carry the token that polls), a sync started in a chat shows up in the tab,
 * the tab's confirmation says what the chat card says (cooldown line, status warning), and a refused token gives the
 * page's sign-in answer. The watch polls every second; the simulator reports a sync 1.2 s after accepting it.
 */
const peers = { sim: new GraphSimulator({ syncCompletesAfterMs: 1_200 }), connector: new FakeConnector() };
const live = new LiveBot(peers);
const [CAS01, CAS02, HOSTED] = [
  '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d01',
  '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d02',
  '0f9a2e61-8d4c-4f0e-a6a7-5e3b9c1d7a10',
];

beforeAll(async () => {
  await Promise.all([peers.sim.start(), peers.connector.start()]);
  await live.start({ SYNC_WATCH_INTERVAL_SECONDS: '1', SYNC_WATCH_MINUTES: '15', GRAPH_TIMEOUT_MS: '1000' });
});
afterAll(async () => {
  await live.stop();
  await Promise.all([peers.sim.stop(), peers.connector.stop()]);
});

const headers = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', 'Accept-Language': 'en-US' };
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${live.baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}
const propose = (connectorId: string, syncType = 'fullSync') =>
  call<ConfirmationView>('POST', '/api/tab/confirmations', { connectorId, syncType });
const liveRow = async (connectorId: string, also: string[] = []) =>
  (await call<LiveAnswer>('GET', `/api/tab/live?also=${also.join(',')}`)).body.rows.find(
    (row) => row.connectorId === connectorId,
  );
const words = (view: ConfirmationView): string => [view.title, ...view.lines.map((line) => line.text)].join('\n');

describe('the tab, live', () => {
  it('a sync confirmed in the tab is followed while the page polls, to "completed", one Graph GET per interval', async () => {
    const proposal = await propose(CAS01);
    const confirmed = await call<ConfirmationView>('POST', `/api/tab/confirmations/${proposal.body.id}/confirm`, {});
    expect(confirmed.body.state).toBe('requested');
    await live.idle();
    const watching = await liveRow(CAS01);
    expect(watching?.watch).toMatchObject({ byPage: true });
    expect(watching?.latest?.outcome).toBe('requested');
    const started = Date.now();
    // The page's poll, as the page does it: every half interval, asking also for the rows it saw followed.
    await expect
      .poll(async () => (await liveRow(CAS01, [CAS01]))?.latest?.completion?.state, { timeout: 8_000, interval: 500 })
      .toBe('completed');
    const seconds = (Date.now() - started) / 1000;
    const polls = peers.sim.calls.filter((one) => one.operation === 'get' && one.connectorId === CAS01).length;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect((await liveRow(CAS01, [CAS01]))?.watch).toBeNull();
  });

  it('a sync started in a chat appears in the tab as followed', async () => {
    const { confirmationId } = await live.requestSync('sync connector EXO-Hosted delta', USERS.ada);
    await live.execute(USERS.ada, 'sync.confirm', { confirmationId });
    await live.idle();
    const row = await liveRow(HOSTED);
    expect(row?.watch).toMatchObject({ byPage: false });
    expect(row?.latest).toMatchObject({ by: 'Ada Admin', syncType: 'deltaSync', outcome: 'requested' });
  });

  it("the tab's confirmation has the chat card's cooldown line and its warning for a disconnected connector", async () => {
    const again = await propose(CAS01, 'deltaSync');
    expect(words(again.body)).toMatch(/asked for a full sync/i);
    const disconnected = await propose(CAS02);
    expect(words(disconnected.body)).toMatch(/CAS02 is disconnected/i);
  });

  it('a token Graph refuses on the sync gives the page its sign-in answer, and the confirmation can be confirmed again', async () => {
    const proposal = await propose(CAS02, 'deltaSync');
    peers.sim.addFault({ operation: 'sync', error: simulatedErrors.expiredToken(), times: 1 });
    const refused = await call<{ error: string }>('POST', `/api/tab/confirmations/${proposal.body.id}/confirm`, {});
    expect([refused.status, refused.body.error]).toEqual([401, 'unauthorized']);
    const retried = await call<ConfirmationView>('POST', `/api/tab/confirmations/${proposal.body.id}/confirm`, {});
    expect(retried.body.state).toBe('requested');
  });
});
