import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveBot, USERS, cardIn, invokeBody } from '../helpers/liveBot';
import { rawRequest } from '../helpers/rawHttp';

/**
 * The dashboard's API over real HTTP: who may call it (the page itself, nobody else's page), what it answers, and the
 * one rule that matters most: a tab click and a chat card click for the same connector at the same moment send one
 * sync, because both go through the same SyncService and its per-connector claim.
 */
const live = new LiveBot();
beforeAll(() => live.start());
afterAll(() => live.stop());

const api = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${live.baseUrl}${path}`, init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: JSON.stringify(body),
  });

describe('the dashboard API in local mode', () => {
  it('serves the page with a CSP that lets only Teams and Microsoft 365 hosts frame it, and API answers that are never cached', async () => {
    const page = await api('/tab');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com .*https:\/\/\*\.cloud\.microsoft/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const list = await api('/api/tab/connectors');
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(((await list.json()) as { connectors: unknown[] }).connectors).toHaveLength(4);
  });

  it('refuses requests from another web page (Origin, Sec-Fetch-Site) and bodies that are not JSON, and changes nothing', async () => {
    live.sim.calls.length = 0;
    const [cas01] = live.sim.allConnectors();
    const foreign = await post(
      '/api/tab/confirmations',
      { connectorId: cas01!.id, syncType: 'fullSync' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    );
    expect([foreign.status, await foreign.json()]).toEqual([403, { error: 'forbidden' }]);
    expect((await api('/api/tab/connectors', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    const form = await api('/api/tab/confirmations', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: `connectorId=${cas01!.id}`,
    });
    expect(form.status).toBe(415);
    const huge = await post('/api/tab/confirmations', { connectorId: 'x'.repeat(10_000), syncType: 'fullSync' });
    expect(huge.status).toBe(413);
    expect(live.sim.calls).toEqual([]);
  });

  it('a tab confirm and a card confirm for the same connector at the same moment send one sync', async () => {
    live.sim.calls.length = 0;
    const { confirmationId: cardConfirmation } = await live.requestSync('sync connector CAS01 full', USERS.ada);
    const proposal = (await (
      await post('/api/tab/confirmations', { connectorId: live.sim.allConnectors()[0]!.id, syncType: 'fullSync' })
    ).json()) as { id: string; state: string };
    expect(proposal.state).toBe('pending');

    const [card, tab] = await Promise.all([
      live.execute(USERS.ada, 'sync.confirm', { confirmationId: cardConfirmation }),
      post(`/api/tab/confirmations/${proposal.id}/confirm`, {}),
    ]);
    expect(live.sim.syncCalls()).toHaveLength(1);
    const tabAnswer = (await tab.json()) as { state?: string; confirmation?: { state: string } };
    const tabState = tabAnswer.state ?? tabAnswer.confirmation?.state;
    const cardText = JSON.stringify(invokeBody(card));
    // exactly one of them requested it; the other says a newer request took over
    expect([tabState === 'requested', cardText.includes('Full sync requested')].filter(Boolean)).toHaveLength(1);
    expect(tabState === 'superseded' || cardText.includes('Another sync')).toBe(true);
  });

  it('confirmation ids the bot did not mint are refused with 400 before they reach storage; the real one is untouched', async () => {
    live.sim.calls.length = 0;
    const cas03 = live.sim.allConnectors()[2]!;
    const proposal = (await (
      await post('/api/tab/confirmations', { connectorId: cas03.id, syncType: 'deltaSync' })
    ).json()) as { id: string };
    for (const forged of [
      '..%2F..%2Fsomeothercontainer%2Fsecret.json',
      `x%2F..%2F${proposal.id}`,
      'x',
      `${proposal.id}x`,
    ]) {
      const answer = await post(`/api/tab/confirmations/${forged}/cancel`, {});
      expect([forged, answer.status, await answer.json()]).toEqual([forged, 400, { error: 'badRequest' }]);
    }
    const confirmed = (await (await post(`/api/tab/confirmations/${proposal.id}/confirm`, {})).json()) as {
      state: string;
    };
    expect(confirmed.state).toBe('requested');
    expect(live.sim.syncCalls()).toHaveLength(1);
  });

  it('DNS rebinding: a request whose Host (and matching Origin) is not this machine is refused, and nothing is synced', async () => {
    live.sim.calls.length = 0;
    const { port } = new URL(live.baseUrl);
    const evil = { Host: `rebind.evil.example:${port}`, Origin: `http://rebind.evil.example:${port}` };
    const listed = await rawRequest(`${live.baseUrl}/api/tab/connectors`, {
      headers: { ...evil, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(listed.status).toBe(403);
    const body = JSON.stringify({ connectorId: live.sim.allConnectors()[0]!.id, syncType: 'fullSync' });
    const proposed = await rawRequest(`${live.baseUrl}/api/tab/confirmations`, {
      method: 'POST',
      headers: { ...evil, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body,
    });
    expect(proposed.status).toBe(403);
    expect((await rawRequest(`${live.baseUrl}/tab`, { headers: evil })).status).toBe(403);
    expect(live.sim.calls).toEqual([]);
    // The same requests by this machine's own names are served.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const ok = await rawRequest(`${live.baseUrl}/api/tab/connectors`, {
        headers: { Host: host, Origin: `http://${host}` },
      });
      expect([host, ok.status]).toEqual([host, 200]);
    }
    expect(live.sim.syncCalls()).toEqual([]);
  });

  it('a double click on Confirm in the tab sends one sync', async () => {
    live.sim.calls.length = 0;
    const cas02 = live.sim.allConnectors()[1]!;
    const proposal = (await (
      await post('/api/tab/confirmations', { connectorId: cas02.id, syncType: 'deltaSync' })
    ).json()) as { id: string };
    const answers = await Promise.all([
      post(`/api/tab/confirmations/${proposal.id}/confirm`, {}),
      post(`/api/tab/confirmations/${proposal.id}/confirm`, {}),
    ]);
    expect(live.sim.syncCalls()).toHaveLength(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });
});

describe('the dashboard API in Teams mode', () => {
  const teams = new LiveBot();
  beforeAll(() =>
    teams.start({
      MicrosoftAppId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      OAUTH_CONNECTION_NAME: 'graph',
      HOST: '127.0.0.1',
      GRAPH_BASE_URL: 'https://127.0.0.1:9/v1.0',
    }),
  );
  afterAll(() => teams.stop());

  it('without BOT_DOMAIN: the page says the dashboard is not configured, and every API call is refused with a generic 401', async () => {
    expect(await (await fetch(`${teams.baseUrl}/tab`)).text()).toContain('&#34;mode&#34;:&#34;notConfigured&#34;');
    for (const [method, path] of [
      ['GET', '/api/tab/connectors'],
      ['POST', '/api/tab/confirmations/x/confirm'],
    ] as const) {
      const answer = await fetch(`${teams.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: 'Bearer whatever',
          'Content-Type': 'application/json',
          Origin: 'https://evil.example',
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect([answer.status, await answer.json()]).toEqual([401, { error: 'unauthorized' }]);
    }
  });
});

it('keeps the card path unaffected: list card and help card carry "Open dashboard" to the local page', async () => {
  const [list] = await live.say('list connectors');
  const open = cardIn(list).actions?.find((action) => action.type === 'Action.OpenUrl');
  expect(open).toEqual({ type: 'Action.OpenUrl', title: 'Open dashboard', url: `${live.baseUrl}/tab` });
});
