import AxeBuilder from '@axe-core/playwright';
import net from 'node:net';
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { launchChromium } from '../helpers/browser';
import { FakeEntra } from '../helpers/fakeEntra';
import { LoopbackServer, loopbackCertificate } from '../helpers/loopbackServer';
import { ROOT, killAll, startBotProcess, waitForOutput } from '../helpers/processes';

/**
 * The Connectors tab as Teams shows it: the bot in Teams mode (its own process), framed by a host page that speaks
 * @microsoft/teams-js's protocol and hands it an SSO token signed by a loopback Entra. Chromium reaches the host page
 * as https://teams.microsoft.com (a resolver rule points the name at the test's server), so the tab's CSP and
 * teams-js's own list of trusted hosts see the real origin. Graph (the simulator) and Entra are HTTPS too, trusted
 * by the bot through NODE_EXTRA_CA_CERTS.
 */
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/playground');
const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
/** The bot's domain, as Teams reaches it: here its own loopback address and port, chosen before it starts. */
let DOMAIN = '';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ADA = 'a0a0a0a0-0000-4000-8000-00000000a0a0';
const certificate = loopbackCertificate();
const entra = new FakeEntra(certificate);
// Intune reports a sync 1.5 s after accepting it and the bot follows every second, so the tab sees it complete.
const sim = new GraphSimulator({ tls: certificate, syncCompletesAfterMs: 1_500 });

/** Serves the host page; the tab's URL, the token and the theme come in its query string. */
class TeamsHostPage extends LoopbackServer {
  private readonly script = buildSync({
    entryPoints: [path.join(__dirname, 'browser/teamsHost.ts')],
    bundle: true,
    format: 'iife',
    write: false,
  }).outputFiles[0]!.text;

  protected handle(_req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><body style="margin:0;background:#292929"><iframe id="tab" title="Connectors" style="border:0;width:100vw;height:100vh"></iframe><script>${this.script}</script></body></html>`,
    );
  }
}
const host = new TeamsHostPage(certificate);
let tabUrl = '';
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await Promise.all([entra.start(), sim.start(), host.start()]);
  const port = await freePort();
  DOMAIN = `127.0.0.1:${port}`;
  const bot = startBotProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'app-secret',
    MicrosoftAppTenantId: TENANT,
    OAUTH_CONNECTION_NAME: 'graph',
    BOT_DOMAIN: DOMAIN,
    ENTRA_AUTHORITY_HOST: entra.url,
    GRAPH_BASE_URL: sim.baseUrl,
    SYNC_WATCH_INTERVAL_SECONDS: '1',
    NODE_EXTRA_CA_CERTS: certificate.certFile,
  });
  await waitForOutput(bot, /Dashboard tab: /);
  // The page is opened by the bot's domain, as Teams opens it (the tab's routes answer no other host name).
  tabUrl = `http://${DOMAIN}/tab`;
  browser = await launchChromium([
    `--host-resolver-rules=MAP teams.microsoft.com:443 127.0.0.1:${new URL(host.url).port}`,
  ]);
  context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 720 } });
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  killAll();
  await Promise.all([entra.stop(), sim.stop(), host.stop()]);
  certificate.dispose();
});
afterEach(() => {
  sim.calls.length = 0;
});

/** Serious and critical accessibility problems in the tab's frame (the host page around it is the test's own). */
async function axeProblemsInTab(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('#tab').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** A port nothing listens on now, for a server whose domain (BOT_DOMAIN) must be known before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function openInTeams(token: string, theme = 'default'): Promise<{ tab: FrameLocator; page: Page }> {
  const page = await context.newPage();
  const query = new URLSearchParams({ tab: tabUrl, token, theme, tid: TENANT, oid: ADA, locale: 'en-us' });
  await page.goto(`https://teams.microsoft.com/host.html?${query.toString()}`);
  return { tab: page.frameLocator('#tab'), page };
}

describe('the Connectors tab inside Teams (a host page speaking the teams-js protocol)', () => {
  it("signs in with the Teams SSO token and lists the connectors with the user's own on-behalf-of Graph token, in the dark theme", async () => {
    const token = await entra.ssoToken({ tid: TENANT, oid: ADA, aud: `api://${DOMAIN}/botid-${APP_ID}` });
    const { tab, page } = await openInTeams(token, 'dark');
    await tab.getByRole('row', { name: /CAS01/ }).waitFor({ timeout: 15_000 });
    expect(await tab.locator('body').getAttribute('class')).toBe('theme-dark');
    expect(sim.calls.filter((call) => call.operation === 'list').map((call) => call.bearerToken)).toEqual([
      `graph-token-for-${ADA}`,
    ]);
    expect(entra.tokenRequests.at(-1)).toMatchObject({ requested_token_use: 'on_behalf_of', assertion: token });
    await tab.locator('body').screenshot({ path: path.join(SCREENSHOTS, 'dashboard-dark.png') });
    // Teams tells the tab when the user switches theme
    await page.evaluate(() => (globalThis as unknown as { changeTheme(theme: string): void }).changeTheme('contrast'));
    await expect.poll(() => tab.locator('body').getAttribute('class')).toBe('theme-contrast');
    expect(await axeProblemsInTab(page)).toEqual([]);
    await tab.locator('body').screenshot({ path: path.join(SCREENSHOTS, 'dashboard-contrast.png') });
  });

  it('confirms a full sync in the tab and its row reaches "completed" with no reload, polled with the on-behalf-of token', async () => {
    const token = await entra.ssoToken({ tid: TENANT, oid: ADA, aud: `api://${DOMAIN}/botid-${APP_ID}` });
    const { tab, page } = await openInTeams(token);
    await tab.getByRole('button', { name: 'Full sync: CAS01' }).click();
    await tab.getByRole('dialog', { name: 'Start this sync?' }).waitFor();
    expect(await axeProblemsInTab(page)).toEqual([]);
    await tab.locator('fluent-dialog').getByRole('button', { name: 'Start full sync' }).click();
    const row = tab.getByRole('row', { name: /CAS01/ }).first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Requested · by .* · completed/);
    const polls = sim.calls.filter((call) => call.operation === 'get' && call.connectorId?.endsWith('d01'));
    expect(polls.map((call) => call.bearerToken)).toContain(`graph-token-for-${ADA}`);
    expect(sim.syncCalls()).toHaveLength(1);
  }, 20_000);

  it('shows the refusal, and asks Graph nothing, for a token of a tenant the bot does not serve', async () => {
    const foreign = await entra.ssoToken({
      tid: '11111111-2222-4333-8444-555555555555',
      oid: ADA,
      aud: `api://${DOMAIN}/botid-${APP_ID}`,
    });
    const { tab } = await openInTeams(foreign);
    await expect
      .poll(() => tab.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('not available to your organisation');
    expect(sim.calls).toEqual([]);
  });
});
