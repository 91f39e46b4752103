// The `storage` collector (contract 4.4): bytes per tier from `overview/storageUsage`, sizes far above the
// document's int32, and bad figures left out without losing the others.
import { harness, type Harness } from './helpers';
import { value } from '../helpers/samples';

const TIB = 2 ** 40;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const tier = (samples: Parameters<typeof value>[0], t: string) =>
  value(samples, 'backup_storage_used_bytes', { storage_tier: t });

test('hot, cool and archive usage in bytes, beyond int32; no cold series (the report has none)', async () => {
  h = await harness();
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect([tier(out.samples, 'hot'), tier(out.samples, 'cool'), tier(out.samples, 'archive')]).toEqual([
    5 * TIB,
    1.5 * TIB,
    2 * TIB,
  ]);
  expect(out.samples.filter((s) => s.name === 'backup_storage_used_bytes')).toHaveLength(3);
});

test('negative, non-numeric and missing figures are left out; a numeric string is read; the rest stays', async () => {
  h = await harness();
  const storage = h.sim.data.capacity.storage;
  storage.hotUsage = -1;
  storage.coolUsage = '1024';
  storage.archiveUsage = 'n/a';
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(tier(out.samples, 'hot')).toBeUndefined();
  expect(tier(out.samples, 'cool')).toBe(1024);
  expect(tier(out.samples, 'archive')).toBeUndefined();
  delete storage.coolUsage;
  storage.hotUsage = 2 ** 60; // beyond a safe integer: not a size we can export exactly
  h.caches.inventory.clear();
  const again = await h.collect();
  expect(again.samples.filter((s) => s.name === 'backup_storage_used_bytes')).toEqual([]);
});

test('a body that is not a report fails `storage` only', async () => {
  h = await harness();
  h.sim.data.capacity.storage = [1, 2] as never;
  const out = await h.collect();
  expect(out.failed.map((f) => [f.collector, f.reason])).toEqual([
    ['storage', 'decode: /api/v8.1/overview/storageUsage: expected a storage usage report'],
  ]);
  expect(out.samples.some((s) => s.name === 'backup_repository_status')).toBe(true);
});
