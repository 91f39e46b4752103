// The demo appliance (v8.1, detected) over HTTPS: every status mapping, durations, noise sessions ignored.
import { harness, NOW, seriesOf, statusOf, value, type Harness } from './helpers';
import type { CollectOutput } from '../helpers/session';

const H = 3600;
const now = NOW / 1000;
let h: Harness;
let out: CollectOutput;

beforeAll(async () => {
  h = await harness();
  out = await h.collect();
});
afterAll(() => h.close());

test('detects v8.1 and reports system/about serverVersion', () => {
  expect(out.info).toEqual({ api_version: 'v8.1', server_version: '8.1.0.16' });
  expect(out.failed).toEqual([]);
  expect(h.sim.hits(/^\/api\/v8\.1\/system\/about$/)).toBeGreaterThanOrEqual(1);
  expect(h.sim.hits(/^\/api\/v8\/system\/about$/)).toBe(0);
});

test('every policy family is a job with its policy type; tenant is omitted', () => {
  const types = new Map(
    out.samples
      .filter((s) => s.name === 'backup_job_status' && s.value === 1)
      .map((s) => [s.labels.job_name, s.labels.job_type]),
  );
  expect(Object.fromEntries(types)).toEqual({
    'vm-prod': 'VirtualMachines',
    'vm-dev': 'VirtualMachines',
    'vm-retired': 'VirtualMachines',
    'vm-new': 'VirtualMachines',
    'sql-main': 'AzureSql',
    'files-share': 'FileShares',
    'cosmos-orders': 'CosmosDb',
    'vnet-config': 'Vnet',
    'sla-gold': 'ProtectionVmPolicy',
  });
  expect(out.samples.some((s) => 'tenant' in s.labels || 'target' in s.labels || 'product' in s.labels)).toBe(false);
});

test.each([
  ['vm-prod', 'success', 'Success'],
  ['vm-dev', 'warning', 'Warning'],
  ['sql-main', 'failed', 'Error'],
  ['files-share', 'running', 'Running'],
  ['cosmos-orders', 'stopped', 'Canceled'],
  ['vm-new', 'none', 'NeverExecuted'],
  ['vnet-config', 'success', 'Success'],
])('%s → %s (vendor %s)', (job, state, vendor) => {
  expect(statusOf(out.samples, job)).toBe(state);
  expect(value(out.samples, 'backup_job_last_run_info', { job_name: job, vendor_status: vendor })).toBe(1);
  expect(seriesOf(out.samples, job).filter((s) => s.name === 'backup_job_status')).toHaveLength(7);
});

test('a policy without runs is none, without last_run_info; disabled and no next run', () => {
  const s = seriesOf(out.samples, 'vm-retired');
  expect(statusOf(out.samples, 'vm-retired')).toBe('none');
  expect(s.map((x) => x.name).sort()).toEqual([...Array(7).fill('backup_job_status'), 'backup_job_enabled'].sort());
  expect(value(out.samples, 'backup_job_enabled', { job_name: 'vm-retired' })).toBe(0);
});

test('manual, retention, health-check and restore sessions never count as runs', () => {
  // vm-prod has newer ManualSnapshot/BackupRetention/HealthCheck sessions in Error/Warning.
  expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', { job_name: 'vm-prod' })).toBeCloseTo(
    now - 30 * H,
    0,
  );
  // sql-main's newer SqlManualBackup success is not its last success.
  expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'sql-main' })).toBeCloseTo(
    now - 30 * H,
    0,
  );
});

test('durations: TimeSpans (day part, no fraction), absent → end − start, running → now − start (ms: v1 test)', () => {
  const d = (job: string) => value(out.samples, 'backup_job_last_run_duration_seconds', { job_name: job });
  // The shared job model keeps millisecond precision.
  expect(d('vm-prod')).toBe(93_784.5);
  expect(d('vm-dev')).toBe(900.123);
  expect(d('sql-main')).toBe(120.123);
  expect(d('vnet-config')).toBe(154);
  expect(d('sla-gold')).toBeCloseTo(610, 2);
  expect(d('files-share')).toBeCloseTo(600, 2);
  expect(d('vm-new')).toBe(0);
});

test('a running session has no end and no success of its own; the earlier success stays', () => {
  expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', { job_name: 'files-share' })).toBeUndefined();
  expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'files-share' })).toBeCloseTo(
    now - 24 * H + 300,
    0,
  );
});

test('warnings and errors come from log item status, a running run counted as of now', () => {
  const w = (job: string) => value(out.samples, 'backup_job_last_run_warnings', { job_name: job });
  const e = (job: string) => value(out.samples, 'backup_job_last_run_errors', { job_name: job });
  expect([w('vm-dev'), e('vm-dev')]).toEqual([2, 0]);
  expect([w('sql-main'), e('sql-main')]).toEqual([0, 3]);
  expect([w('files-share'), e('files-share')]).toEqual([1, 0]);
  expect([w('cosmos-orders'), e('cosmos-orders')]).toEqual([0, 0]);
});

test('processed objects, next run and enabled come from the policy and backupJobInfo', () => {
  expect(value(out.samples, 'backup_job_last_run_processed_objects', { job_name: 'vm-prod' })).toBe(12);
  expect(value(out.samples, 'backup_job_enabled', { job_name: 'vm-prod' })).toBe(1);
  expect(value(out.samples, 'backup_job_next_run_timestamp_seconds', { job_name: 'vm-prod' })).toBe(now + 2 * H);
  expect(out.samples.some((s) => s.name === 'backup_job_last_run_transferred_bytes')).toBe(false);
});

test('warning_is_success false: a warning run is not a success', async () => {
  const strict = await harness({}, { warningIsSuccess: false });
  try {
    const o = await strict.collect();
    expect(value(o.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'vm-dev' })).toBeUndefined();
    expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'vm-dev' })).toBeCloseTo(
      now - 5 * H + 900,
      0,
    );
  } finally {
    await strict.close();
  }
});
