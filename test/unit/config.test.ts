import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LOCAL_GRAPH_TOKEN, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const TEAMS = {
  BOT_STORAGE: 'memory',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: 'AAAAAAAA-0000-0000-0000-00000000000A',
  OAUTH_CONNECTION_NAME: 'graph',
};

describe('loadConfig', () => {
  it('runs in local mode on the embedded simulator with no configuration at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      bot: { kind: 'local' },
      port: 3978,
      host: '127.0.0.1',
      logLevel: 'info',
      graph: { kind: 'embeddedSimulator' },
      tokens: { kind: 'localToken', token: DEFAULT_LOCAL_GRAPH_TOKEN },
      confirmationTtlMs: 600_000,
      graphTimeoutMs: 10_000,
      storageTimeoutMs: 2_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses GRAPH_BASE_URL and LOCAL_GRAPH_TOKEN in local mode, plain http included', () => {
    const config = loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:4010/v1.0', LOCAL_GRAPH_TOKEN: 'abc' });
    expect(config.graph).toEqual({ kind: 'url', baseUrl: 'http://127.0.0.1:4010/v1.0' });
    expect(config.tokens).toEqual({ kind: 'localToken', token: 'abc' });
  });

  it('uses Teams SSO in local mode once OAUTH_CONNECTION_NAME is set, against a loopback OAuthUrl', () => {
    const config = loadConfig({
      OAUTH_CONNECTION_NAME: 'graph',
      OAuthUrl: 'http://127.0.0.1:4011',
      LOCAL_GRAPH_TOKEN: 'abc',
    });
    expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
    expect(config.bot).toEqual({ kind: 'local', oauthUrl: 'http://127.0.0.1:4011' });
  });

  it('Teams mode: single tenant by default, serves only its own tenant unless told otherwise, never the simulator', () => {
    const config = loadConfig({ ...TEAMS, LOCAL_GRAPH_TOKEN: 'dev' });
    expect(config.bot).toMatchObject({ kind: 'teams', appType: 'SingleTenant' });
    expect(config.allowedTenantIds).toEqual(['aaaaaaaa-0000-0000-0000-00000000000a']);
    expect(config.host).toBe('0.0.0.0');
    expect(config.graph).toEqual({ kind: 'url', baseUrl: 'https://graph.microsoft.com/v1.0' });
    expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
    expect(
      loadConfig({
        ...TEAMS,
        ALLOWED_TENANT_IDS: 'BBBBBBBB-0000-4000-8000-00000000000B, cccccccc-0000-4000-8000-00000000000c',
      }).allowedTenantIds,
    ).toEqual(['bbbbbbbb-0000-4000-8000-00000000000b', 'cccccccc-0000-4000-8000-00000000000c']);
  });

  it('lists every problem at once, each with what to set', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'app',
      MicrosoftAppType: 'SingleTenant',
      GRAPH_BASE_URL: 'http://graph.example/v1.0',
      CONFIRMATION_TTL_SECONDS: '-1',
      OAuthUrl: 'http://127.0.0.1:1',
    });
    const text = problems.join('\n');
    expect(text).toMatch(/OAuthUrl is for local tests/);
    expect(text).toMatch(/PORT="eighty".*TCP port/);
    expect(text).toMatch(/LOG_LEVEL="loud"/);
    expect(text).toMatch(/MicrosoftAppPassword or MANAGED_IDENTITY_CLIENT_ID is required/);
    expect(text).toMatch(/MicrosoftAppTenantId is required/);
    expect(text).toMatch(/OAUTH_CONNECTION_NAME is required/);
    expect(text).toMatch(/GRAPH_BASE_URL=.*https/);
    expect(text).toMatch(/CONFIRMATION_TTL_SECONDS="-1"/);
    expect(text).toMatch(/ALLOWED_TENANT_IDS is required/);
  });

  it('rejects a Graph root without its version', () => {
    expect(problemsOf({ GRAPH_BASE_URL: 'http://127.0.0.1:4010' })).toEqual([
      expect.stringMatching(/must be a Graph root ending in \/v1\.0 or \/beta/),
    ]);
  });

  it('Teams mode without a secret: a managed identity trusted by a federated credential on the app registration', () => {
    const { MicrosoftAppPassword: _, ...withoutSecret } = TEAMS;
    const config = loadConfig({ ...withoutSecret, MANAGED_IDENTITY_CLIENT_ID: 'c1d2e3f4-0000-4000-8000-00000000c11d' });
    expect(config.bot).toMatchObject({
      kind: 'teams',
      credential: { kind: 'federated', managedIdentityClientId: 'c1d2e3f4-0000-4000-8000-00000000c11d' },
    });
    expect(problemsOf({ ...TEAMS, MANAGED_IDENTITY_CLIENT_ID: 'c1d2e3f4-0000-4000-8000-00000000c11d' })).toEqual([
      expect.stringMatching(/both set: choose one/),
    ]);
    expect(problemsOf({ MANAGED_IDENTITY_CLIENT_ID: 'c1d2e3f4-0000-4000-8000-00000000c11d' })).toEqual([
      expect.stringMatching(/MANAGED_IDENTITY_CLIENT_ID is set but MicrosoftAppId is empty/),
    ]);
  });

  it('blob storage: exactly one of an account URL (managed identity, https) and a connection string', () => {
    expect(
      loadConfig({
        BOT_STORAGE: 'blob',
        AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net/',
        AZURE_CLIENT_ID: 'd1d2e3f4-0000-4000-8000-0000000000d1',
      }).storage,
    ).toEqual({
      kind: 'blob',
      container: 'botstate',
      access: {
        kind: 'identity',
        accountUrl: 'https://acct.blob.core.windows.net',
        clientId: 'd1d2e3f4-0000-4000-8000-0000000000d1',
      },
    });
    expect(
      loadConfig({ BOT_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage,
    ).toMatchObject({ access: { kind: 'connectionString' } });
    expect(problemsOf({ BOT_STORAGE: 'blob' })).toEqual([
      expect.stringMatching(/needs AZURE_STORAGE_ACCOUNT_URL .* or AZURE_STORAGE_CONNECTION_STRING/),
    ]);
    expect(
      problemsOf({
        BOT_STORAGE: 'blob',
        AZURE_STORAGE_ACCOUNT_URL: 'https://a.blob.core.windows.net',
        AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      }),
    ).toEqual([expect.stringMatching(/both set: keep one/)]);
    expect(problemsOf({ BOT_STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'http://a.blob.core.windows.net' })).toEqual([
      expect.stringMatching(/must use https/),
    ]);
  });

  it('telemetry only with APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
    expect(loadConfig({}).telemetry).toBeNull();
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=x' }).telemetry).toEqual({
      connectionString: 'InstrumentationKey=x',
      managedIdentityClientId: null,
    });
    // With a user-assigned identity the exporter signs in with it (the deployed component accepts no key).
    const identity = 'd1d2e3f4-0000-4000-8000-0000000000d1';
    expect(
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=x', AZURE_CLIENT_ID: identity })
        .telemetry,
    ).toMatchObject({ managedIdentityClientId: identity });
  });

  it('never prints a secret it could not parse', () => {
    expect(problemsOf({ ...TEAMS, MicrosoftAppType: 'Sideways' }).join('\n')).not.toContain('secret');
  });
});

describe('misconfiguration fails closed, with one clear error', () => {
  it('a misspelt MicrosoftAppId with a password, an OAuth connection and HOST=0.0.0.0 does not start local mode on every interface', () => {
    const problems = problemsOf({
      MicrosoftAppID: TEAMS.MicrosoftAppId,
      MicrosoftAppPassword: 'secret',
      OAUTH_CONNECTION_NAME: 'graph',
      HOST: '0.0.0.0',
    }).join('\n');
    expect(problems).toContain('MicrosoftAppID is not a setting');
    expect(problems).toContain('did you mean MicrosoftAppId');
    expect(problems).toMatch(/MicrosoftAppPassword is set but MicrosoftAppId is empty/);
    expect(problems).toMatch(/HOST="0\.0\.0\.0" is not a loopback address/);
  });

  it.each([
    ['MicrosoftAppPassword', 'x'],
    ['MicrosoftAppTenantId', 'aaaaaaaa-0000-4000-8000-00000000000a'],
  ])('%s without MicrosoftAppId is refused', (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name} is set but MicrosoftAppId is empty`)),
    ]);
  });

  it('any near miss of a setting name is refused, naming both spellings; empty values count as unset', () => {
    expect(problemsOf({ graph_base_url: 'http://127.0.0.1:1/v1.0' })).toEqual([
      'graph_base_url is not a setting (names are case-sensitive): did you mean GRAPH_BASE_URL?',
    ]);
    expect(problemsOf({ Allowed_Tenant_Ids: '' })).toEqual([]);
    expect(problemsOf({ MicrosoftAppPassword: '  ' })).toEqual([]);
  });

  it.each([['127.0.0.1'], ['127.0.0.2'], ['::1'], ['localhost']])('local mode listens on loopback %s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each([['0.0.0.0'], ['::'], ['10.0.0.4']])('local mode refuses HOST=%s', (host) => {
    expect(problemsOf({ HOST: host })).toEqual([expect.stringMatching(/^HOST=".*" is not a loopback address/)]);
  });

  it('Teams mode with neither ALLOWED_TENANT_IDS nor a tenant id refuses to start, naming ALLOWED_TENANT_IDS', () => {
    expect(problemsOf({ ...TEAMS, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' })).toEqual([
      expect.stringMatching(/^ALLOWED_TENANT_IDS is required in Teams mode/),
    ]);
  });

  it('ALLOWED_TENANT_IDS stays valid in local mode, where it filters tenants', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: 'BBBBBBBB-0000-4000-8000-00000000000B' }).allowedTenantIds).toEqual([
      'bbbbbbbb-0000-4000-8000-00000000000b',
    ]);
  });

  it('state: local mode keeps it across restarts by default; Teams mode never defaults to memory', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'local', dataDir: '.data', container: 'botstate' });
    expect(loadConfig({ BOT_STORAGE: 'memory' }).storage).toEqual({ kind: 'memory' });
    const { BOT_STORAGE: _, ...unset } = TEAMS;
    expect(problemsOf(unset)).toEqual([
      expect.stringMatching(/^BOT_STORAGE is required in Teams mode: blob .* or memory, set explicitly/),
    ]);
    expect(problemsOf({ ...TEAMS, BOT_STORAGE: 'local' })).toEqual([
      expect.stringMatching(/BOT_STORAGE=local is for local mode/),
    ]);
    expect(loadConfig(TEAMS).storage).toEqual({ kind: 'memory' });
  });

  it('the dashboard deep link names the app as Teams knows it: its catalog id once uploaded, else the manifest id', () => {
    const withTab = { ...TEAMS, BOT_DOMAIN: 'connsync.example' };
    const manifest = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
    const catalog = 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb';
    expect(loadConfig(withTab).dashboard).toMatchObject({
      teamsAppId: TEAMS.MicrosoftAppId,
      deepLinkAppId: TEAMS.MicrosoftAppId,
    });
    expect(loadConfig({ ...withTab, TEAMS_APP_ID: manifest }).dashboard).toMatchObject({ deepLinkAppId: manifest });
    expect(loadConfig({ ...withTab, TEAMS_APP_ID: manifest, TEAMS_APP_CATALOG_ID: catalog }).dashboard).toMatchObject({
      teamsAppId: manifest,
      deepLinkAppId: catalog,
    });
  });

  it('signing key metadata over plain http is refused in Teams mode, loopback (tests) excepted', () => {
    expect(
      problemsOf({
        ...TEAMS,
        ToBotFromChannelOpenIdMetadataUrl: 'http://login.botframework.com/v1/.well-known/openidconfiguration',
      }),
    ).toEqual([expect.stringMatching(/ToBotFromChannelOpenIdMetadataUrl=".*" must use https/)]);
    expect(
      problemsOf({
        ...TEAMS,
        ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/.well-known/openidconfiguration',
      }),
    ).toEqual([]);
  });

  // Values that started fine and then refused everyone silently, or crashed with a stack trace at listen time.
  it.each([
    ['ALLOWED_TENANT_IDS', '*', /ALLOWED_TENANT_IDS="\*" holds "\*": list tenant ids/],
    ['ALLOWED_TENANT_IDS', 'contoso.onmicrosoft.com', /holds "contoso\.onmicrosoft\.com": list tenant ids \(GUIDs/],
    ['ALLOWED_TENANT_IDS', 'common', /holds "common"/],
    ['MicrosoftAppId', 'my-bot', /MicrosoftAppId="my-bot" is not an app id: use a GUID/],
    ['MicrosoftAppTenantId', 'contoso.onmicrosoft.com', /MicrosoftAppTenantId=".*" is not a tenant id: use a GUID/],
    ['MANAGED_IDENTITY_CLIENT_ID', 'my-identity', /is not a managed identity client id/],
    ['TEAMS_APP_ID', 'connector-sync', /TEAMS_APP_ID="connector-sync" is not a Teams app id/],
    ['HOST', '127.0.0.999', /HOST="127\.0\.0\.999" is not an IP address/],
    ['HOST', 'example.com', /HOST="example\.com" is not an IP address/],
  ])('%s=%s is refused at start with what to set instead', (name, value, problem) => {
    expect(problemsOf({ ...TEAMS, [name]: value }).join('\n')).toMatch(problem);
  });
});
