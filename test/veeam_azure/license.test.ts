// The `license` collector (contract 4.5): expiry, units and type; metered and VBR-managed licences without
// units or expiry; a read-only account answered 403; bad figures left out.
import { harness, NOW, type Harness } from './helpers';
import { value } from '../helpers/samples';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const licence = (samples: Parameters<typeof value>[0]) => ({
  expiry: value(samples, 'backup_license_expiry_timestamp_seconds', {}),
  capacity: value(samples, 'backup_license_capacity_units', {}),
  used: value(samples, 'backup_license_used_units', {}),
  type: samples.find((s) => s.name === 'backup_license_info')?.labels,
});

test('a subscription near expiry: expiry, units (a double), snake_case type, no vendor_status or grace', async () => {
  h = await harness();
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(licence(out.samples)).toEqual({
    expiry: NOW / 1000 + 20 * 86_400,
    capacity: 50,
    used: 42.5,
    type: { license_type: 'subscription' },
  });
  expect(out.samples.some((s) => s.name === 'backup_license_grace_expiry_timestamp_seconds')).toBe(false);
});

test.each([
  ['metered', 'metered_billing'],
  ['external', 'external_vbr'],
] as const)('a %s licence has no units and no expiry: both left out, never 0', async (mode, type) => {
  h = await harness({ license: mode });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(licence(out.samples)).toEqual({
    expiry: undefined,
    capacity: undefined,
    used: 42.5,
    type: { license_type: type },
  });
});

test('a 403 (an account that may not read the licence) fails `license` only, and is asked again next time', async () => {
  h = await harness({ forbidden: ['/license'] });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector)).toEqual(['license']);
  expect(out.failed[0]!.reason).toMatch(/^auth: .*403/);
  expect(out.samples.some((s) => s.name.startsWith('backup_license_'))).toBe(false);
  expect(out.samples.some((s) => s.name === 'backup_job_status')).toBe(true);
  expect(out.samples.some((s) => s.name === 'backup_objects')).toBe(true);
  h.sim.forbidden.clear();
  const later = await h.collect();
  expect(later.failed).toEqual([]);
  expect(h.sim.hits(/\/license$/)).toBe(2);
  expect(licence(later.samples).capacity).toBe(50);
});

test('bad figures are left out one by one: no expiry, negative or text units, no type', async () => {
  h = await harness();
  const l = h.sim.data.capacity.license;
  delete l.licenseExpires;
  l.instances = -5;
  l.totalInstancesUses = 'many';
  delete l.licenseType;
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(out.samples.filter((s) => s.name.startsWith('backup_license_'))).toEqual([]);
  l.licenseExpires = 'next year';
  l.instances = '20';
  l.totalInstancesUses = null;
  l.instancesUses = 7; // the v1/v2 name, read only when totalInstancesUses is absent
  h.caches.inventory.clear();
  const again = await h.collect();
  expect(licence(again.samples)).toEqual({ expiry: undefined, capacity: 20, used: 7, type: undefined });
});

test('a body that is not an object fails `license` with a reason naming the endpoint', async () => {
  h = await harness();
  h.sim.data.capacity.license = 'Subscription' as never;
  const out = await h.collect();
  expect(out.failed.map((f) => f.reason)).toEqual(['decode: /api/v8.1/license: expected a licence object']);
});
