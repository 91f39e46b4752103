// API versions: detection order, a configured version (no probing), the v1 shape, and detection again after a
// versioned call answers 404.
import { harness, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const aboutProbes = (x: Harness) =>
  x.sim.requests.filter((r) => /\/system\/about$/.test(r.path)).map((r) => r.path.split('/')[2]);

test('v1 appliance: probes v8.1 down to v1 after logging in, first 200 wins', async () => {
  h = await harness({ version: 'v1' });
  const out = await h.collect();
  expect(out.info).toEqual({ api_version: 'v1', server_version: '1.0.0.357' });
  expect(h.sim.requests[0]!.path).toBe('/api/oauth2/token');
  expect(aboutProbes(h).slice(0, 9)).toEqual(['v8.1', 'v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1']);
  expect(h.sim.grants.Password).toBe(1);
});

test('v1 shape: VM policies from /policies, numeric session ids, durations in milliseconds, AutoBackup ignored', async () => {
  h = await harness({ version: 'v1' });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  const jobs = out.samples
    .filter((s) => s.name === 'backup_job_status' && s.value === 1)
    .map((s) => `${s.labels.job_name}:${s.labels.job_type}`)
    .sort();
  expect(jobs).toEqual([
    'vm-dev:VirtualMachines',
    'vm-new:VirtualMachines',
    'vm-prod:VirtualMachines',
    'vm-retired:VirtualMachines',
  ]);
  expect(h.sim.hits(/^\/api\/v1\/policies\/virtualMachines$/)).toBe(1);
  expect(h.sim.hits(/^\/api\/v1\/policies$/)).toBe(1);
  // The newest vm-prod session is an AutoBackup in Error: not a policy run type of the contract.
  expect(statusOf(out.samples, 'vm-prod')).toBe('success');
  expect(value(out.samples, 'backup_job_last_run_duration_seconds', { job_name: 'vm-prod' })).toBe(93_784.5);
  expect(value(out.samples, 'backup_job_last_run_duration_seconds', { job_name: 'vm-dev' })).toBe(900.123);
  expect(value(out.samples, 'backup_job_last_run_warnings', { job_name: 'vm-dev' })).toBe(2);
  expect(h.sim.requests.some((r) => /^\/api\/v1\/jobSessions\/\d+\/log$/.test(r.path))).toBe(true);
});

test('a configured api_version is used without probing', async () => {
  h = await harness({ version: 'v8.1' }, { apiVersion: 'v8.1' });
  const out = await h.collect();
  expect(out.info.api_version).toBe('v8.1');
  expect(aboutProbes(h)).toEqual(['v8.1']); // the serverVersion read, not a probe loop
  expect(out.info.server_version).toBe('8.1.0.16');
});

test('the detected version is kept, and detected again after a versioned call answers 404', async () => {
  h = await harness({ version: 'v8.1' }, { inventoryTtlMs: 0 });
  expect((await h.collect()).info.api_version).toBe('v8.1');
  await h.collect();
  expect(aboutProbes(h).filter((v) => v === 'v8')).toHaveLength(0);
  h.sim.version = 'v8'; // upgrade/downgrade of the appliance
  await expect(h.collect()).rejects.toMatchObject({ name: 'UpstreamError', details: { status: 404 } });
  const again = await h.collect();
  expect(again.info).toEqual({ api_version: 'v8', server_version: '8.0.0.54' });
  expect(again.failed).toEqual([]);
});

test('no version answering system/about fails the target', async () => {
  h = await harness({ version: 'v9' });
  await expect(h.collect()).rejects.toThrow(/no API version/);
});

test('a configured version the appliance does not serve fails the target', async () => {
  h = await harness({ version: 'v8.1' }, { apiVersion: 'v7' });
  await expect(h.collect()).rejects.toMatchObject({ details: { status: 404 } });
});
