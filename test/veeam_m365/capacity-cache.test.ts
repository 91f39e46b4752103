// Storage, licence, coverage and proxy data are reused for inventory_ttl (contract section 2), excluded
// collectors ask nothing, and sizes and counts are read whatever type the server sends.
import { CAPACITY_FAMILIES, CAPACITY_PATHS, capacitySeries, requested } from './capacity-helpers';
import { canonical, harness, NOW, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MIN = 60_000;

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  test('a warm collection within inventory_ttl makes no request to these endpoints', async () => {
    h = await harness({ version });
    const cold = await h.collect(NOW);
    const asked = requested(h.sim, CAPACITY_PATHS).length;
    expect(asked).toBeGreaterThanOrEqual(n(version) >= 8 ? 7 : 8);
    const warm = await h.collect(NOW + MIN);
    expect(requested(h.sim, CAPACITY_PATHS)).toHaveLength(asked);
    expect(canonical(capacitySeries(warm.samples))).toEqual(canonical(capacitySeries(cold.samples)));
    // After inventory_ttl (5 minutes) they are read again.
    await h.collect(NOW + 6 * MIN);
    expect(requested(h.sim, CAPACITY_PATHS)).toHaveLength(2 * asked);
  });
});

function n(version: string): number {
  return Number(version.slice(1));
}

test('a cold collection lists the organizations once for the inventory and the tenants of these series', async () => {
  h = await harness({ version: 'v7' });
  await h.collect();
  expect(requested(h.sim, /\/Organizations\?/)).toHaveLength(1);
});

test('excluded collectors make no request and have no series', async () => {
  h = await harness({}, { collectors: ['jobs', 'sessions', 'logs'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(requested(h.sim, CAPACITY_PATHS)).toEqual([]);
  expect(capacitySeries(samples)).toEqual([]);
});

test('one collector selected alone asks only its own endpoints', async () => {
  h = await harness({}, { collectors: ['jobs', 'proxies'] });
  const { samples } = await h.collect();
  expect(requested(h.sim, CAPACITY_PATHS)).toEqual(['/v8/Proxies?offset=0&limit=10000']);
  expect(new Set(capacitySeries(samples).map((s) => s.name.split('_')[1]))).toEqual(new Set(['component']));
});

test.each(['v6', 'v8'])('%s sizes and counts sent as strings read the same as numbers', async (version) => {
  h = await harness({ version });
  const plain = canonical(capacitySeries((await h.collect()).samples));
  await h.close();
  h = await harness({ version, capacityModes: ['string-numbers'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(canonical(capacitySeries(samples))).toEqual(plain);
});

test('negative sizes and counts are left out, never read as 0; states, kinds and coverage stay', async () => {
  h = await harness({ capacityModes: ['negative-numbers'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  const NUMERIC = [
    'backup_repository_capacity_bytes',
    'backup_repository_free_bytes',
    'backup_repository_used_bytes',
    'backup_tenant_used_bytes',
    'backup_license_capacity_units',
    'backup_license_used_units',
    'backup_tenant_license_used_units',
    'backup_component_cpu_ratio',
    'backup_component_memory_ratio',
  ];
  expect(capacitySeries(samples, NUMERIC)).toEqual([]);
  const kept = new Set(capacitySeries(samples).map((s) => s.name));
  expect([...kept].sort()).toEqual(CAPACITY_FAMILIES.filter((f) => !NUMERIC.includes(f)).sort());
});
