// The `repositories` collector (contract 4.4) against the simulator, per API version, and its odd answers.
import { GIB, repo, requested } from './capacity-helpers';
import { harness, value, type Harness } from './helpers';
import { stateIn } from '../helpers/samples';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const R = (name: string) => ({ repository_name: name });
const state = (samples: Parameters<typeof stateIn>[0], name: string) =>
  stateIn(samples, 'backup_repository_status', R(name), 'state');

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  const n = Number(version.slice(1));

  test('figures: a JET repository from its volume, an object-storage one from its object storage', async () => {
    h = await harness({ version });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const jet = repo(h.sim, 'Local - Exchange');
    expect(value(samples, 'backup_repository_capacity_bytes', R(jet.name))).toBe(jet.capacityBytes);
    expect(value(samples, 'backup_repository_free_bytes', R(jet.name))).toBe(jet.freeBytes);
    expect(value(samples, 'backup_repository_used_bytes', R(jet.name))).toBeUndefined();
    // The size limit in binary GB; the top-level figures (its local cache volume) are never used.
    const s3 = repo(h.sim, 'S3 - Long Term');
    expect(value(samples, 'backup_repository_capacity_bytes', R(s3.name))).toBe(10_240 * GIB);
    expect(value(samples, 'backup_repository_used_bytes', R(s3.name))).toBe(s3.storage!.usedBytes);
    expect(value(samples, 'backup_repository_free_bytes', R(s3.name))).toBe(10_240 * GIB - s3.storage!.usedBytes);
    // Without a size limit: no capacity and no free space, only the used space.
    const blob = repo(h.sim, 'Azure Blob - Unlimited');
    expect(value(samples, 'backup_repository_capacity_bytes', R(blob.name))).toBeUndefined();
    expect(value(samples, 'backup_repository_free_bytes', R(blob.name))).toBeUndefined();
    expect(value(samples, 'backup_repository_used_bytes', R(blob.name))).toBe(blob.storage!.usedBytes);
    expect(requested(h.sim, /objectstoragerepositories/)).toHaveLength(n >= 8 ? 0 : 1);
  });

  test('state and kind: Invalid (v8) is failed, out of sync is warning; immutability where the version says', async () => {
    h = await harness({ version });
    const { samples } = await h.collect();
    expect(state(samples, 'Local - Remote Office')).toBe(n >= 8 ? 'failed' : 'ok');
    expect(state(samples, 'S3 - Long Term')).toBe('warning');
    expect(state(samples, 'Local - Exchange')).toBe('ok');
    const info = (name: string) =>
      samples.find((s) => s.name === 'backup_repository_info' && s.labels.repository_name === name);
    expect(info('Local - Exchange')?.labels).toMatchObject({ repository_type: 'local' });
    expect(info('Local - Exchange')?.labels.immutable).toBeUndefined();
    expect(info('S3 - Long Term')?.labels.repository_type).toBe('object_storage');
    // v6 has no immutability field at all; v7 on the object-storage item; v8 on `objectStorage`.
    expect(info('S3 - Long Term')?.labels.immutable).toBe(n >= 7 ? 'true' : undefined);
    expect(info('Azure Blob - Unlimited')?.labels.immutable).toBe(n >= 7 ? 'false' : undefined);
    if (n >= 8) expect(h.logs()).toContain('The repository folder is not accessible.');
  });

  test("each tenant's use per repository adds up to the repository's used space", async () => {
    h = await harness({ version });
    const { samples } = await h.collect();
    const s3 = repo(h.sim, 'S3 - Long Term');
    let s3Sum = 0;
    for (const u of h.sim.capacity.usage) {
      const tenant = h.sim.data.orgs.find((o) => o.id === u.orgId)!.name;
      const got = value(samples, 'backup_tenant_used_bytes', { tenant, repository_id: u.repoId });
      expect(got).toBe(u.usedBytes);
      if (u.repoId === s3.id) s3Sum += got!;
    }
    expect(s3Sum).toBe(value(samples, 'backup_repository_used_bytes', R(s3.name)));
    expect(samples.filter((s) => s.name === 'backup_tenant_used_bytes')).toHaveLength(h.sim.capacity.usage.length);
  });
});

describe.each(['v6', 'v7'])('%s usage items without a link to their repository', (version) => {
  test('each tenant gets one sum without repository_id', async () => {
    h = await harness({ version, capacityModes: ['no-usage-links'] });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const usage = samples.filter((s) => s.name === 'backup_tenant_used_bytes');
    expect(usage.map((s) => s.labels.repository_id)).toEqual([undefined, undefined]);
    for (const org of h.sim.data.orgs) {
      const sum = h.sim.capacity.usage.filter((u) => u.orgId === org.id).reduce((a, u) => a + u.usedBytes, 0);
      expect(value(samples, 'backup_tenant_used_bytes', { tenant: org.name })).toBe(sum);
    }
  });
});

describe('odd answers and failures', () => {
  test('capacity 0 is no measured volume: capacity and free space left out, state and kind kept', async () => {
    h = await harness({ capacityModes: ['zero-capacity'] });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(value(samples, 'backup_repository_capacity_bytes', R('Local - Exchange'))).toBeUndefined();
    expect(value(samples, 'backup_repository_free_bytes', R('Local - Exchange'))).toBeUndefined();
    expect(state(samples, 'Local - Exchange')).toBe('ok');
    expect(value(samples, 'backup_repository_info', R('Local - Exchange'))).toBe(1);
  });

  test('v8 objectStorage: null on a JET repository is a local repository', async () => {
    h = await harness({ capacityModes: ['null-object-storage'] });
    const { samples } = await h.collect();
    const info = samples.find(
      (s) => s.name === 'backup_repository_info' && s.labels.repository_name === 'Local - Exchange',
    );
    expect(info?.labels.repository_type).toBe('local');
    expect(value(samples, 'backup_repository_capacity_bytes', R('Local - Exchange'))).toBe(2048 * GIB);
  });

  test('v7 object storages failing: only their figures are left out, the collector fails with the reason', async () => {
    h = await harness({ version: 'v7' });
    h.sim.faults = [{ kind: 'status', status: 500, match: /objectstoragerepositories/ }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, f.reason])).toEqual([
      ['repositories', expect.stringMatching(/^http: object storage repositories: .*500/)],
    ]);
    expect(value(samples, 'backup_repository_capacity_bytes', R('S3 - Long Term'))).toBeUndefined();
    expect(value(samples, 'backup_repository_used_bytes', R('S3 - Long Term'))).toBeUndefined();
    expect(state(samples, 'S3 - Long Term')).toBe('warning');
    expect(value(samples, 'backup_repository_capacity_bytes', R('Local - Exchange'))).toBeDefined();
    expect(samples.filter((s) => s.name === 'backup_tenant_used_bytes')).toHaveLength(h.sim.capacity.usage.length);
  });

  test("one organization's usage failing leaves out that tenant only", async () => {
    h = await harness();
    const [contoso, fabrikam] = h.sim.data.orgs;
    h.sim.faults = [{ kind: 'status', status: 500, match: new RegExp(`${contoso!.id}/usedRepositories`) }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.reason)).toEqual([expect.stringContaining(`organization ${contoso!.name}`)]);
    const tenants = new Set(samples.filter((s) => s.name === 'backup_tenant_used_bytes').map((s) => s.labels.tenant));
    expect([...tenants]).toEqual([fabrikam!.name]);
    expect(samples.filter((s) => s.name === 'backup_repository_info')).toHaveLength(4);
  });
});
