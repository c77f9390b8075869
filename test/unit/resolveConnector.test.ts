import { describe, expect, it } from 'vitest';
import { resolveConnector } from '../../src/commands/resolveConnector';
import { seedConnectors } from '../../src/simulator/seed';

const connectors = seedConnectors();
const idOf = (alias: string): string => connectors.find((c) => c.exchangeAlias === alias)?.id ?? '';

describe('resolveConnector', () => {
  it.each([
    ['CAS01', 'CAS01'],
    ['cas01', 'CAS01'],
    ['cas01.contoso.local', 'CAS01'],
    ['icx-conn-02', 'CAS02'],
    ['mun', 'Munich Exchange'],
    ['munich exchange', 'Munich Exchange'],
    ['exo', 'EXO-Hosted'],
    ['0f9a2e61', 'EXO-Hosted'],
  ])('%s -> %s', (query, alias) => {
    expect(resolveConnector(query, connectors)).toMatchObject({ kind: 'found', connector: { id: idOf(alias) } });
  });

  it('finds by full id, whatever the case', () => {
    expect(resolveConnector(idOf('CAS02').toUpperCase(), connectors)).toMatchObject({
      kind: 'found',
      connector: { exchangeAlias: 'CAS02' },
    });
  });

  it('lists every candidate when a prefix matches several', () => {
    const result = resolveConnector('cas', connectors);
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.map((c) => c.exchangeAlias)).toEqual(['CAS01', 'CAS02']);
  });

  it('prefers an exact name over prefixes of others', () => {
    const twins = [...connectors, { ...connectors[0]!, id: 'x1', exchangeAlias: 'CAS010' }];
    expect(resolveConnector('cas01', twins)).toMatchObject({ kind: 'found', connector: { id: idOf('CAS01') } });
  });

  it('suggests the nearest name for a typo, and nothing for nonsense', () => {
    expect(resolveConnector('cas1', connectors)).toMatchObject({
      kind: 'unknown',
      suggestion: { exchangeAlias: 'CAS01' },
    });
    expect(resolveConnector('zzzzzzzz', connectors)).toEqual({ kind: 'unknown', suggestion: null });
  });

  it('knows nothing in an empty tenant', () => {
    expect(resolveConnector('cas01', [])).toEqual({ kind: 'unknown', suggestion: null });
  });
});
