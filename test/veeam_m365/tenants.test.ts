// `tenant` is the organization's name (contract 4.2, 4.4 to 4.6): organizations sharing a name are one tenant,
// whose series are sums, never duplicates, and never partial sums.
import { harness, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function twins(): Promise<Harness> {
  const t = await harness({ version: 'v7' });
  t.sim.data.orgs[1]!.name = t.sim.data.orgs[0]!.name;
  return t;
}

test('two organizations with one name: summed usage, licence use and coverage, each series once', async () => {
  h = await twins();
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  const tenant = h.sim.data.orgs[0]!.name;
  const keys = samples.map((s) => `${s.name}${JSON.stringify(s.labels)}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const repoId of new Set(h.sim.capacity.usage.map((u) => u.repoId))) {
    const sum = h.sim.capacity.usage.filter((u) => u.repoId === repoId).reduce((a, u) => a + u.usedBytes, 0);
    expect(value(samples, 'backup_tenant_used_bytes', { tenant, repository_id: repoId })).toBe(sum);
  }
  const licensed = [...h.sim.capacity.licensing.values()].reduce((a, l) => a + l.licensed, 0);
  expect(value(samples, 'backup_tenant_license_used_units', { tenant })).toBe(licensed);
  let users = 0;
  for (const s of samples) if (s.name === 'backup_objects' && s.labels.tenant === tenant) users += s.value;
  expect(users).toBe(h.sim.capacity.userCount);
});

test('one of them failing leaves the tenant out rather than half of it', async () => {
  h = await twins();
  const second = h.sim.data.orgs[1]!.id;
  h.sim.faults = [
    { kind: 'status', status: 500, match: new RegExp(`${second}/(usedRepositories|LicensingInformation)`) },
  ];
  const { samples, failed } = await h.collect();
  expect(failed.map((f) => f.collector)).toEqual(['repositories', 'license']);
  expect(samples.some((s) => s.name === 'backup_tenant_used_bytes')).toBe(false);
  expect(samples.some((s) => s.name === 'backup_tenant_license_used_units')).toBe(false);
  expect(value(samples, 'backup_license_info', {})).toBe(1);
});
