// `GET /policy/vnet` answers one object whether or not a VNet policy was set up (the v8.1 document lists no 404
// and a non-null id). A VNet policy is a job only when it is enabled or ran within lookback.
import { UNCONFIGURED_VNET_ID } from '../../src/simulators/veeam_azure/policies';
import { harness, NOW, seriesOf, statusOf, type Harness } from './helpers';

const H = 3_600_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const jobTypes = (samples: { name: string; labels: Record<string, string> }[]) =>
  new Set(samples.filter((s) => s.name === 'backup_job_status').map((s) => s.labels.job_type));

test('an appliance that never set up a VNet policy has no Vnet job; the rest is collected', async () => {
  h = await harness({ vnetUnconfigured: true });
  const out = await h.collect();
  expect(h.sim.hits(/\/policy\/vnet$/)).toBe(1);
  expect(out.failed).toEqual([]);
  expect(jobTypes(out.samples).has('Vnet')).toBe(false);
  expect(out.samples.some((s) => s.labels.job_id === UNCONFIGURED_VNET_ID)).toBe(false);
  expect(statusOf(out.samples, 'vm-prod')).toBe('success');
});

test('a disabled VNet policy with a run within lookback is a job; without one it is left out', async () => {
  h = await harness();
  const vnet = h.sim.data.policies.find((p) => p.family === 'vnet')!;
  vnet.isEnabled = false;
  const ran = await h.collect();
  expect(statusOf(ran.samples, 'vnet-config')).toBe('success');
  // Its only run moves out of the lookback window (8 h ago now; lookback is 7 days).
  const quiet = await h.collect(NOW + 7 * 24 * H);
  expect(seriesOf(quiet.samples, 'vnet-config')).toEqual([]);
});

test('an enabled VNet policy without runs is a job in state none', async () => {
  h = await harness();
  const vnet = h.sim.data.policies.find((p) => p.family === 'vnet')!;
  h.sim.data.sessions = h.sim.data.sessions.filter((s) => s.policyId !== vnet.id);
  const out = await h.collect();
  expect(statusOf(out.samples, 'vnet-config')).toBe('none');
});

test('sessions failing: a disabled VNet policy is left out, an enabled one keeps its policy facts', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 500, match: /\/jobSessions$/ });
  const enabled = await h.collect();
  expect(seriesOf(enabled.samples, 'vnet-config').map((s) => s.name)).toContain('backup_job_enabled');
  h.sim.data.policies.find((p) => p.family === 'vnet')!.isEnabled = false;
  h.caches.inventory.clear();
  const disabled = await h.collect();
  expect(disabled.failed.map((f) => f.collector)).toEqual(['sessions', 'logs']);
  expect(seriesOf(disabled.samples, 'vnet-config')).toEqual([]);
});
