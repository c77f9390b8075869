import { describe, expect, it } from 'vitest';
import { StorageFullError, StorageUnavailableError } from '../../src/storage';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import { FaultyBackend } from '../helpers/faultyBackend';
import { ManualClock, describeStoreContract } from '../helpers/storeContract';

describeStoreContract(
  'memory',
  (clock) => new Store(new MemoryBackend({ now: clock.now }), { timeoutMs: 500, now: clock.now }),
);

function faulty(timeoutMs = 200): { store: Store; backend: FaultyBackend; memory: MemoryBackend } {
  const clock = new ManualClock();
  const memory = new MemoryBackend({ now: clock.now });
  const backend = new FaultyBackend(memory);
  return { store: new Store(backend, { timeoutMs, now: clock.now }), backend, memory };
}

describe("a write whose answer was lost is still the writer's", () => {
  it('create: applied but unanswered counts as created, not as "someone else was first"', async () => {
    const { store, backend } = faulty();
    backend.inject('putIfAbsent', 'lostAnswer');
    expect(await store.create('deliveries/a', { at: 1 })).toMatchObject({ created: true });
    expect(await store.create('deliveries/a', { at: 2 })).toEqual({ created: false });
  });

  it("replace: a claim applied but unanswered is the claimant's win, and a second claimant still loses", async () => {
    const { store, backend } = faulty();
    await store.create('confirmations/c', { state: 'pending' });
    const pending = await store.read('confirmations/c');
    backend.inject('putIfMatch', 'lostAnswer');
    expect(await store.replace('confirmations/c', { state: 'claimed', by: 'first' }, pending!.eTag)).toMatchObject({
      replaced: true,
    });
    expect(await store.replace('confirmations/c', { state: 'claimed', by: 'second' }, pending!.eTag)).toEqual({
      replaced: false,
      reason: 'conflict',
    });
    expect((await store.read('confirmations/c'))?.value).toEqual({ state: 'claimed', by: 'first' });
  });

  it('a write that failed without being applied is "unavailable", never "someone else was first"', async () => {
    const { store, backend } = faulty();
    backend.inject('putIfAbsent', 'outage');
    await expect(store.create('deliveries/b', {})).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await store.read('deliveries/b')).toBeNull();
  });
});

describe('every storage call has a deadline', () => {
  it('a storage endpoint that never answers fails the call after STORAGE_TIMEOUT_MS, with nothing changed', async () => {
    const { store, backend } = faulty(100);
    backend.inject('putIfAbsent', 'hang');
    const started = Date.now();
    await expect(store.create('deliveries/c', {})).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    backend.inject('get', 'hang');
    await expect(store.read('deliveries/c')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('memory storage under pressure', () => {
  it("5,100 unrelated records (a busy group chat's redeliveries) never evict a pending confirmation, and a stale version never recreates it", async () => {
    const clock = new ManualClock();
    const store = new Store(new MemoryBackend({ now: clock.now }), { timeoutMs: 200, now: clock.now });
    await store.create('confirmations/c1', { state: 'pending' });
    const pending = await store.read('confirmations/c1');
    for (let n = 0; n < 5_100; n += 1)
      await store.create(`deliveries/msteams/group/${n}`, { at: n }, { ttlMs: 3_600_000 });
    expect((await store.read('confirmations/c1'))?.value).toEqual({ state: 'pending' });
    expect(await store.replace('confirmations/c1', { state: 'claimed' }, pending!.eTag)).toMatchObject({
      replaced: true,
    });
    expect(await store.replace('confirmations/c1', { state: 'claimed' }, pending!.eTag)).toEqual({
      replaced: false,
      reason: 'conflict',
    });
  });

  it('never evicts live records; refuses new ones when full; expired ones make room', async () => {
    const clock = new ManualClock();
    const memory = new MemoryBackend({ maxItems: 3, now: clock.now });
    const store = new Store(memory, { timeoutMs: 200, now: clock.now });
    await store.create('confirmations/pending', { state: 'pending' });
    await store.create('deliveries/1', {}, { ttlMs: 1_000 });
    await store.create('deliveries/2', {}, { ttlMs: 1_000 });
    await expect(store.create('deliveries/3', {})).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.read('confirmations/pending'))?.value).toEqual({ state: 'pending' });
    const pending = await store.read('confirmations/pending');
    expect(await store.replace('confirmations/pending', { state: 'claimed' }, pending!.eTag)).toMatchObject({
      replaced: true,
    });
    clock.advance(1_001);
    expect(await store.create('deliveries/3', {})).toMatchObject({ created: true });
    expect(memory.size).toBe(2);
  });
});
