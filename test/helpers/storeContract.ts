import { randomUUID } from 'node:crypto';
import { keySegment } from '../../src/storage/keySegment';
import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/storage';

/** A clock the contract moves by hand, so expiry is tested without waiting. */
export class ManualClock {
  ms = Date.parse('2026-11-27T10:00:00Z');
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * The StateStore contract, run against every store: memory here, Azure Blob Storage on Azurite in the integration
 * suite. `make` returns a fresh store driven by `clock`.
 */
export function describeStoreContract(name: string, make: (clock: ManualClock) => StateStore): void {
  describe(`StateStore contract: ${name}`, () => {
    const fresh = (): { store: StateStore; clock: ManualClock; key: string } => {
      const clock = new ManualClock();
      // Keys are built as the bot builds them: an outside id (here Teams-like, with ';' and '=') as one encoded segment.
      return { store: make(clock), clock, key: `contract/${keySegment(`${randomUUID()};messageid=1`)}` };
    };

    it('lists the keys under a prefix, and only those; a deleted record is not listed', async () => {
      const { store } = fresh();
      const prefix = `listed-${keySegment(randomUUID())}/`;
      await Promise.all(['a', 'b', 'c'].map((name) => store.put(`${prefix}${name}`, { name })));
      await store.put(`other-${keySegment(randomUUID())}/a`, {});
      await store.delete(`${prefix}b`);
      expect((await store.list(prefix)).sort()).toEqual([`${prefix}a`, `${prefix}c`]);
    });

    it('reads nothing for a missing key; round-trips values, German and emoji included', async () => {
      const { store, key } = fresh();
      expect(await store.read(key)).toBeNull();
      await store.put(key, { name: 'Jörg Müller „Prüfung“ ✅' });
      expect(await store.read(key)).toMatchObject({
        value: { name: 'Jörg Müller „Prüfung“ ✅' },
        eTag: expect.any(String) as unknown,
      });
      await store.delete(key);
      expect(await store.read(key)).toBeNull();
    });

    it('create writes once: the second create of a key, and all but one of five racing creates, are refused', async () => {
      const { store, key } = fresh();
      expect(await store.create(key, { n: 1 })).toMatchObject({ created: true });
      expect(await store.create(key, { n: 2 })).toEqual({ created: false });
      expect((await store.read(key))?.value).toEqual({ n: 1 });
      const racers = await Promise.all(Array.from({ length: 5 }, (_, n) => store.create(`${key}-race`, { n })));
      expect(racers.filter((result) => result.created)).toHaveLength(1);
    });

    it('replace is compare-and-swap: the current version wins, a stale one is a conflict', async () => {
      const { store, key } = fresh();
      await store.create(key, { state: 'pending' });
      const read = await store.read(key);
      expect(await store.replace(key, { state: 'claimed' }, read!.eTag)).toMatchObject({ replaced: true });
      expect(await store.replace(key, { state: 'claimed-again' }, read!.eTag)).toEqual({
        replaced: false,
        reason: 'conflict',
      });
      expect((await store.read(key))?.value).toEqual({ state: 'claimed' });
    });

    it('replace never recreates a record that is gone: it reports "gone"; after expiry the old version is stale', async () => {
      const { store, clock, key } = fresh();
      await store.create(key, { state: 'pending' });
      const read = await store.read(key);
      await store.delete(key);
      expect(await store.replace(key, { state: 'claimed' }, read!.eTag)).toEqual({ replaced: false, reason: 'gone' });
      expect(await store.read(key)).toBeNull();

      await store.create(key, { state: 'pending' }, { ttlMs: 1_000 });
      const old = await store.read(key);
      clock.advance(1_001);
      await store.create(key, { state: 'new' });
      expect(await store.replace(key, { state: 'claimed' }, old!.eTag)).toEqual({
        replaced: false,
        reason: 'conflict',
      });
      expect((await store.read(key))?.value).toEqual({ state: 'new' });
    });

    it('a record with a time to live reads as gone afterwards, and a create over it succeeds', async () => {
      const { store, clock, key } = fresh();
      await store.create(key, { first: true }, { ttlMs: 60_000 });
      clock.advance(59_000);
      expect(await store.read(key)).not.toBeNull();
      clock.advance(2_000);
      expect(await store.read(key)).toBeNull();
      expect(await store.create(key, { first: false })).toMatchObject({ created: true });
    });
  });
}
