import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertCard } from '../../src/cards/alertCards';
import { confirmationCard } from '../../src/cards/confirmationCard';
import { connectorListCard } from '../../src/cards/connectorCards';
import type { AdaptiveCard } from '../../src/cards/schema';
import { messagesFor } from '../../src/i18n';
import { seedConnectors } from '../../src/simulator/seed';
import { snapshotOf } from '../../src/sync/connectorSnapshot';
import type { WatchRecord, WatchState } from '../../src/sync/watch';
import { launchChromium } from '../helpers/browser';
import { ROOT } from '../helpers/processes';

/**
 * Cards as a phone and a desktop show them: rendered by the adaptivecards library (the renderer behind Teams' web
 * client and the Agents Playground) in headless Chromium, at the width a card gets in a 360 px phone and in a
 * 1280 px desktop chat. The Playground itself does not narrow its chat below desktop width, hence this page.
 */
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/playground');
/** A card's width inside a chat: the viewport less the avatar and margins Teams keeps around a bubble. */
const CARD_WIDTH = { 360: 328, 1280: 560 } as const;

/** What browser/cardProbe.ts puts on the page's window. */
interface Probe {
  renderCard(json: unknown, width: number): string[];
}

function bundle(entry: string): string {
  const [output] = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  }).outputFiles;
  return output!.text;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
  await page.setContent(
    '<html><body style="margin:0;background:#f5f5f5;font-family:\'Segoe UI\',sans-serif"><div id="card"></div></body></html>',
  );
  await page.addScriptTag({ content: bundle(path.join(__dirname, 'browser/cardProbe.ts')) });
}, 30_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
});

/** Renders a card at a viewport width; returns the words that the layout broke across two lines. */
async function render(card: AdaptiveCard, viewport: 360 | 1280, shot: string): Promise<string[]> {
  await page.setViewportSize({ width: viewport, height: 1200 });
  const broken = await page.evaluate(({ json, width }) => (globalThis as unknown as Probe).renderCard(json, width), {
    json: card,
    width: CARD_WIDTH[viewport],
  });
  await page.locator('#card').screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`) });
  return broken;
}

describe('cards people can read on any screen', () => {
  const m = messagesFor('en');
  const list = connectorListCard({ connectors: seedConnectors(), page: 1, truncated: false, owner: 'aad-ada' }, m);

  it.each([360, 1280] as const)(
    'list connectors at %i px: a compact block per connector, no word broken inside itself',
    async (width) => {
      expect(await render(list, width, `6-list-${width}px`)).toEqual([]);
    },
  );

  it('the confirmation card and the German list at 360 px: no word broken either', async () => {
    const [cas02] = seedConnectors().slice(1);
    const confirmation = confirmationCard(
      {
        state: 'pending',
        id: 'c',
        connector: snapshotOf(cas02!),
        syncType: 'fullSync',
        requestedBy: { id: '29:a', aadObjectId: 'a', name: 'Ada Admin' },
        conversationId: 'a',
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
        revision: 0,
      },
      { m, personal: false },
    );
    expect(await render(confirmation, 360, '7-confirmation-360px')).toEqual([]);
    expect(
      await render(
        connectorListCard(
          { connectors: seedConnectors(), page: 1, truncated: false, owner: 'aad-ada' },
          messagesFor('de'),
        ),
        360,
        '8-list-de-360px',
      ),
    ).toEqual([]);
  });

  it("a followed sync's card in its three states (following, completed, not reported): readable at 360 px", async () => {
    const [cas01] = seedConnectors();
    const person = { id: '29:a', aadObjectId: 'a', name: 'Ada Admin' };
    const requested = {
      state: 'requested' as const,
      id: 'c',
      connector: snapshotOf(cas01!),
      syncType: 'deltaSync' as const,
      requestedBy: person,
      conversationId: 'a',
      createdAt: '2026-11-27T10:39:00Z',
      expiresAt: '2026-11-27T10:49:00Z',
      revision: 2,
      claimId: 'k',
      claimedBy: person,
      claimedAt: '2026-11-27T10:39:30Z',
      requestedAt: '2026-11-27T10:39:31Z',
      graphRequestId: '5e1c9b0a-2f4d-4c1e-9a77-0d2b8c3e6f10',
    };
    // As the watcher stores it: the poll that ended the watch leaves what it saw (the card shows those facts).
    const record = (state: WatchState): WatchRecord => ({
      ...(state.kind === 'completed'
        ? { seen: { status: 'connected', lastSyncDateTime: state.lastSyncDateTime, at: '2026-11-27T10:42:12Z' } }
        : {}),
      connectorId: cas01!.id,
      connectorName: 'CAS01',
      syncType: 'deltaSync',
      requestedBy: person,
      acceptedAt: requested.requestedAt,
      until: '2026-11-27T10:54:31Z',
      baseline: { lastSyncDateTime: requested.connector.lastSyncDateTime, status: 'connected' },
      state,
      changedAt: '2026-11-27T10:42:00Z',
      cards: [],
      lease: null,
      pausedUntil: null,
    });
    const states: Array<[string, WatchState]> = [
      ['9-watch-following', { kind: 'watching' }],
      ['10-watch-completed', { kind: 'completed', lastSyncDateTime: '2026-11-27T10:42:10Z' }],
      ['11-watch-not-reported', { kind: 'notReported' }],
    ];
    for (const [shot, state] of states) {
      const card = confirmationCard(requested, {
        m,
        personal: false,
        watch: { record: record(state), refreshFor: ['29:a'] },
      });
      // A GUID may wrap at one of its hyphens (as Teams wraps it); no other word may break.
      expect(
        (await render(card, 360, shot)).filter((word) => !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(word)),
        shot,
      ).toEqual([]);
    }
  });

  it('an alert card in a channel (a connector disconnected), readable at 360 px', async () => {
    const [cas02] = seedConnectors().slice(1);
    const alert = alertCard(
      {
        kind: 'problem',
        id: 'a',
        connector: { ...snapshotOf(cas02!), since: '2026-12-07T08:15:00Z', stale: false },
        status: 'disconnected',
        previous: { status: 'connected', since: '2026-12-01T09:00:00Z' },
      },
      { intervalMs: 900_000, staleMs: 24 * 3_600_000, staleOnPremises: false },
      m,
    );
    expect(await render(alert, 360, '12-alert-disconnected')).toEqual([]);
  });
});
