import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenId } from '../helpers/fakeOpenId';
import { expectRepliesMessage } from '../helpers/expectReplies';
import { killAll, startBotProcess, waitForOutput, type Started } from '../helpers/processes';

/**
 * What an anonymous caller can send before any authentication, tried against the real bot process (its memory,
 * its temp folder, its stderr), in local mode and in Teams mode.
 */
const APP_ID = '00000000-0000-0000-0000-000000000b07';
const openId = new FakeOpenId();
/** A key endpoint of its own for the outage test: an outage must not leave the other tests' bot without keys. */
const outageKeys = new FakeOpenId();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bot-tmp-'));
let local: { bot: Started; url: string };
let teams: { bot: Started; url: string };
let outage: { bot: Started; url: string };

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const activity = (serviceUrl = 'http://127.0.0.1:9/') => expectRepliesMessage({ serviceUrl });

beforeAll(async () => {
  await Promise.all([openId.start(), outageKeys.start()]);
  const localBot = startBotProcess({ PORT: '0', LOG_LEVEL: 'warn', TMPDIR: tmp });
  // Teams mode, its signing keys published by the given endpoint.
  const teamsMode = (keys: FakeOpenId): Started =>
    startBotProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TMPDIR: tmp,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
      OAUTH_CONNECTION_NAME: 'graph',
      ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
    });
  const teamsBot = teamsMode(openId);
  const outageBot = teamsMode(outageKeys);
  outage = { bot: outageBot, url: (await waitForOutput(outageBot, /listening on (http:\/\/\S+)/))[1]! };
  local = { bot: localBot, url: (await waitForOutput(localBot, /Bot endpoint\s+(http:\/\/\S+)/))[1]! };
  teams = { bot: teamsBot, url: (await waitForOutput(teamsBot, /listening on (http:\/\/\S+)/))[1]! };
}, 30_000);

afterAll(async () => {
  killAll();
  await Promise.all([openId.stop(), outageKeys.stop()]);
  rmSync(tmp, { recursive: true, force: true });
});

describe('before authentication, nothing an anonymous caller sends costs memory, disk or stack traces', () => {
  it('8 concurrent gzip bombs (100 KB that inflate to 100 MB) are refused with 415; RSS grows < 50 MB; the next activity is served', async () => {
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
    const pid = local.bot.child.pid!;
    const before = rssMb(pid);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(local.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
          body: bomb,
        }).then((response) => response.status),
      ),
    );
    expect(answers).toEqual(Array(8).fill(415));
    expect(rssMb(pid) - before).toBeLessThan(50);
    const served = await fetch(local.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity()),
    });
    expect(served.status).toBe(200);
    expect(JSON.stringify(await served.json())).toContain('I start syncs');
  });

  it.each([
    [
      'multipart/form-data (files)',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n' +
        'A'.repeat(100_000) +
        '\r\n--x--\r\n',
    ],
    [
      'a urlencoded form (what a web page can post anywhere)',
      'application/x-www-form-urlencoded',
      'type=message&text=sync+connector+cas01+full&serviceUrl=http%3A%2F%2F127.0.0.1%3A9%2F',
    ],
    ['text/plain (also postable from any web page)', 'text/plain', JSON.stringify(activity())],
  ])('%s is refused with 415 and nothing is written to disk', async (_name, contentType, body) => {
    const before = readdirSync(tmp);
    const response = await fetch(local.url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    expect(response.status).toBe(415);
    expect(readdirSync(tmp)).toEqual(before);
  });

  it('local mode refuses any request a web page makes (it carries an Origin header): a cross-site post cannot drive it', async () => {
    const response = await fetch(local.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify(activity()),
    });
    expect(response.status).toBe(403);
  });

  it('local mode replies only to a serviceUrl on this machine', async () => {
    const response = await fetch(local.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity('https://evil.example/')),
    });
    expect(response.status).toBe(400);
  });

  it('Teams mode: a token with no key lookup needed is refused without one; unreachable signing keys give 503 with Retry-After; the health probe stays healthy and the log says why', async () => {
    outageKeys.requests.length = 0;
    await fetch(outage.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer a.b.c' },
      body: JSON.stringify(activity('https://smba.trafficmanager.net/emea/')),
    });
    expect(outageKeys.requests).toEqual([]);

    outageKeys.available = false;
    try {
      const token = await outageKeys.sign(
        { aud: APP_ID, serviceurl: 'https://smba.trafficmanager.net/emea/' },
        { kid: 'a-key-not-fetched-yet' },
      );
      const response = await fetch(outage.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(activity('https://smba.trafficmanager.net/emea/')),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      // The probe App Service uses stays healthy: no restart brings Bot Framework's key endpoint back. The outage,
      // with the host, is in the log.
      const ready = await fetch(outage.url.replace('/api/messages', '/readyz'));
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
      await waitForOutput(outage.bot, /"host":"127\.0\.0\.1:\d+".*"msg":"Bot Framework signing keys unreachable/);
      expect((await fetch(outage.url.replace('/api/messages', '/healthz'))).status).toBe(200);
    } finally {
      outageKeys.available = true;
    }
  });

  it('Teams mode: no token, a malformed one, alg none, HS256 keyed with the public key, a self-signed one and a {} body get 401 with a generic body; nothing on stderr', async () => {
    const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = b64({
      iss: 'https://api.botframework.com',
      aud: APP_ID,
      exp: Math.floor(Date.now() / 1000) + 600,
      serviceurl: 'https://smba.trafficmanager.net/emea/',
    });
    const { createHmac, generateKeyPairSync, createSign } = await import('node:crypto');
    const rs = b64({ alg: 'RS256', kid: openId.kid });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const selfSigned = `${rs}.${claims}.${createSign('RSA-SHA256').update(`${rs}.${claims}`).sign(privateKey).toString('base64url')}`;
    const hs = b64({ alg: 'HS256', kid: openId.kid });
    const confused = `${hs}.${claims}.${createHmac('sha256', JSON.stringify(openId.publicJwk)).update(`${hs}.${claims}`).digest('base64url')}`;
    const body = JSON.stringify({ ...activity('https://smba.trafficmanager.net/emea/'), deliveryMode: undefined });
    const stderrBefore = teams.bot.errors().length;
    for (const header of [
      undefined,
      'Bearer not-a-jwt',
      `Bearer ${b64({ alg: 'none' })}.${claims}.`,
      `Bearer ${confused}`,
      `Bearer ${selfSigned}`,
    ]) {
      const response = await fetch(teams.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(header ? { Authorization: header } : {}) },
        body,
      });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"error":"Unauthorized"}');
    }
    const empty = await fetch(teams.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${selfSigned}` },
      body: '{}',
    });
    expect([400, 401]).toContain(empty.status);
    expect(await empty.text()).not.toMatch(/signature|jwt|\bat /i);
    expect(teams.bot.errors().slice(stderrBefore)).toBe('');
    expect(teams.bot.output()).toContain('request refused before authentication');
  });
});
