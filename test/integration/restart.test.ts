import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import { FakeConnector } from '../helpers/fakeConnector';
import { TENANT, USERS, cardIn, invokeBody } from '../helpers/liveBot';
import { killAll, startBotProcess, waitForOutput, type Started } from '../helpers/processes';

/**
 * What a new user tried: confirm a sync, stop the bot (as Ctrl-C does), `npm start` again. Local mode keeps its state
 * in its embedded blob store, so after the restart the followed sync is still followed to its end, a pending card
 * still confirms, and history is intact. Graph (a simulator) and the Bot Connector (a fake) outlive the bot.
 */
const sim = new GraphSimulator({ syncCompletesAfterMs: 2_500 });
const connector = new FakeConnector();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bot-data-'));
let bot: { process: Started; url: string };

async function start(): Promise<{ process: Started; url: string }> {
  const started = startBotProcess({
    PORT: '0',
    LOG_LEVEL: 'warn',
    BOT_STORAGE: 'local',
    LOCAL_DATA_DIR: dataDir,
    GRAPH_BASE_URL: sim.baseUrl,
    LOCAL_GRAPH_TOKEN: 'restart-test-token',
    SYNC_WATCH_INTERVAL_SECONDS: '1',
  });
  return { process: started, url: (await waitForOutput(started, /Bot endpoint\s+(http:\/\/\S+)/))[1]! };
}

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(bot.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: USERS.ada,
      recipient: { id: '28:connector-sync-bot', name: 'Connector Sync' },
      conversation: { id: 'a:1personal-restart', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      locale: 'en-US',
      ...activity,
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function ask(text: string): Promise<{ messageId: string; confirmationId: string }> {
  const before = connector.calls.length;
  await post({ type: 'message', text });
  const reply = connector.since(before).find((call) => call.kind === 'reply' && call.body.attachments);
  const confirmationId = buttonsOf(cardIn(reply)).find((button) => button.data.verb === 'sync.cancel')?.data
    .confirmationId;
  return { messageId: reply?.activityId ?? '', confirmationId: confirmationId ?? '' };
}

const confirm = (confirmationId: string, messageId: string) =>
  post({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'sync.confirm', data: { confirmationId } }, trigger: 'manual' },
    replyToId: messageId,
  });

beforeAll(async () => {
  await Promise.all([sim.start(), connector.start()]);
  bot = await start();
}, 30_000);

afterAll(async () => {
  killAll();
  await Promise.all([sim.stop(), connector.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a restart of the bot process (local mode, embedded store)', () => {
  it('keeps following a sync to its end, lets a pending card confirm, and keeps the history', async () => {
    const followed = await ask('sync connector cas01 full');
    const pending = await ask('sync connector cas02 delta');
    expect(JSON.stringify(invokeBody(await confirm(followed.confirmationId, followed.messageId)).value)).toContain(
      'Full sync requested',
    );

    // Ctrl-C: the bot stops gracefully, with the sync not yet reported by Intune.
    bot.process.child.kill('SIGINT');
    expect(await bot.process.exited).toBe(0);
    expect(
      connector.updatesOf(followed.messageId).some((call) => JSON.stringify(call.body).includes('completed at')),
    ).toBe(false);
    bot = await start();

    // The followed sync's card reaches its end, from the new process.
    await vi.waitFor(
      () =>
        expect(
          connector
            .updatesOf(followed.messageId)
            .map((call) => visibleText(cardIn(call)))
            .join('\n'),
        ).toMatch(/Intune reports the sync completed at|has not reported this sync/),
      { timeout: 15_000, interval: 100 },
    );
    // The card made before the restart still confirms: exactly one sync of CAS02.
    expect(JSON.stringify(invokeBody(await confirm(pending.confirmationId, pending.messageId)).value)).toContain(
      'Delta sync requested',
    );
    expect(sim.syncCalls().map((call) => call.syncType)).toEqual(['fullSync', 'deltaSync']);
    // History is intact, with what became of the followed sync.
    const before = connector.calls.length;
    await post({ type: 'message', text: 'history cas01' });
    const history = visibleText(
      cardIn(connector.since(before).find((call) => call.kind === 'reply' && call.body.attachments)),
    );
    expect(history).toContain('Ada Admin · Full sync · Requested');
    expect(history).toMatch(/completed|not reported/);
  }, 40_000);
});
