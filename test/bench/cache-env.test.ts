// The naive mode's switch: BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES=0 makes the immutable LRU keep nothing.
import { IMMUTABLE_ENTRIES, LruCache, createCaches, immutableEntriesFromEnv } from '../../src/core/cache';

describe('BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES', () => {
  it('is read as a non-negative integer, anything else ignored', () => {
    expect(immutableEntriesFromEnv({ BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: '0' })).toBe(0);
    expect(immutableEntriesFromEnv({ BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: ' 500 ' })).toBe(500);
    expect(immutableEntriesFromEnv({})).toBeUndefined();
    expect(immutableEntriesFromEnv({ BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: '-1' })).toBeUndefined();
    expect(immutableEntriesFromEnv({ BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: 'lots' })).toBeUndefined();
  });

  it('a size of 0 keeps nothing', () => {
    const lru = new LruCache(undefined, 0);
    lru.set('k', 1);
    expect(lru.get('k')).toBeUndefined();
    expect(lru.size).toBe(0);
  });

  it('applies to caches created while it is set, and the default stays when unset', () => {
    const saved = process.env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES;
    try {
      process.env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES = '0';
      expect(createCaches(undefined, 1000).immutable.maxEntries).toBe(0);
      delete process.env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES;
      expect(createCaches(undefined, 1000).immutable.maxEntries).toBe(IMMUTABLE_ENTRIES);
      expect(createCaches(undefined, 1000, 5).immutable.maxEntries).toBe(5);
    } finally {
      if (saved === undefined) delete process.env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES;
      else process.env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES = saved;
    }
  });
});

test('the default bound keeps every finished item of a large estate walked in the same order each collection', () => {
  // 4,800 AhsayCBS users with 7 finished days each: a bound below this made every lookup a miss.
  const lru = new LruCache(undefined);
  const keys = Array.from({ length: 4_800 * 7 }, (_, i) => `day-${i}`);
  for (const k of keys) lru.set(k, k);
  expect(keys.filter((k) => lru.get(k) === undefined)).toEqual([]);
});
