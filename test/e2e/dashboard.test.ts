import AxeBuilder from '@axe-core/playwright';
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
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import { postExpectReplies } from '../helpers/expectReplies';
import { ROOT } from '../helpers/processes';

/**
 * The Connectors tab in local mode, in Chromium: the page `npm start` prints, on the embedded Graph simulator, acting
 * as the local user with the development token. The bot follows a sync every second here and the simulator reports one
 * 1.5 s after accepting it, so a row can be seen reaching "completed" by itself.
 */
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/playground');
const TOKEN = 'dashboard-local-token';
const sim = new GraphSimulator({ syncCompletesAfterMs: 1_500 });
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
      LOG_LEVEL: 'error',
      SYNC_WATCH_INTERVAL_SECONDS: '1',
    }),
    createLogger('error'),
  );
  browser = await launchChromium();
  // axe needs a page of a context the test made itself.
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
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

/** The bot's cards in answer to an activity, as the Agents Playground would get them (expectReplies). */
async function chat(overrides: Record<string, unknown>): Promise<AdaptiveCard[]> {
  const response = await postExpectReplies(`${app.server.url}/api/messages`, overrides);
  const body = (await response.json()) as {
    activities?: Array<{ attachments?: Array<{ content: AdaptiveCard }> }>;
    body?: { value?: AdaptiveCard };
  };
  return [
    ...(body.activities ?? []).flatMap((activity) => activity.attachments ?? []).map((one) => one.content),
    ...(body.body?.value ? [body.body.value] : []),
  ];
}
const ask = async (text: string): Promise<string> => (await chat({ text })).map(visibleText).join('\n');

async function open(locale: string): Promise<void> {
  await page.goto(`${app.server.url}/tab?locale=${locale}`);
  await page.getByRole('row', { name: /CAS02/ }).waitFor({ timeout: 15_000 });
}

const row = (name: string) => page.getByRole('row', { name: new RegExp(name) }).first();

/** Serious and critical accessibility problems axe finds on the page as it is now. */
async function axeProblems(): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the Connectors tab in local mode (a plain browser on loopback)', () => {
  it('confirms a full sync in a Fluent dialog and the row follows it to "completed" with no reload', async () => {
    const started = Date.now();
    await open('en-US');
    // eslint-disable-next-line no-console -- the page-load figure for the README, measured where the page is loaded
    console.info(`dashboard: page to connector list in ${Date.now() - started} ms`);
    expect(await page.getByRole('note').textContent()).toContain('Local mode');
    expect(await row('CAS02').textContent()).toMatch(/CAS02.*cas02\.contoso\.local.*Disconnected.*On-premises/);

    await page.getByRole('button', { name: 'Full sync: CAS02' }).click();
    // The dialog's role lives in Fluent's shadow DOM; its words are the element's own (slotted) children.
    const dialog = page.locator('fluent-dialog');
    await page.getByRole('dialog', { name: 'Start this sync?' }).waitFor();
    await expect.poll(() => dialog.textContent()).toContain('CAS02 is disconnected');
    expect(await dialog.textContent()).toContain('Start this sync? CAS02');
    expect(await axeProblems()).toEqual([]);
    expect(sim.syncCalls()).toHaveLength(0); // nothing is sent before Confirm
    await dialog.getByRole('button', { name: 'Start full sync' }).dblclick();

    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Full sync requested');
    await expect.poll(() => row('CAS02').textContent()).toContain('Following since');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-following.png') });
    await expect
      .poll(() => row('CAS02').textContent(), { timeout: 10_000 })
      .toMatch(/Requested · by Local user · .* · completed/);
    expect(await row('CAS02').textContent()).not.toContain('Following since');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-light.png') });
    expect(sim.syncCalls().map((call) => [call.connectorId, call.syncType, call.bearerToken])).toEqual([
      [expect.stringMatching(/d02$/), 'fullSync', TOKEN],
    ]);
    expect(await ask('history CAS02')).toContain('Local user · Full sync · Requested');
  }, 30_000);

  it("shows a sync started in the chat by itself, and the tab's confirmation then has the chat card's cooldown line", async () => {
    const [card] = await chat({ text: 'sync connector EXO-Hosted delta' });
    const confirm = buttonsOf(card!).find((action) => action.data.verb === 'sync.confirm');
    await chat({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: confirm!.data } },
    });
    await expect.poll(() => row('EXO-Hosted').textContent()).toMatch(/Delta sync.* · Requested · by Ada/);

    await page.getByRole('button', { name: 'Delta sync: EXO-Hosted' }).click();
    const dialog = page.locator('fluent-dialog');
    await expect.poll(() => dialog.textContent()).toContain('Ada asked for a delta sync of this connector');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Cancelled');
  }, 20_000);

  it('fits 320 and 360 px in English and German, history open or closed; at 1280 px the last sync takes two lines', async () => {
    const overflow = (): Promise<number> =>
      // In-page expressions are strings here: this file is type-checked for Node, without the DOM's types.
      page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    for (const width of [320, 360]) {
      for (const [locale, history] of [
        ['en-US', 'History'],
        ['de-DE', 'Verlauf'],
      ] as const) {
        await page.setViewportSize({ width, height: 800 });
        await open(locale);
        expect([width, locale, 'closed', await overflow()]).toEqual([width, locale, 'closed', 0]);
        await page.getByRole('button', { name: `${history}: CAS01` }).click();
        await page.getByRole('heading', { name: `${history}: CAS01` }).waitFor();
        expect([width, locale, 'open', await overflow()]).toEqual([width, locale, 'open', 0]);
        if (width === 360 && locale === 'de-DE')
          await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-de-360.png'), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('en-US');
    // The lines the cell's text takes (a table cell itself is as tall as its row).
    const lines = await page.evaluate<
      number[]
    >(`[...document.querySelectorAll('td[data-label="Last sync"]')].map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight));
    })`);
    expect(Math.max(...lines)).toBeLessThanOrEqual(2);
    const names = await page.evaluate<string[]>(
      `[...document.querySelectorAll('tr[data-connector] fluent-button')].map((b) => b.getAttribute('aria-label') ?? '')`,
    );
    expect(names.filter((name) => !/: (CAS01|CAS02|EXO-Hosted|Munich Exchange)$/.test(name))).toEqual([]);
    expect(await axeProblems()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await open('de-DE');
    expect(await page.locator('body').getAttribute('class')).toBe('theme-dark');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Exchange-Connectors');
    expect(await axeProblems()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-dark-de.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  }, 40_000);

  it('an invalid language tag falls back to English instead of a blank page', async () => {
    await open('x');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Exchange connectors');
  });
});
