// Contract section 2: repositories, licence, coverage and storage are reused for inventory_ttl; a 404 is "no
// such data" kept as long, without detecting the version again; any other failure is asked again next time.
import { harness, NOW, type Harness } from './helpers';
import { value } from '../helpers/samples';

const CAPACITY = /^\/api\/v8\.1\/(repositories|license|overview\/storageUsage|overview\/protectedWorkloads)$/;
const MIN = 60_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('a warm collection within inventory_ttl makes no request to the capacity endpoints', async () => {
  h = await harness({}, { inventoryTtlMs: 5 * MIN });
  const cold = await h.collect(NOW);
  expect(h.sim.hits(CAPACITY)).toBe(4);
  const warm = await h.collect(NOW + 4 * MIN);
  expect(h.sim.hits(CAPACITY)).toBe(4);
  expect(warm.samples.filter((s) => !s.name.startsWith('backup_job_'))).toEqual(
    cold.samples.filter((s) => !s.name.startsWith('backup_job_')),
  );
  await h.collect(NOW + 5 * MIN);
  expect(h.sim.hits(CAPACITY)).toBe(8);
});

test('a 404 is no such data: success, no series, kept for inventory_ttl, no new version detection', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 404, match: /\/api\/v8\.1\/license$/ });
  const first = await h.collect(NOW);
  expect(first.failed).toEqual([]);
  expect(first.samples.some((s) => s.name.startsWith('backup_license_'))).toBe(false);
  const probes = h.sim.hits(/\/system\/about$/);
  h.sim.faults = [];
  const second = await h.collect(NOW + MIN);
  expect(h.sim.hits(/\/license$/)).toBe(1);
  expect(second.samples.some((s) => s.name.startsWith('backup_license_'))).toBe(false);
  expect(h.sim.hits(/\/system\/about$/)).toBe(probes);
  expect(second.info.api_version).toBe('v8.1');
});

test('a failure other than 404 is not kept: the next collection asks again', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 500, match: /\/overview\/storageUsage$/, count: 1 });
  const first = await h.collect(NOW);
  expect(first.failed.map((f) => f.collector)).toEqual(['storage']);
  const second = await h.collect(NOW + MIN);
  expect(second.failed).toEqual([]);
  expect(h.sim.hits(/\/overview\/storageUsage$/)).toBe(2);
  expect(value(second.samples, 'backup_storage_used_bytes', { storage_tier: 'hot' })).toBe(5 * 2 ** 40);
});

test('collectors not selected make no request and report nothing', async () => {
  h = await harness({}, { collectors: ['jobs', 'sessions', 'logs'] });
  const out = await h.collect();
  expect(h.sim.hits(/\/(repositories|license|overview\/.*)$/)).toBe(0);
  expect(out.failed).toEqual([]);
  expect(out.samples.every((s) => s.name.startsWith('backup_job_'))).toBe(true);
});
