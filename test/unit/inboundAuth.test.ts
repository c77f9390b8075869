import { createHmac, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboundAuth, InboundAuthError } from '../../src/bot/inboundAuth';
import { SigningKeys } from '../../src/bot/signingKeys';
import { createLogger } from '../../src/logger';
import { FakeOpenId } from '../helpers/fakeOpenId';

const APP_ID = '00000000-0000-0000-0000-000000000b07';
const activity = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const openId = new FakeOpenId();
let auth: InboundAuth;
let keys: SigningKeys;
let clock: FakeClock;
const DAY = 24 * 60 * 60_000;

/** The keys' clock; token times are checked against the real clock, so tokens stay valid while it moves. */
class FakeClock {
  now = Date.now();
  advance(ms: number): void {
    this.now += ms;
  }
}

beforeAll(() => openId.start());
afterAll(() => openId.stop());
beforeEach(() => {
  openId.available = true;
  openId.requests.length = 0;
  clock = new FakeClock();
  keys = new SigningKeys(openId.metadataUrl, 1_000, createLogger('silent'), () => clock.now);
  auth = new InboundAuth(APP_ID, keys);
});

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = {
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  exp: Math.floor(Date.now() / 1000) + 600,
  serviceurl: activity.serviceUrl,
};

async function refusal(header: string | undefined, on = activity): Promise<{ status: number; reason: string }> {
  try {
    await auth.validate(header, on);
  } catch (error) {
    if (error instanceof InboundAuthError) return { status: error.status, reason: error.reason };
    throw error;
  }
  return { status: 200, reason: 'accepted' };
}

describe('InboundAuth: Bot Framework tokens checked with jose', () => {
  it('accepts a token signed by a published key, for this app, this channel and this serviceUrl', async () => {
    const identity = await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    expect(identity.isAuthenticated).toBe(true);
    expect(identity.getClaimValue('aud')).toBe(APP_ID);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a header that is not a bearer JWT', 'Basic dXNlcjpwYXNz'],
    ['alg: none', `Bearer ${b64({ alg: 'none', kid: 'test-key-1' })}.${b64(claims)}.`],
    ['garbage between the dots', 'Bearer abc.def.ghi'],
  ])('refuses %s with 401, without fetching any key', async (_name, header) => {
    expect((await refusal(header)).status).toBe(401);
    expect(openId.requests).toEqual([]);
  });

  it('refuses a token for another app, another issuer, an expired one, or one for another serviceUrl with 401, without fetching any key', async () => {
    expect(await refusal(`Bearer ${await openId.sign({ aud: 'another-app' })}`)).toMatchObject({
      status: 401,
      reason: 'token is for another app',
    });
    expect(await refusal(`Bearer ${await openId.sign({ iss: 'https://sts.windows.net/x/' })}`)).toMatchObject({
      status: 401,
      reason: 'issuer not accepted',
    });
    expect(await refusal(`Bearer ${await openId.sign({}, { expiresIn: '-10m' })}`)).toMatchObject({
      status: 401,
      reason: 'token expired',
    });
    expect(
      await refusal(`Bearer ${await openId.sign({})}`, { ...activity, serviceUrl: 'https://evil.example/' }),
    ).toMatchObject({ status: 401 });
    expect(openId.requests).toEqual([]);
  });

  it("refuses a self-signed token (right claims, an attacker's key) with 401", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const header = b64({ alg: 'RS256', kid: 'test-key-1' });
    const body = b64(claims);
    const { createSign } = await import('node:crypto');
    const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(privateKey).toString('base64url');
    expect(await refusal(`Bearer ${header}.${body}.${signature}`)).toMatchObject({
      status: 401,
      reason: 'signature or claims invalid',
    });
  });

  it('refuses HS256 keyed with the published public key (algorithm confusion) with 401', async () => {
    const header = b64({ alg: 'HS256', kid: 'test-key-1' });
    const body = b64(claims);
    const signature = createHmac('sha256', JSON.stringify(openId.publicJwk))
      .update(`${header}.${body}`)
      .digest('base64url');
    expect((await refusal(`Bearer ${header}.${body}.${signature}`)).status).toBe(401);
  });

  it('refuses a key id nobody published, and a key not endorsed for the channel', async () => {
    expect(await refusal(`Bearer ${await openId.sign({}, { kid: 'unknown-key' })}`)).toMatchObject({
      status: 401,
      reason: 'signed with an unknown key',
    });
    expect(await refusal(`Bearer ${await openId.sign({})}`, { ...activity, channelId: 'webchat' })).toMatchObject({
      status: 401,
      reason: 'key not endorsed for this channel',
    });
  });

  it('answers 503 (not 401) when the signing keys cannot be fetched; keys already fetched keep working through an outage', async () => {
    openId.available = false;
    expect(await refusal(`Bearer ${await openId.sign({})}`)).toMatchObject({ status: 503 });
    openId.available = true;
    clock.advance(60_000); // the endpoint is asked again at most once a minute
    await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    openId.available = false;
    await expect(auth.validate(`Bearer ${await openId.sign({})}`, activity)).resolves.toBeDefined();
  });
});

describe('SigningKeys through an outage of the key endpoint', () => {
  it('a key fetched more than 3 days ago is no longer trusted while the endpoint is down: 503, not accepted', async () => {
    await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    openId.available = false;
    clock.advance(2 * DAY);
    await expect(auth.validate(`Bearer ${await openId.sign({})}`, activity)).resolves.toBeDefined();
    clock.advance(29 * DAY);
    expect(await refusal(`Bearer ${await openId.sign({})}`)).toMatchObject({ status: 503 });
  });

  it('requests never wait for a key endpoint that hangs or fails: one background fetch a minute, at most', async () => {
    await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    openId.hanging = true;
    openId.requests.length = 0;
    clock.advance(DAY + 1); // due for the daily refresh: it starts in the background, the request does not wait
    for (let index = 0; index < 20; index += 1) await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    await vi.waitFor(() => expect(openId.requests).toHaveLength(1));
    openId.available = false;
    openId.release();
    await vi.waitFor(() => expect(keys.failure).not.toBeNull());
    // Failing now: still served from the cached keys, still no fetch per request, one more after a minute.
    for (let index = 0; index < 20; index += 1) await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    expect(openId.requests).toHaveLength(1);
    clock.advance(60_000);
    await auth.validate(`Bearer ${await openId.sign({})}`, activity);
    // That request started the one background fetch of the minute (it did not wait for it).
    await vi.waitFor(() => expect(openId.requests).toHaveLength(2));
  });

  it('with no key yet and an endpoint that just failed, the next requests get 503 at once, without a fetch each', async () => {
    openId.available = false;
    expect(await refusal(`Bearer ${await openId.sign({})}`)).toMatchObject({ status: 503 });
    const asked = openId.requests.length;
    for (let index = 0; index < 10; index += 1)
      expect(await refusal(`Bearer ${await openId.sign({})}`)).toMatchObject({ status: 503 });
    expect(openId.requests).toHaveLength(asked);
  });

  it('keys come over https only: a jwks_uri over plain http elsewhere is refused, and the request gets 503', async () => {
    openId.jwksUri = 'http://keys.example/keys';
    try {
      expect(await refusal(`Bearer ${await openId.sign({})}`)).toMatchObject({ status: 503 });
      expect(keys.failure).toContain('http: is not accepted');
    } finally {
      openId.jwksUri = null;
    }
  });
});
