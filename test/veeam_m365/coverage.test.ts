// The `coverage` collector (contract 4.6) against the simulator: counts only, every page, per API version.
import { expectedCoverage, requested } from './capacity-helpers';
import { harness, type value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const objects = (samples: Parameters<typeof value>[0], tenant: string | undefined, protection: string) =>
  samples.find((s) => s.name === 'backup_objects' && s.labels.tenant === tenant && s.labels.protection === protection)
    ?.value;

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  test('licensed users per tenant, protected or not, over every page', async () => {
    h = await harness({ version, maxLimit: 1000 });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const expected = expectedCoverage(h.sim);
    for (const [tenant, c] of expected) {
      expect([tenant, objects(samples, tenant, 'protected'), objects(samples, tenant, 'unprotected')]).toEqual([
        tenant,
        c.protected,
        c.unprotected,
      ]);
      expect(c.unprotected).toBeGreaterThan(0);
    }
    // 2,400 users in pages of at most 1,000: three pages, asked for at the largest size the API documents.
    expect(requested(h.sim, /LicensedUsers/)).toEqual([
      `/${version}/LicensedUsers?offset=0&limit=10000`,
      `/${version}/LicensedUsers?offset=1000&limit=10000`,
      `/${version}/LicensedUsers?offset=2000&limit=10000`,
    ]);
    // Counts only: one series per tenant and protection, never one per user.
    expect(samples.filter((s) => s.name === 'backup_objects')).toHaveLength(2 * expected.size);
  });
});

test('20,000 licensed users: pages of 10,000, counted', async () => {
  h = await harness({ scale: { licensedUsers: 20_000 } });
  const { samples } = await h.collect();
  // Two full pages; the client's paging follows a full page once more (an empty one) when no `next` is linked.
  expect(requested(h.sim, /LicensedUsers/)).toHaveLength(3);
  let total = 0;
  for (const s of samples) if (s.name === 'backup_objects') total += s.value;
  expect(total).toBe(20_000);
});

test('every organization of the inventory is counted, with 0 when no user names it', async () => {
  h = await harness({ scale: { orgs: 3, licensedUsers: 2 } });
  const { samples } = await h.collect();
  const third = h.sim.data.orgs[2]!.name;
  expect([objects(samples, third, 'protected'), objects(samples, third, 'unprotected')]).toEqual([0, 0]);
});

test('users without organizationId are counted under organizationName, an unknown organization too', async () => {
  h = await harness({ capacityModes: ['users-without-org-id'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  // Every 20th user names a former organization the inventory does not list; every other 10th only a known name.
  const former = Math.ceil(h.sim.capacity.userCount / 20);
  const formerProtected = objects(samples, 'former-tenant.onmicrosoft.com', 'protected')!;
  expect(formerProtected + objects(samples, 'former-tenant.onmicrosoft.com', 'unprotected')!).toBe(former);
  let total = 0;
  for (const s of samples) if (s.name === 'backup_objects') total += s.value;
  expect(total).toBe(h.sim.capacity.userCount);
});

test('users whose isBackedUp is missing are neither protected nor unprotected', async () => {
  h = await harness({ capacityModes: ['missing-fields'] });
  const { samples } = await h.collect();
  let total = 0;
  for (const s of samples) if (s.name === 'backup_objects') total += s.value;
  // The simulator leaves isBackedUp out of every tenth user (index 1, 11, 21, …).
  expect(total).toBe(h.sim.capacity.userCount - h.sim.capacity.userCount / 10);
  expect(h.logs()).toContain('licensed users without a readable isBackedUp are not counted');
});

test('LicensedUsers failing: coverage fails, is asked again next collection, and nothing else changes', async () => {
  h = await harness();
  h.sim.faults = [{ kind: 'html', match: /LicensedUsers/, count: 1 }];
  const first = await h.collect();
  expect(first.failed.map((f) => [f.collector, f.error.kind])).toEqual([['coverage', 'decode']]);
  expect(first.samples.some((s) => s.name === 'backup_objects')).toBe(false);
  expect(first.samples.some((s) => s.name === 'backup_license_info')).toBe(true);
  const second = await h.collect();
  expect(second.failed).toEqual([]);
  expect(second.samples.some((s) => s.name === 'backup_objects')).toBe(true);
  expect(requested(h.sim, /LicensedUsers/)).toHaveLength(2);
});
