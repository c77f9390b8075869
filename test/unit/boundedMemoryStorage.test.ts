import { describe, expect, it } from 'vitest';
import { BoundedMemoryStorage } from '../../src/bot/boundedMemoryStorage';

describe('BoundedMemoryStorage', () => {
  it('keeps MemoryStorage\'s eTag contract: create, compare-and-swap, conflicts, `*` overwrites', async () => {
    const storage = new BoundedMemoryStorage();
    await storage.write({ a: { value: 1, eTag: 'anything' } }); // absent: created
    const { eTag } = (await storage.read(['a'])).a as { eTag: string };
    await storage.write({ a: { value: 2, eTag } });
    await expect(storage.write({ a: { value: 3, eTag } })).rejects.toThrow(/eTag conflict/);
    await storage.write({ a: { value: 4, eTag: '*' } });
    expect((await storage.read(['a'])).a).toMatchObject({ value: 4 });
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
  });

  it('holds at most maxItems, dropping the item written longest ago', async () => {
    const storage = new BoundedMemoryStorage(3);
    for (const key of ['a', 'b', 'c']) await storage.write({ [key]: { key } });
    await storage.write({ a: { key: 'a', again: true } }); // a is now the newest
    await storage.write({ d: { key: 'd' } });
    expect(storage.size).toBe(3);
    expect(Object.keys(await storage.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
  });

  it('never drops the audit history', async () => {
    const storage = new BoundedMemoryStorage(2);
    await storage.write({ 'audit/cas01': { entries: [] } });
    for (const key of ['x', 'y', 'z']) await storage.write({ [key]: {} });
    expect(Object.keys(await storage.read(['audit/cas01', 'x', 'y', 'z'])).sort()).toEqual(['audit/cas01', 'z']);
  });
});
