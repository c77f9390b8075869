import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { seedConnectors } from '../../src/simulator/seed';
import { launchChromium } from '../helpers/browser';
import { Playground, cardJson, cardText } from '../helpers/playground';
import { ROOT } from '../helpers/processes';

/**
 * End to end through Microsoft 365 Agents Playground, Microsoft's local Teams client: the bot in local mode, the
 * Playground, and headless Debian Chromium driving the Playground's real UI. Screenshots land in SCREENSHOTS_DIR
 * (default test-results/playground); `npm run screenshots` refreshes the README's pictures in docs/screenshots.
 */
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/playground');
const [CAS01, CAS02] = seedConnectors();

const sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
const playground = new Playground();
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const graphBaseUrl = await sim.start();
  app = await startApp(
    loadConfig({ BOT_STORAGE: 'memory', PORT: '0', GRAPH_BASE_URL: graphBaseUrl, LOG_LEVEL: 'warn' }),
    createLogger('warn'),
  );
  await playground.start(`${app.server.url}/api/messages`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/cdn\.office\.net/, (route) => route.abort());
  await page.goto(playground.url);
  await page.getByRole('treeitem').first().waitFor({ timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await playground.stop();
  await app?.stop();
  await sim.stop();
});

beforeEach(() => {
  sim.calls.length = 0;
});

async function shoot(name: string): Promise<void> {
  await page.waitForTimeout(300); // let the card finish its layout
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function typeInto(editorIndex: number, text: string): Promise<void> {
  const editor = page.locator('[data-lexical-editor="true"][role="textbox"]').nth(editorIndex);
  await editor.click();
  await editor.pressSequentially(text);
  await editor.press('Enter');
}

describe('in the Playground UI (headless Chromium)', () => {
  it('personal chat: command -> card -> Start -> the card shows the request; exactly one fullSync; a second click changes nothing', async () => {
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    const before = playground.events.length;
    await typeInto(0, 'sync connector cas01 full');
    const cardMessage = await playground.waitForBot(playground.ids.personalChat, before, (e) =>
      cardJson(e).includes('Sync this Exchange connector?'),
    );
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Sync this Exchange connector?' }).last();
    await card.waitFor();
    await shoot('1-confirmation-card');

    await card.getByRole('button', { name: 'Start full sync' }).click();
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'Full sync requested' }).last().waitFor();
    await shoot('2-sync-requested');
    expect(sim.syncCalls()).toEqual([
      expect.objectContaining({ connectorId: CAS01!.id, syncType: 'fullSync', status: 204 }),
    ]);

    // The handled card has no buttons left; a stale client's click arrives anyway and is answered without Graph.
    const confirmationId = /"confirmationId":"([^"]+)"/.exec(cardJson(cardMessage))?.[1];
    const answer = await playground.execute(
      playground.ids.personalChat,
      cardMessage.message.messageId,
      'sync.confirm',
      { verb: 'sync.confirm', confirmationId },
    );
    expect(JSON.stringify(answer)).toContain('already handled');
    expect(sim.syncCalls()).toHaveLength(1);
  });

  it('personal chat: Cancel sends nothing and says who cancelled', async () => {
    await typeInto(0, 'sync connector cas02 delta');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Sync this Exchange connector?' }).last();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'Cancelled by Ada Admin' }).last().waitFor();
    await shoot('3-cancelled');
    expect(sim.syncCalls()).toEqual([]);
  });
});

describe('channels and group chats in the Playground UI', () => {
  it('channel: a post that @mentions the bot gets the card in its thread, and the requester confirms', async () => {
    await page.getByRole('treeitem', { name: /General/ }).click();
    const editor = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await editor.click();
    await editor.pressSequentially('@Conn');
    await page.getByRole('menuitem', { name: playground.ids.botName }).click();
    await editor.pressSequentially(' sync connector cas02 full');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const post = page.locator('.fui-Card[role="group"]').filter({ hasText: 'sync connector cas02 full' }).last();
    const card = post.locator('.ac-adaptiveCard').filter({ hasText: 'Sync this Exchange connector?' });
    await card.waitFor();
    await shoot('4-channel-confirmation');
    await card.getByRole('button', { name: 'Start full sync' }).click();
    await post.locator('.ac-adaptiveCard').filter({ hasText: 'Full sync requested' }).waitFor();
    expect(sim.syncCalls()).toEqual([expect.objectContaining({ connectorId: CAS02!.id, syncType: 'fullSync' })]);
  });

  it('group chat: a message without a mention is not answered, one with a mention is', async () => {
    await page.getByRole('treeitem', { name: /Intune Admins/ }).click();
    const before = playground.events.length;
    await typeInto(0, 'list connectors');
    await page.waitForTimeout(1_500);
    // Opening the chat for the first time installs the bot, which then introduces itself: that is not an answer.
    const answers = playground.events
      .slice(before)
      .filter(
        (event) => event.message?.from?.id === playground.ids.botId && !cardText(event).includes('I start syncs'),
      );
    expect(answers).toEqual([]);

    const editor = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await editor.click();
    await editor.pressSequentially('@Conn');
    await page.getByRole('menuitem', { name: playground.ids.botName }).click();
    await editor.pressSequentially(' list connectors');
    await editor.press('Enter');
    await page.locator('.ac-adaptiveCard').filter({ hasText: '4 Exchange connectors' }).last().waitFor();
    await shoot('5-group-chat-list');
  });
});

describe('through the Playground HTTP API', () => {
  it('German commands get German cards', async () => {
    const before = playground.events.length;
    await playground.customActivity(playground.ids.personalChat, {
      type: 'message',
      text: 'synchronisiere connector cas01 vollständig',
      locale: 'de-DE',
    });
    const reply = await playground.waitForBot(playground.ids.personalChat, before);
    expect(cardText(reply)).toContain('Diesen Exchange-Connector synchronisieren?');
  });

  it('list connectors shows every connector', async () => {
    const before = playground.events.length;
    await playground.send(playground.ids.personalChat, 'list connectors');
    const reply = await playground.waitForBot(playground.ids.personalChat, before);
    for (const name of ['CAS01', 'CAS02', 'EXO-Hosted', 'Munich Exchange']) expect(cardText(reply)).toContain(name);
  });

  it('an unknown connector gets the known ones and a "did you mean"', async () => {
    const before = playground.events.length;
    await playground.send(playground.ids.personalChat, 'sync connector cas9 full');
    expect(cardText(await playground.waitForBot(playground.ids.personalChat, before))).toContain(
      'Did you mean sync connector CAS01 full?',
    );
  });

  it('an ambiguous name lists the candidates, and a chooser button leads to a confirmation', async () => {
    const before = playground.events.length;
    await playground.send(playground.ids.personalChat, 'sync connector cas');
    const chooser = await playground.waitForBot(playground.ids.personalChat, before);
    expect(cardText(chooser)).toContain('2 connectors match');
    const answer = JSON.stringify(
      await playground.execute(playground.ids.personalChat, chooser.message.messageId, 'sync.prepare', {
        verb: 'sync.prepare',
        connectorId: CAS02!.id,
        syncType: 'deltaSync',
        owner: /"owner":"([^"]+)"/.exec(cardJson(chooser))?.[1],
        inPlace: '1',
      }),
    );
    expect(answer).toContain('Sync this Exchange connector?');
    expect(answer).toContain('CAS02');
    expect(sim.syncCalls()).toEqual([]);
  });

  it("a second user clicking someone else's card is refused and nothing is synced", async () => {
    const before = playground.events.length;
    await playground.send(playground.ids.groupChat, 'sync connector exo full', { mention: true });
    const card = await playground.waitForBot(playground.ids.groupChat, before);
    const confirmationId = /"confirmationId":"([^"]+)"/.exec(cardJson(card))?.[1];
    const afterCard = playground.events.length;
    await playground.customActivity(playground.ids.groupChat, {
      type: 'message',
      from: { id: playground.ids.otherUser, name: 'Ben Builder' },
      replyToId: card.message.messageId,
      value: { verb: 'sync.confirm', confirmationId },
      text: undefined,
    });
    const refusal = await playground.waitForBot(playground.ids.groupChat, afterCard);
    expect(refusal.message.text).toContain('Only Ada Admin');
    expect(sim.syncCalls()).toEqual([]);
  });
});
