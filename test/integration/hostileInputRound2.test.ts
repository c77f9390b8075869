import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenId } from '../helpers/fakeOpenId';
import { expectRepliesMessage } from '../helpers/expectReplies';
import { killAll, startBotProcess, waitForOutput, type Started } from '../helpers/processes';
import { rawRequest } from '../helpers/rawHttp';

/**
 * The second round of what an attacker tried before authentication, against the real bot process: slow and idle
 * clients, floods from one address, log amplification, and activities whose shape the token check must not trust.
 */
const APP_ID = '00000000-0000-0000-0000-000000000b08';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
// Bot Framework's real keys are endorsed for many channels (Direct Line and Web Chat among them), as this one is.
const openId = new FakeOpenId(['msteams', 'directline', 'webchat']);
let limited: { bot: Started; url: string };
let teams: { bot: Started; url: string };

const activity = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  expectRepliesMessage({ channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } }, ...overrides });

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}, localAddress?: string) =>
  rawRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(localAddress ? { localAddress } : {}),
  });

beforeAll(async () => {
  await openId.start();
  const limitedBot = startBotProcess({
    PORT: '0',
    LOG_LEVEL: 'warn',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '1500',
    HTTP_IDLE_TIMEOUT_MS: '2000',
    HTTP_MAX_CONNECTIONS: '2000',
    RATE_LIMIT_PER_MINUTE: '30',
  });
  const teamsBot = startBotProcess({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
    OAUTH_CONNECTION_NAME: 'graph',
    ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
  });
  limited = { bot: limitedBot, url: (await waitForOutput(limitedBot, /Bot endpoint\s+(http:\/\/\S+)/))[1]! };
  teams = { bot: teamsBot, url: (await waitForOutput(teamsBot, /listening on (http:\/\/\S+)/))[1]! };
}, 30_000);

afterAll(async () => {
  killAll();
  await openId.stop();
});

/** Opens a connection that sends part of a request and then nothing; resolves when the server closes it. */
function slowClient(url: URL, partial: string): { closed: Promise<void>; socket: net.Socket } {
  const socket = net.connect(Number(url.port), url.hostname, () => socket.write(partial));
  socket.on('data', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  return { closed, socket };
}

describe('slow, idle and flooding clients before authentication', () => {
  it('500 slow connections (headers or body never finished) are closed by the timeouts; a real activity sent meanwhile is answered', async () => {
    const url = new URL(limited.url);
    const clients = Array.from({ length: 500 }, (_, index) =>
      slowClient(
        url,
        index % 2 === 0
          ? 'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '
          : 'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"type":',
      ),
    );
    try {
      const answer = await postJson(limited.url, activity(), { Host: url.host }, '127.0.0.3');
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('I start syncs');
      const started = Date.now();
      await Promise.race([
        Promise.all(clients.map((client) => client.closed)),
        new Promise((_, reject) => setTimeout(() => reject(new Error('slow connections still open after 8 s')), 8_000)),
      ]);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      for (const client of clients) client.socket.destroy();
    }
  });

  it('a flood from one address gets 429 with Retry-After; another address (127.0.0.2) is served meanwhile', async () => {
    const url = new URL(limited.url);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let index = 0; index < 40; index += 1) {
      const answer = await postJson(limited.url, activity(), { Host: url.host }, '127.0.0.1');
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = String(answer.headers['retry-after']);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = await postJson(limited.url, activity(), { Host: url.host }, '127.0.0.2');
    expect(other.status).toBe(200);
    // Health probes are not part of the budget: App Service's probe still gets its answer from the flooded address.
    expect(
      (await rawRequest(limited.url.replace('/api/messages', '/healthz'), { localAddress: '127.0.0.1' })).status,
    ).toBe(200);
  });
});

describe('Teams mode: what the token check no longer trusts', () => {
  it('a 200 KB activity id makes no 200 KB log line: ids are cut, and a flood of refusals is not a flood of lines', async () => {
    const before = teams.bot.output().length;
    const hugeId = 'x'.repeat(200_000);
    for (let index = 0; index < 60; index += 1) {
      const answer = await postJson(teams.url, activity({ id: hugeId, serviceUrl: SERVICE_URL }));
      expect(answer.status).toBe(401);
    }
    const refusals = (): string[] =>
      teams.bot
        .output()
        .slice(before)
        .split('\n')
        .filter((line) => line.includes('request refused before authentication'));
    // The first 30 refusals of the minute are logged; wait for them to come through the pipe, then count.
    for (const until = Date.now() + 5_000; refusals().length < 30 && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const lines = refusals();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(2_000);
  });

  it.each([
    ['an array', [SERVICE_URL]],
    ['a number', 42],
    ['an object', { url: SERVICE_URL }],
  ])(
    'a serviceUrl that is %s is refused with 401 and no stack trace, even with a valid token',
    async (_name, serviceUrl) => {
      const token = await openId.sign({ aud: APP_ID, serviceurl: SERVICE_URL });
      const stderrBefore = teams.bot.errors().length;
      const answer = await postJson(teams.url, activity({ serviceUrl }), { Authorization: `Bearer ${token}` });
      expect([answer.status, answer.body]).toEqual([401, '{"error":"Unauthorized"}']);
      expect(teams.bot.errors().slice(stderrBefore)).toBe('');
    },
  );

  it.each([
    ['["msteams"] (an array that String() turns into msteams)', ['msteams']],
    ['directline (its clients set the tenant themselves)', 'directline'],
    ['webchat', 'webchat'],
  ])('a channelId of %s is refused with a 4xx, even with a valid token', async (_name, channelId) => {
    const token = await openId.sign({ aud: APP_ID, serviceurl: SERVICE_URL });
    const answer = await postJson(teams.url, activity({ channelId, serviceUrl: SERVICE_URL }), {
      Authorization: `Bearer ${token}`,
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
