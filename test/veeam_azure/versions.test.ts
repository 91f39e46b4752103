// API versions: detection order, a configured version (no probing), the v1 shape, and detection again after
// every policy list answers 404 (contract section 2).
import { harness, NOW, statusOf, value, type Harness } from './helpers';

const MIN = 60_000;

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

test('the detected version is kept, and detected again 5 minutes after every policy list answered 404', async () => {
  h = await harness({ version: 'v8.1' }, { inventoryTtlMs: 0 });
  expect((await h.collect()).info.api_version).toBe('v8.1');
  await h.collect();
  expect(aboutProbes(h).filter((v) => v === 'v8')).toHaveLength(0);
  h.sim.version = 'v8'; // upgrade/downgrade of the appliance
  await expect(h.collect()).rejects.toMatchObject({ name: 'UpstreamError', details: { status: 404 } });
  // Never more often than every 5 minutes (and at most once per inventory_ttl): still the old version now.
  await expect(h.collect(NOW + 4 * MIN)).rejects.toMatchObject({ details: { status: 404 } });
  expect(aboutProbes(h).filter((v) => v === 'v8')).toHaveLength(0);
  const again = await h.collect(NOW + 5 * MIN);
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

test('a 404 from anything but the policy lists never makes a collection detect again', async () => {
  h = await harness({ version: 'v8.1' });
  await h.collect(NOW);
  const probes = aboutProbes(h).length;
  // The policies are still cached: only the session list answers 404 once the appliance stops serving v8.1.
  h.sim.version = 'v8';
  const during = await h.collect(NOW + MIN);
  expect(during.failed.map((f) => f.collector)).toEqual(['sessions', 'logs']);
  const later = await h.collect(NOW + 2 * MIN);
  expect(later.info.api_version).toBe('v8.1');
  expect(aboutProbes(h)).toHaveLength(probes); // serverVersion is cached too: no request to system/about
});

// Depending on its API-versioning layer, an appliance answers a version it does not serve with 400 (a
// ProblemDetails400 "unsupported version") or, behind some gateways, 403: the simulator's `unservedStatus` mode.
test.each([400, 403] as const)(
  'a v8 appliance answering %d for v8.1: the next lower version is tried',
  async (status) => {
    h = await harness({ version: 'v8', unservedStatus: status });
    const out = await h.collect();
    expect(out.info).toEqual({ api_version: 'v8', server_version: '8.0.0.54' });
    expect(aboutProbes(h).slice(0, 2)).toEqual(['v8.1', 'v8']);
    expect(h.sim.requests.filter((r) => /^\/api\/v8\.1\//.test(r.path))).toHaveLength(1);
    expect(out.failed).toEqual([]);
  },
);

test('system/about answering 500 during detection fails the target', async () => {
  h = await harness({ version: 'v8.1' });
  h.sim.faults.push({ kind: 'status', status: 500, match: /^\/api\/v8\.1\/system\/about$/ });
  await expect(h.collect()).rejects.toMatchObject({ kind: 'http', details: { status: 500 } });
  expect(aboutProbes(h)).toEqual(['v8.1']);
});

test('v1: the licence in its v1 shape; repositories and overview reports answer 404: no series, collectors succeed', async () => {
  h = await harness({ version: 'v1' });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  const names = new Set(out.samples.map((s) => s.name));
  for (const absent of ['backup_repository_status', 'backup_repository_info', 'backup_storage_used_bytes'])
    expect(names.has(absent as never)).toBe(false);
  expect(names.has('backup_objects')).toBe(false);
  // v1 names the used units `instancesUses` (an integer) and sends the expiry without an offset (UTC).
  expect(value(out.samples, 'backup_license_used_units', {})).toBe(43);
  expect(value(out.samples, 'backup_license_expiry_timestamp_seconds', {})).toBe(NOW / 1000 + 20 * 86_400);
  expect(h.sim.hits(/^\/api\/v1\/(repositories|overview\/storageUsage|overview\/protectedWorkloads)$/)).toBe(3);
});
