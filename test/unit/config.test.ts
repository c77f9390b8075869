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

describe('loadConfig', () => {
  it('runs in local mode on the embedded simulator with no configuration at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      local: true,
      port: 3978,
      host: '127.0.0.1',
      logLevel: 'info',
      graph: { kind: 'embeddedSimulator' },
      tokens: { kind: 'localToken', token: DEFAULT_LOCAL_GRAPH_TOKEN },
      confirmationTtlMs: 600_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses GRAPH_BASE_URL and LOCAL_GRAPH_TOKEN in local mode, plain http included', () => {
    const config = loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:4010/v1.0', LOCAL_GRAPH_TOKEN: 'abc' });
    expect(config.graph).toEqual({ kind: 'url', baseUrl: 'http://127.0.0.1:4010/v1.0' });
    expect(config.tokens).toEqual({ kind: 'localToken', token: 'abc' });
  });

  it('uses Teams SSO in local mode once OAUTH_CONNECTION_NAME is set, against a loopback OAuthUrl', () => {
    const config = loadConfig({ OAUTH_CONNECTION_NAME: 'graph', OAuthUrl: 'http://127.0.0.1:4011', LOCAL_GRAPH_TOKEN: 'abc' });
    expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
    expect(config.bot.OAuthUrl).toBe('http://127.0.0.1:4011');
  });

  it('never uses the simulator or a development token once an app id is set', () => {
    const config = loadConfig({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
      OAUTH_CONNECTION_NAME: 'graph',
      LOCAL_GRAPH_TOKEN: 'dev',
    });
    expect(config.local).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.graph).toEqual({ kind: 'url', baseUrl: 'https://graph.microsoft.com/v1.0' });
    expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
    expect(config.bot.OAuthUrl).toBeUndefined();
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
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toMatch(/OAuthUrl is for local tests/);
    expect(problems.join('\n')).toMatch(/PORT="eighty".*TCP port/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL="loud"/);
    expect(problems.join('\n')).toMatch(/MicrosoftAppPassword is required/);
    expect(problems.join('\n')).toMatch(/MicrosoftAppTenantId is required/);
    expect(problems.join('\n')).toMatch(/OAUTH_CONNECTION_NAME is required/);
    expect(problems.join('\n')).toMatch(/GRAPH_BASE_URL=.*https/);
    expect(problems.join('\n')).toMatch(/CONFIRMATION_TTL_SECONDS="-1"/);
  });

  it('rejects a Graph root without its version', () => {
    expect(problemsOf({ GRAPH_BASE_URL: 'http://127.0.0.1:4010' })).toEqual([
      expect.stringMatching(/must be a Graph root ending in \/v1\.0 or \/beta/),
    ]);
  });
});
