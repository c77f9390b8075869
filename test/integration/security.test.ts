import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { LiveBot, TENANT, USERS } from '../helpers/liveBot';

describe('ALLOWED_TENANT_IDS', () => {
  const live = new LiveBot();
  beforeAll(() => live.start({ ALLOWED_TENANT_IDS: `${TENANT.toUpperCase()}, 11111111-1111-1111-1111-111111111111` }));
  afterAll(() => live.stop());

  it('serves the allowed tenant (case-insensitive)', async () => {
    const [reply] = await live.say('list connectors');
    expect(JSON.stringify(reply?.body)).toContain('Exchange connectors');
  });

  it('refuses another tenant with nothing done: no reply, no Graph call, invokes get 403', async () => {
    const stranger = { channelData: { tenant: { id: 'ffffffff-0000-0000-0000-000000000000' } } };
    const before = live.connector.calls.length;
    live.sim.calls.length = 0;
    const message = await live.post(live.activity(USERS.ada, { type: 'message', text: 'sync connector cas01 full', ...stranger }));
    expect(message.status).toBe(200);
    const invoke = await live.post(
      live.activity(USERS.ada, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: { confirmationId: 'x' } } }, ...stranger }),
    );
    expect(invoke.status).toBe(403);
    expect(live.connector.since(before)).toEqual([]);
    expect(live.sim.calls).toEqual([]);
    expect(live.logs()).toContain('activity from a tenant that is not allowed');
  });

  it('refuses an activity that names no tenant at all', async () => {
    const before = live.connector.calls.length;
    await live.post(live.activity(USERS.ada, { type: 'message', text: 'help', channelData: {}, conversation: { id: 'a:1' } }));
    expect(live.connector.since(before)).toEqual([]);
  });
});

describe('with an app id set (Teams mode)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      MicrosoftAppId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      MicrosoftAppPassword: 'not-a-real-secret',
      OAUTH_CONNECTION_NAME: 'graph',
      LOG_LEVEL: 'silent',
    });
    app = await startApp(config, createLogger('silent'));
  });
  afterAll(() => app.stop());

  it.each([
    ['no Authorization header', {}],
    ['a forged bearer token', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' }],
  ])('answers 401 to a request with %s, and keeps serving', async (_name, headers) => {
    const response = await fetch(`${app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ type: 'message', text: 'sync connector cas01 full', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', from: { id: '29:x' }, conversation: { id: 'a:1' }, recipient: { id: '28:bot' } }),
    });
    expect(response.status).toBe(401);
    expect((await fetch(`${app.server.url}/healthz`)).status).toBe(200);
  });
});
