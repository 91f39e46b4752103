// The `license` collector (contract 4.5) against the simulator, per API version, and its odd answers.
import { CAPACITY_FAMILIES, capacitySeries, requested } from './capacity-helpers';
import { canonical, harness, NOW, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const DAY = 86_400;
const LICENSE_FAMILIES = CAPACITY_FAMILIES.filter((f) => f.includes('license'));

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  const n = Number(version.slice(1));

  test('expiry (v6 expirationDate, v7+ licenseExpires), grace period (v7+), units and type', async () => {
    h = await harness({ version });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const lic = h.sim.capacity.license;
    // The server's .NET times carry no sub-millisecond ticks here: whole seconds.
    expect(value(samples, 'backup_license_expiry_timestamp_seconds', {})).toBe(lic.expires / 1000);
    expect(value(samples, 'backup_license_expiry_timestamp_seconds', {})! - NOW / 1000).toBeLessThan(30 * DAY);
    expect(value(samples, 'backup_license_grace_expiry_timestamp_seconds', {})).toBe(
      n >= 7 ? lic.graceExpires / 1000 : undefined,
    );
    expect(value(samples, 'backup_license_capacity_units', {})).toBe(lic.total);
    const used = [...h.sim.capacity.licensing.values()].reduce((a, l) => a + l.licensed, 0);
    expect(value(samples, 'backup_license_used_units', {})).toBe(used);
    expect(samples.find((s) => s.name === 'backup_license_info')?.labels).toEqual({
      license_type: 'subscription',
      vendor_status: 'Valid',
    });
  });

  test("each tenant's licence use is its organization's LicensingInformation", async () => {
    h = await harness({ version });
    const { samples } = await h.collect();
    for (const org of h.sim.data.orgs) {
      const l = h.sim.capacity.licensing.get(org.id)!;
      expect(value(samples, 'backup_tenant_license_used_units', { tenant: org.name })).toBe(l.licensed);
    }
  });
});

describe('licence data refused', () => {
  test('403 on licence data: license fails with the reason, everything else is intact', async () => {
    h = await harness({ version: 'v7' });
    const plain = await h.collect();
    await h.close();
    h = await harness({ version: 'v7', capacityModes: ['license-forbidden'] });
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, f.error.kind, f.error.details.status])).toEqual([['license', 'auth', 403]]);
    expect(failed[0]!.reason).toMatch(/^auth: licence: GET \/v7\/License: HTTP 403 .*\(and 2 more items\)$/);
    expect(capacitySeries(samples, LICENSE_FAMILIES)).toEqual([]);
    const others = (s: typeof samples) => canonical(s.filter((x) => !LICENSE_FAMILIES.includes(x.name)));
    expect(others(samples)).toEqual(others(plain.samples));
  });
});

describe('odd answers', () => {
  test('a licence without expiry: no expiry and no grace series, the rest kept', async () => {
    h = await harness({ version: 'v8', capacityModes: ['no-expiry'] });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(value(samples, 'backup_license_expiry_timestamp_seconds', {})).toBeUndefined();
    expect(value(samples, 'backup_license_grace_expiry_timestamp_seconds', {})).toBeUndefined();
    expect(value(samples, 'backup_license_capacity_units', {})).toBe(h.sim.capacity.license.total);
  });

  test.each(['v6', 'v8'])('%s missing fields: only what the server sends, no invented value', async (version) => {
    h = await harness({ version, capacityModes: ['missing-fields'] });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const lic = capacitySeries(
      samples,
      LICENSE_FAMILIES.filter((f) => f !== 'backup_tenant_license_used_units'),
    );
    const grace = version === 'v8' ? ['backup_license_grace_expiry_timestamp_seconds'] : [];
    expect(lic.map((s) => s.name)).toEqual(grace);
    const [odd, other] = h.sim.data.orgs;
    expect(value(samples, 'backup_tenant_license_used_units', { tenant: odd!.name })).toBeUndefined();
    expect(value(samples, 'backup_tenant_license_used_units', { tenant: other!.name })).toBeDefined();
  });

  test('a licence of 0 units has no capacity (licences without a unit count)', async () => {
    h = await harness({ version: 'v8' });
    h.sim.capacity.license.total = 0;
    const { samples } = await h.collect();
    expect(value(samples, 'backup_license_capacity_units', {})).toBeUndefined();
    expect(value(samples, 'backup_license_used_units', {})).toBeDefined();
  });

  test('/License answering 404 (no such data): success, no licence series, not asked again within inventory_ttl', async () => {
    h = await harness({ version: 'v8' });
    h.sim.faults = [{ kind: 'status', status: 404, match: /\/License$/ }];
    const first = await h.collect();
    expect(first.failed).toEqual([]);
    expect(value(first.samples, 'backup_license_info', {})).toBeUndefined();
    expect(first.samples.filter((s) => s.name === 'backup_tenant_license_used_units')).toHaveLength(2);
    h.sim.faults = [];
    const second = await h.collect(NOW + 60_000);
    expect(value(second.samples, 'backup_license_info', {})).toBeUndefined();
    expect(requested(h.sim, /\/License$/)).toHaveLength(1);
    // After inventory_ttl the licence is read again.
    const third = await h.collect(NOW + 6 * 60_000);
    expect(value(third.samples, 'backup_license_info', {})).toBe(1);
  });
});
