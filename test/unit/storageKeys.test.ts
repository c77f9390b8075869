import { ContainerClient } from '@azure/storage-blob';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../src/storage';
import { fromKeySegment, keySegment } from '../../src/storage/keySegment';

/**
 * Every key builder, fed any strings at all (ids from Teams, Graph, botbuilder, card data and URLs), gives a blob
 * that the storage SDK addresses under the builder's own prefix: no `..` climbs out, no `/` adds a folder, no
 * `%2F` is decoded into one by the service.
 */
const container = new ContainerClient('http://127.0.0.1:10000/devstoreaccount1/botstate');

const builders: Array<[prefix: string, parts: number, build: (...parts: string[]) => string]> = [
  ['confirmations', 1, (id) => KEYS.confirmation(id)],
  ['deliveries', 3, (channel, conversation, activity) => KEYS.delivery(channel, conversation, activity)],
  ['sso-dedupe', 1, (key) => KEYS.ssoDedupe(key)],
  ['signin-pending', 2, (channel, user) => KEYS.pendingSignIn(channel, user)],
  ['audit', 1, (connector) => KEYS.audit(connector)],
  ['pending-cards', 2, (conversation, user) => KEYS.pendingConfirmations(conversation, user)],
  ['card-owners', 2, (conversation, message) => KEYS.cardOwner(conversation, message)],
  ['claims', 1, (connector) => KEYS.connectorClaim(connector)],
  ['watches', 1, (connector) => KEYS.watch(connector)],
  ['watching', 1, (connector) => KEYS.watching(connector)],
];

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '..',
    '.',
    '',
    '../../../watches/_index',
    'x/../y',
    '..%2F..%2Fother%2Fsecret.json',
    '_index',
    '%2e%2e',
  ),
  fc
    .array(fc.constantFrom('..', '/', '%2F', '.', '\\', 'a', ':', '@', ';', '=', '?', '#'), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

describe('storage keys built from any input stay under their prefix', () => {
  it.each(builders)('%s', (prefix, count, build) => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: count, maxLength: count }), (parts) => {
        const key = build(...parts);
        const { pathname } = new URL(container.getBlockBlobClient(key).url);
        expect(pathname.startsWith(`/devstoreaccount1/botstate/${prefix}/`)).toBe(true);
        // The name the service stores (the decoded path) has exactly the builder's segments, none of them a dot.
        const segments = decodeURIComponent(pathname).split('/').slice(3);
        expect(segments).toHaveLength(1 + count);
        expect(segments.filter((segment) => segment === '.' || segment === '..' || segment === '')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('different ids give different keys, and a segment reads back as the id it was made from', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        if (a !== b) expect(KEYS.confirmation(a)).not.toBe(KEYS.confirmation(b));
        const wellFormed = Buffer.from(a, 'utf8').toString('utf8');
        expect(fromKeySegment(keySegment(wellFormed))).toBe(wellFormed);
      }),
      { numRuns: 500 },
    );
  });

  it('GUIDs read as they are', () => {
    expect(KEYS.confirmation('1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe(
      'confirmations/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    );
  });
});
