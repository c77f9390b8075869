import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app';
import type { AdaptiveCard } from '../../src/cards/schema';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { launchChromium } from '../helpers/browser';
import { visibleText } from '../helpers/cardChecks';
import { postExpectReplies } from '../helpers/expectReplies';
import { ROOT } from '../helpers/processes';

/**
 * The Connectors tab in local mode, in Chromium: the page `npm start` prints, on the embedded Graph simulator, acting
 * as the local user with the development token. A sync started here is the bot's own: its history shows it.
 */
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/playground');
const TOKEN = 'dashboard-local-token';
const sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp(
    // Persistence is not the point here: memory, as every test but the restart test.
    loadConfig({
      BOT_STORAGE: 'memory',
      PORT: '0',
      GRAPH_BASE_URL: await sim.start(),
      LOCAL_GRAPH_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    }),
    createLogger('warn'),
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // A step that waits for something the page never shows fails in 5 s, naming the step, instead of at the test's end.
  page.setDefaultTimeout(5_000);
  // Anything the page logs or throws lands in the test's output: a failure shows what the page saw.
  page.on('console', (message) => process.stderr.write(`[dashboard page] ${message.type()}: ${message.text()}\n`));
  page.on('pageerror', (error) => process.stderr.write(`[dashboard page] error: ${error.message}\n`));
}, 30_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await app?.stop();
  await sim.stop();
});

/** The bot's answer to a typed command, as the Agents Playground would get it (expectReplies). */
async function ask(text: string): Promise<string> {
  const response = await postExpectReplies(`${app.server.url}/api/messages`, { text });
  const { activities } = (await response.json()) as {
    activities: Array<{ attachments?: Array<{ content: AdaptiveCard }> }>;
  };
  return activities
    .flatMap((activity) => activity.attachments ?? [])
    .map((attachment) => visibleText(attachment.content))
    .join('\n');
}

describe('the Connectors tab in local mode (a plain browser on loopback)', () => {
  it("lists the connectors, syncs one after an in-page confirmation, and the bot's history shows that request", async () => {
    const started = Date.now();
    await page.goto(`${app.server.url}/tab?locale=en-US`);
    const cas02 = page.getByRole('row', { name: /CAS02/ });
    await cas02.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(`no CAS02 row; the page shows: ${await page.locator('body').innerText()}`, { cause: error });
    });
    // eslint-disable-next-line no-console -- the page-load figure for the README, measured where the page is loaded
    console.info(`dashboard: page to connector list in ${Date.now() - started} ms`);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Local mode');
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(5); // header + 4 connectors
    expect(await cas02.textContent()).toMatch(/Disconnected.*On-premises.*cas02\.contoso\.local/);

    await page.getByRole('button', { name: 'Full sync: CAS02' }).click();
    const confirmation = page.getByRole('region', { name: 'Start this sync?' });
    await expect.poll(() => confirmation.textContent()).toContain('Start this sync? CAS02');
    expect(sim.syncCalls()).toHaveLength(0); // nothing is sent before Confirm
    await confirmation.getByRole('button', { name: 'Start full sync' }).dblclick();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Full sync requested');

    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-light.png') });
    expect(sim.syncCalls().map((call) => [call.connectorId, call.syncType, call.bearerToken])).toEqual([
      [expect.stringMatching(/d02$/), 'fullSync', TOKEN],
    ]);
    expect(await ask('history CAS02')).toContain('Local user · Full sync · Requested');
    // and the row now names that request as the latest
    await expect
      .poll(() => page.getByRole('row', { name: /CAS02/ }).first().textContent())
      .toContain('Requested · by Local user');
    // and the list's reload after the sync kept the outcome the user just got under the row
    expect(await page.getByRole('status').last().textContent()).toContain('Full sync requested');
  });

  it("follows the system's dark theme outside Teams", async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.server.url}/tab?locale=de-DE`);
    await page.getByRole('row', { name: /CAS01/ }).waitFor();
    expect(await page.locator('body').getAttribute('class')).toBe('theme-dark');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Exchange-Connectors');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
