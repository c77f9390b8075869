import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { buttonsOf, visibleText } from '../helpers/cardChecks';
import { FakeConnector, type ConnectorCall } from '../helpers/fakeConnector';
import { CHANNEL, LiveBot, MENTION, USERS, cardIn, invokeBody } from '../helpers/liveBot';

/**
 * Connector alerts in a channel, against the Graph simulator. The checks are due every minute; the tests move the bot's
 * clock past that and run a round of checks at once (the timer itself never fires during a test), so nothing waits.
 */
const peers = { sim: new GraphSimulator({ syncCompletesAfterMs: 60_000 }), connector: new FakeConnector() };
const live = new LiveBot(peers);
const { sim, connector } = peers;
const CAS01 = '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d01';
const rounds = (count: number): Promise<void> => live.alertRounds(count, 60_000);

beforeAll(async () => {
  await Promise.all([sim.start(), connector.start()]);
  await live.start({ ALERT_INTERVAL_SECONDS: '60', LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await live.stop();
  await Promise.all([sim.stop(), connector.stop()]);
});

/** What the channel was sent outside any turn (the alerts), as visible text. */
const posted = (since = 0): ConnectorCall[] =>
  connector.calls
    .slice(since)
    .filter(
      (call) =>
        (call.kind === 'send' || call.kind === 'reply') &&
        call.conversationId.startsWith(CHANNEL.id) &&
        !call.activityId &&
        call.body.attachments,
    );
const textOf = (call: ConnectorCall): string => visibleText(cardIn(call));
const inChannel = (text: string) =>
  live.say(`<at>Connector Sync</at> ${text}`, USERS.ada, { conversation: CHANNEL, entities: [MENTION] });
const inChannelOf = (conversation: Record<string, unknown>, text: string) =>
  live.say(`<at>Connector Sync</at> ${text}`, USERS.ben, { conversation, entities: [MENTION], locale: 'de-DE' });
const lists = (): number => sim.calls.filter((call) => call.operation === 'list').length;

describe('alerts in a channel', () => {
  it("`alerts on` asks for Turn on with the asker's access; only they can click it; then what needs attention is posted once", async () => {
    const [reply] = await inChannel('alerts on');
    const card = cardIn(reply);
    expect(visibleText(card)).toContain("Alerts will use Ada Admin's access");
    const turnOn = buttonsOf(card).find((action) => action.data.verb === 'alerts.on')!;
    const ben = await live.execute(USERS.ben, 'alerts.on', turnOn.data, reply!.id, CHANNEL);
    expect(JSON.stringify(invokeBody(ben))).toContain('Only the person who asked');

    const before = connector.calls.length;
    const answer = await live.execute(USERS.ada, 'alerts.on', turnOn.data, reply!.id, CHANNEL);
    expect(JSON.stringify(invokeBody(answer))).toContain('Alerts are on in this chat');
    await live.idle();
    await rounds(2);
    const first = posted(before).map(textOf);
    // CAS02 disconnected, Munich Exchange pending, EXO-Hosted (hosted) 11 days without a sync; nothing for on-premises
    // CAS01's old last sync (Microsoft ended their support: status alerts only).
    expect(first).toHaveLength(3);
    expect(first.join('\n')).toMatch(/CAS02 is Disconnected/);
    expect(first.join('\n')).toMatch(/Munich Exchange is Connection pending/);
    expect(first.join('\n')).toMatch(/EXO-Hosted has not synced for a while/);
    expect(first.join('\n')).not.toMatch(/CAS01/);
  });

  it('a status flip posts one alert (not one per check) and the recovery goes into its thread', async () => {
    const before = connector.calls.length;
    sim.changeConnector(CAS01, { status: 'disconnected' });
    await rounds(3);
    const alerts = posted(before);
    expect(alerts.map(textOf)).toEqual([
      expect.stringMatching(/CAS01 is Disconnected[\s\S]*It was Connected until this check/),
    ]);
    const alertId = alerts[0]!.id;

    sim.changeConnector(CAS01, { status: 'connected' });
    await rounds(2);
    const recovery = posted(before).slice(1);
    expect(recovery.map(textOf)).toEqual([
      expect.stringMatching(/CAS01 is connected again \(it was Disconnected since/),
    ]);
    expect(recovery[0]!.conversationId).toBe(`${CHANNEL.id};messageid=${alertId}`);
  });

  it('Mute 24 h keeps that connector quiet', async () => {
    const before = connector.calls.length;
    sim.changeConnector(CAS01, { status: 'disconnected' });
    await rounds(2);
    const [alert] = posted(before);
    const mute = buttonsOf(cardIn(alert)).find((action) => action.data.verb === 'alerts.mute')!;
    const answer = await live.execute(USERS.ben, 'alerts.mute', mute.data, alert!.id, CHANNEL);
    expect(JSON.stringify(invokeBody(answer))).toContain('Alerts for CAS01 are muted here until');
    sim.changeConnector(CAS01, { status: 'connected' });
    await rounds(2);
    sim.changeConnector(CAS01, { status: 'disconnected' });
    await rounds(2);
    expect(posted(before).map(textOf)).toHaveLength(1);
    sim.changeConnector(CAS01, { status: 'connected' });
  });

  it('`alerts` says they are on, since when, with whose access, what is checked, and who turned them on', async () => {
    const [reply] = await inChannel('are alerts on?');
    const text = visibleText(cardIn(reply));
    expect(text).toMatch(/Alerts are on here since .* with Ada Admin's access/);
    expect(text).toContain('Every 1 min');
    expect(text).toMatch(/turned on by Ada Admin/);
    expect(text).toMatch(/CAS01: muted until/);
  });

  it('a refused token pauses the alerts with one message and a Turn on button; no Graph call after', async () => {
    const before = connector.calls.length;
    sim.addFault({ operation: 'list', error: simulatedErrors.expiredToken(), times: 1 });
    await rounds(3);
    const paused = posted(before);
    expect(paused.map(textOf)).toEqual([
      expect.stringMatching(/Alerts are paused: Ada Admin's sign-in is gone or was refused/),
    ]);
    expect(buttonsOf(cardIn(paused[0])).map((action) => action.data.verb)).toEqual(['alerts.on']);
    const calls = lists();
    await rounds(2);
    expect(lists()).toBe(calls);
    // Ada clicks Turn on: alerts resume with what was seen kept (nothing reported twice)
    await live.execute(USERS.ada, 'alerts.on', buttonsOf(cardIn(paused[0]))[0]!.data, paused[0]!.id, CHANNEL);
    await live.idle();
    await rounds(2);
    expect(lists()).toBeGreaterThan(calls);
    expect(posted(before)).toHaveLength(1);
  });

  it('Graph outages only delay the checks; one that lasts over an hour is said once', async () => {
    const before = connector.calls.length;
    sim.addFault({ operation: 'list', error: simulatedErrors.unavailable(503), times: 1_000 });
    await rounds(30); // half an hour of failing checks: nothing said
    expect(posted(before)).toEqual([]);
    await rounds(40); // past the hour: said once, however long it goes on
    expect(posted(before).map(textOf)).toEqual([
      expect.stringMatching(/Alerts are delayed: Microsoft Graph has not answered/),
    ]);
    sim.clearFaults();
    await rounds(2);
    expect(posted(before)).toHaveLength(1); // it answers again: checks resume quietly (nothing changed meanwhile)
  });

  it('alerts speak the language of the person who turned them on (German here), wherever they are posted', async () => {
    const german = { id: '19:intune-de@thread.tacv2', conversationType: 'channel', tenantId: CHANNEL.tenantId };
    const [reply] = await live.say('<at>Connector Sync</at> Warnungen an', USERS.ben, {
      conversation: german,
      entities: [MENTION],
      locale: 'de-DE',
    });
    expect(visibleText(cardIn(reply))).toContain('Die Warnungen nutzen den Zugriff von Ben Builder');
    const turnOn = buttonsOf(cardIn(reply)).find((action) => action.data.verb === 'alerts.on')!;
    const before = connector.calls.length;
    await live.execute(USERS.ben, 'alerts.on', turnOn.data, reply!.id, german, { locale: 'de-DE' });
    await live.idle();
    const first = connector.calls
      .slice(before)
      .filter((call) => call.kind === 'send' && call.conversationId === german.id)
      .map(textOf);
    expect(first.join('\n')).toMatch(/CAS02 ist Getrennt/);
    expect(first.join('\n')).toMatch(/EXO-Hosted hat länger nicht synchronisiert/);
    await inChannelOf(german, 'Warnungen aus');
  });

  it('`alerts off` stops the checks: no Graph call after it', async () => {
    const [reply] = await inChannel('alerts off');
    expect(JSON.stringify(reply?.body)).toContain('Alerts are off in this chat (turned off by Ada Admin)');
    await rounds(1);
    const calls = lists();
    await rounds(3);
    expect(lists()).toBe(calls);
    const [again] = await inChannel('alerts off');
    expect(JSON.stringify(again?.body)).toContain('Alerts are not on in this chat');
  });
});
