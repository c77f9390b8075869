import { SignJWT, createLocalJWKSet, generateKeyPair, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPE, OnBehalfOf, OnBehalfOfError } from '../../src/tab/onBehalfOf';
import { TabAuthError, TabTokens } from '../../src/tab/tabToken';
import { FakeEntra } from '../helpers/fakeEntra';
import { loopbackCertificate, trustingNetworkClient } from '../helpers/loopbackServer';

/**
 * Who the dashboard acts for: the Teams SSO token checked with jose against keys the test owns, and the on-behalf-of
 * exchange by msal-node against a loopback Entra (HTTPS, endpoints known, no discovery request, no internet).
 */
const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const RESOURCE = `api://connsync.example/botid-${APP_ID}`;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const ADA = 'a0a0a0a0-0000-4000-8000-00000000a0a0';
const certificate = loopbackCertificate();
const entra = new FakeEntra(certificate);
let tokens: TabTokens;

beforeAll(async () => {
  await entra.start();
  tokens = new TabTokens({
    appId: APP_ID,
    resource: RESOURCE,
    authorityHost: entra.url,
    allowedTenantIds: [TENANT],
    keys: createLocalJWKSet(entra.publicJwks),
  });
});
afterAll(async () => {
  await entra.stop();
  certificate.dispose();
});

const good = (claims: Partial<JWTPayload> & { aud?: string } = {}, expiresIn?: string): Promise<string> =>
  entra.ssoToken({ tid: TENANT, oid: ADA, aud: RESOURCE, ...claims }, expiresIn);

async function refusal(token: string): Promise<[number, string]> {
  try {
    await tokens.verify(`Bearer ${token}`);
  } catch (error) {
    if (error instanceof TabAuthError) return [error.status, error.reason];
    throw error;
  }
  return [200, 'accepted'];
}

describe("the dashboard's Teams SSO token (jose)", () => {
  it("accepts a token for the app's Application ID URI (v1 audience) or its app id (v2), from an allowed tenant, with access_as_user", async () => {
    expect(await tokens.verify(`Bearer ${await good()}`)).toMatchObject({ oid: ADA, tid: TENANT, name: 'Ada Admin' });
    expect(await tokens.verify(`Bearer ${await good({ aud: APP_ID })}`)).toMatchObject({ oid: ADA });
    // v1 tokens name the client in `appid`: the Teams desktop client, pre-authorised.
    const v1 = good({ azp: undefined, appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' });
    expect(await tokens.verify(`Bearer ${await v1}`)).toMatchObject({ oid: ADA });
  });

  it.each([
    ['no token at all', () => Promise.resolve(''), 401],
    ['another audience', () => good({ aud: 'api://other.example/botid-x' }), 401],
    ['another issuer', () => good({ iss: 'https://login.evil.example/x/v2.0' }), 401],
    ['an issuer of another tenant than its tid', () => good({ iss: `${entra.url}/${OTHER_TENANT}/v2.0` }), 401],
    ['expired', () => good({}, '-10m'), 401],
    ['a foreign tenant', () => entra.ssoToken({ tid: OTHER_TENANT, oid: ADA, aud: RESOURCE }), 403],
    ['without access_as_user', () => good({ scp: 'User.Read' }), 403],
    ['issued to another client app (azp)', () => good({ azp: '11111111-2222-4333-8444-555555555555' }), 403],
    [
      'a v1 token issued to another client app (appid)',
      () => good({ azp: undefined, appid: 'aaaaaaaa-2222-4333-8444-555555555555' }),
      403,
    ],
    ['naming no client at all', () => good({ azp: undefined }), 403],
  ] as const)('refuses %s', async (_case, token, status) => {
    expect((await refusal(await token()))[0]).toBe(status);
  });

  it('refuses a token signed with another key, and one with alg "none"', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ tid: TENANT, oid: ADA, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-test-key' })
      .setIssuer(`${entra.url}/${TENANT}/v2.0`)
      .setAudience(RESOURCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await refusal(forged)).toEqual([401, expect.stringContaining('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')]);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        tid: TENANT,
        oid: ADA,
        aud: RESOURCE,
        iss: `${entra.url}/${TENANT}/v2.0`,
        scp: 'access_as_user',
        exp: Date.now() / 1000 + 600,
      }),
    ).toString('base64url');
    expect((await refusal(`${header}.${payload}.`))[0]).toBe(401);
  });
});

describe("the Graph token on the user's behalf (msal-node against a loopback Entra)", () => {
  const obo = (): OnBehalfOf =>
    new OnBehalfOf({
      appId: APP_ID,
      credential: { kind: 'secret', password: 'app-secret' },
      authorityHost: entra.url,
      networkClient: trustingNetworkClient(certificate.cert),
    });

  it("exchanges the SSO token for the user's own delegated Graph token, and reuses it until it nears expiry", async () => {
    const exchange = obo();
    const user = { oid: ADA, tid: TENANT, name: 'Ada', token: await good() };
    const before = entra.tokenRequests.length;
    expect(await exchange.graphToken(user)).toBe(`graph-token-for-${ADA}`);
    expect(await exchange.graphToken(user)).toBe(`graph-token-for-${ADA}`);
    expect(entra.tokenRequests.slice(before)).toEqual([
      expect.objectContaining({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: APP_ID,
        client_secret: 'app-secret',
        assertion: user.token,
        scope: expect.stringContaining(GRAPH_SCOPE) as string,
      }),
    ]);
  });

  it('says "consent required" when Entra answers AADSTS65001, so the page can offer consent', async () => {
    const ben = 'b0b0b0b0-0000-4000-8000-00000000b0b0';
    entra.needConsent.add(ben);
    const error = await obo()
      .graphToken({ oid: ben, tid: TENANT, name: 'Ben', token: await good({ oid: ben }) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OnBehalfOfError);
    expect((error as OnBehalfOfError).code).toBe('TAB_CONSENT_REQUIRED');
  });
});
