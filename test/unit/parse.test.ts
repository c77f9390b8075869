import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse';

describe('parseCommand', () => {
  it.each([
    ['sync connector cas01 full', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['sync connector cas01 delta', { kind: 'sync', target: 'cas01', syncType: 'deltaSync' }],
    ['SYNC   Connector   CAS01    FULL', { kind: 'sync', target: 'CAS01', syncType: 'fullSync' }],
    ['sync connector cas01 fullSync', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['sync connector cas01 deltaSync', { kind: 'sync', target: 'cas01', syncType: 'deltaSync' }],
    ['sync connector cas01 quick', { kind: 'sync', target: 'cas01', syncType: 'deltaSync' }],
    ['sync connector cas01 Quick Sync', { kind: 'sync', target: 'cas01', syncType: 'deltaSync' }],
    ['sync cas01 full', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['sync connector cas01', { kind: 'sync', target: 'cas01', syncType: null }],
    ['sync connector "Munich Exchange" full', { kind: 'sync', target: 'Munich Exchange', syncType: 'fullSync' }],
    ['sync connector “Munich  Exchange” delta', { kind: 'sync', target: 'Munich Exchange', syncType: 'deltaSync' }],
    ['synchronisiere connector cas01 vollständig', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['Synchronisiere Konnektor CAS01 Delta', { kind: 'sync', target: 'CAS01', syncType: 'deltaSync' }],
    ['synchronisiere connector „Munich Exchange“ schnell', { kind: 'sync', target: 'Munich Exchange', syncType: 'deltaSync' }],
    ['<at>Connector Sync</at> sync connector cas01 full', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['sync connector cas01 full.', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['sync&nbsp;connector cas01 full', { kind: 'sync', target: 'cas01', syncType: 'fullSync' }],
    ['list connectors', { kind: 'list' }],
    ['connectors', { kind: 'list' }],
    ['List Connectors', { kind: 'list' }],
    ['liste connectors', { kind: 'list' }],
    ['status cas01', { kind: 'status', target: 'cas01' }],
    ['status "Munich Exchange"', { kind: 'status', target: 'Munich Exchange' }],
    ['history cas01', { kind: 'history', target: 'cas01' }],
    ['verlauf "Munich Exchange"', { kind: 'history', target: 'Munich Exchange' }],
    ['logout', { kind: 'signOut' }],
    ['Sign out', { kind: 'signOut' }],
    ['abmelden', { kind: 'signOut' }],
    ['help', { kind: 'help' }],
    ['hilfe', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
  ])('%j -> %j', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['sync connector', { kind: 'missingTarget', command: 'sync' }],
    ['synchronisiere connector', { kind: 'missingTarget', command: 'sync' }],
    ['status', { kind: 'missingTarget', command: 'status' }],
    ['sync connector cas01 fulll', { kind: 'unknownSyncType', word: 'fulll', suggestion: 'fullSync' }],
    ['sync connector cas01 sometimes', { kind: 'unknownSyncType', word: 'sometimes', suggestion: null }],
    ['sync connector Munich Exchange full', { kind: 'extraWords', words: ['Exchange', 'full'] }],
    ['status cas01 now', { kind: 'extraWords', words: ['now'] }],
  ])('%j is explained as %j', (text, error) => {
    expect(parseCommand(text)).toEqual({ ok: false, error });
  });

  it('suggests the command a typo was close to', () => {
    expect(parseCommand('snyc connector cas01 full')).toEqual({
      ok: false,
      error: { kind: 'notUnderstood', text: 'snyc connector cas01 full', suggestion: 'sync connector cas01 full' },
    });
    expect(parseCommand('lsit')).toMatchObject({ ok: false, error: { kind: 'notUnderstood', suggestion: 'list connectors' } });
  });

  it.each(['what is the weather', 'DROP TABLE connectors;', '{"verb":"sync.confirm"}', '🙂'])('does not understand %j', (text) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('notUnderstood');
  });
});
