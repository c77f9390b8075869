import type { Command } from './command';
import type { Token } from './tokenize';

type AlertsCommand = Extract<Command, { kind: 'alerts' }>;

const NOUNS = ['alerts', 'alert', 'notifications', 'warnungen', 'warnung', 'benachrichtigungen', 'alarme'];
const ON = ['on', 'enable', 'start', 'activate', 'an', 'ein', 'einschalten', 'aktivieren', 'anschalten', 'starten'];
const OFF = ['off', 'disable', 'stop', 'deactivate', 'aus', 'ausschalten', 'deaktivieren', 'abschalten', 'stoppen'];
/** "are alerts on?": a question about them, not a switch. */
const ASKING = ['are', 'is', 'status', 'what', 'sind', 'ist', 'welche'];
/** Words that may stand around the switch without changing it. */
const AROUND = [
  'please',
  'turn',
  'switch',
  'the',
  'connector',
  'connectors',
  'in',
  'here',
  'this',
  'chat',
  'channel',
  'for',
  'us',
  'bitte',
  'schalte',
  'schalt',
  'die',
  'hier',
  'diesem',
  'dieser',
  'kanal',
  'für',
  'uns',
];
/** "tell us here when a connector disconnects", "benachrichtige uns hier bei Problemen". */
const TELL = [
  'tell',
  'notify',
  'warn',
  'ping',
  'inform',
  'benachrichtige',
  'benachrichtigt',
  'informiere',
  'warne',
  'sag',
  'sagt',
];
const AUDIENCE = ['us', 'me', 'here', 'uns', 'mich', 'hier'];
const EVENTS = [
  'disconnects',
  'disconnected',
  'disconnect',
  'fails',
  'failed',
  'breaks',
  'broken',
  'problem',
  'problems',
  'issue',
  'issues',
  'stops',
  'down',
  'offline',
  'getrennt',
  'problemen',
  'probleme',
  'störung',
  'störungen',
  'ausfällt',
  'ausfall',
  'fehler',
  'trouble',
];

/**
 * Whether a message is about this conversation's connector alerts: "alerts on", "turn off alerts", "are alerts on?",
 * "Warnungen an", or an everyday request to be told of trouble ("tell us here when a connector disconnects"). Read
 * before the other intents, so "when" in such a request never makes it a status question; a message with any other
 * word (a connector's name) is left to them.
 */
export function alertsIntent(tokens: readonly Token[]): AlertsCommand | null {
  if (tokens.some((token) => token.quoted)) return null;
  const words = tokens.map((token) => token.text.toLowerCase().replace(/[?!.,]+$/u, ''));
  const has = (list: readonly string[]): boolean => words.some((word) => list.includes(word));
  if (has(NOUNS)) {
    const known = [...NOUNS, ...ON, ...OFF, ...ASKING, ...AROUND];
    if (!words.every((word) => known.includes(word))) return null;
    if (has(ASKING) && !words.includes('turn') && !words.includes('schalte')) return { kind: 'alerts', action: 'show' };
    return { kind: 'alerts', action: has(OFF) ? 'off' : has(ON) ? 'on' : 'show' };
  }
  if (has(TELL) && has(AUDIENCE) && has(EVENTS))
    return { kind: 'alerts', action: has(OFF) || words.includes("don't") || words.includes('nicht') ? 'off' : 'on' };
  return null;
}
