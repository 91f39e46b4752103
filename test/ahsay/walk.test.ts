// The day walk of ListBackupJobStatus against the simulator over real HTTPS: discovery across users and
// days, destinations, lookback, and every status of the contract table.
import {
  harness,
  DEST_A,
  DEST_B,
  DOCS,
  SQL,
  EXCH,
  LAPTOP,
  ARCHIVE,
  OLD_PC,
  hk,
  NOW,
  seriesOf,
  statusOf,
  value,
  type Harness,
} from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('discovery and the day walk', () => {
  test('every user and backup set; each walk stops at the newest success of every destination', async () => {
    h = await harness();
    const out = await h.collect();
    expect(out.failed).toEqual([]);
    expect(out.info).toEqual({ api_version: 'json' });
    expect(h.sim.count('ListUsers')).toBe(1);
    for (const login of ['alice', 'bob', 'carol', 'dave', 'erin', 'user0001', 'user0002', 'user0003']) {
      expect(h.sim.count('ListBackupSets', { LoginName: login })).toBe(1);
      expect(out.samples.some((s) => s.labels.tenant === login)).toBe(true);
    }
    // alice: SQL Server last succeeded on day 3 (27 Feb): the walk stops there.
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'alice', BackupDate: '2026-02-27' })).toBe(1);
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'alice', BackupDate: '2026-02-26' })).toBe(0);
    // bob's Archive never ran: his walk goes back to the lookback (8 calendar days).
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'bob' })).toBe(8);
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'bob', BackupDate: '2026-02-23' })).toBe(1);
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'bob', BackupDate: '2026-02-22' })).toBe(0);
  });

  test('a destination that stops running is still looked for: the walk goes back to its newest run', async () => {
    h = await harness({}, { users: ['alice'], jobs: { include: [/^(?:Documents)$/], exclude: [] } });
    await h.collect();
    // The next day Documents ran to destination A only.
    const start = hk('2026-03-02T22:00:00') * 1000;
    h.sim.users
      .find((u) => u.login === 'alice')!
      .jobs.push({
        setId: DOCS,
        destId: DEST_A,
        id: '2026-03-02-22-00-00',
        start,
        end: start + 600_000,
        status: 'BS_STOP_SUCCESS',
        warnings: 0,
        errors: 0,
        files: 10,
      });
    const { samples } = await h.collect(NOW + 86_400_000);
    expect(
      value(samples, 'backup_job_last_run_start_timestamp_seconds', { job_id: DOCS, destination_id: DEST_A }),
    ).toBe(start / 1000);
    expect(statusOf(samples, DOCS, DEST_B)).toBe('warning');
    expect(
      value(samples, 'backup_job_last_run_start_timestamp_seconds', { job_id: DOCS, destination_id: DEST_B }),
    ).toBe(hk('2026-03-01T22:00:00'));
  });
});

describe('destinations', () => {
  test('two destinations are two jobs, each with its own last run and last success', async () => {
    h = await harness();
    const { samples } = await h.collect();
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
    expect(statusOf(samples, DOCS, DEST_B)).toBe('warning');
    const a = { job_id: DOCS, destination_id: DEST_A };
    const b = { job_id: DOCS, destination_id: DEST_B };
    expect(value(samples, 'backup_job_last_run_start_timestamp_seconds', a)).toBe(hk('2026-03-01T22:00:00'));
    expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', a)).toBe(hk('2026-03-01T22:20:00'));
    expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', b)).toBe(hk('2026-03-01T22:21:00'));
    expect(value(samples, 'backup_job_last_run_warnings', b)).toBe(2);
    expect(value(samples, 'backup_job_last_run_warnings', a)).toBe(0);
    // warning_is_success (default true): the warning run is B's last success.
    expect(value(samples, 'backup_job_last_success_timestamp_seconds', b)).toBe(hk('2026-03-01T22:21:00'));
    expect(
      samples.find((s) => s.name === 'backup_job_status' && s.labels.job_id === DOCS && !s.labels.destination_id),
    ).toBeUndefined();
  });

  test('warning_is_success false: the last success of a destination is older than its warning run', async () => {
    h = await harness({}, { warningIsSuccess: false });
    const { samples } = await h.collect();
    const b = { job_id: DOCS, destination_id: DEST_B };
    expect(value(samples, 'backup_job_last_success_timestamp_seconds', b)).toBe(hk('2026-02-28T22:21:00'));
  });

  test('a set without runs on a server without 2/GetBackupSet: one series set without destination_id, status none', async () => {
    h = await harness({ getBackupSet: false });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const series = seriesOf(samples, ARCHIVE);
    expect(series.every((s) => s.name === 'backup_job_status' && s.labels.destination_id === undefined)).toBe(true);
    expect(series).toHaveLength(7);
    expect(statusOf(samples, ARCHIVE)).toBe('none');
    expect(h.sim.count('GetBackupJobReportSummary', { BackupSetID: ARCHIVE })).toBe(0);
  });

  test('runs without DestinationID (v6 clients) omit the label and the report parameter', async () => {
    h = await harness();
    const { samples } = await h.collect();
    expect(statusOf(samples, OLD_PC)).toBe('success');
    expect(seriesOf(samples, OLD_PC).some((s) => 'destination_id' in s.labels)).toBe(false);
    const call = h.sim.calls.find((c) => c.api === 'GetBackupJobReportSummary' && c.params.BackupSetID === OLD_PC);
    expect(call?.params).not.toHaveProperty('DestinationID');
    expect(call?.params.Owner).toBe('reseller1');
  });
});

describe('run times', () => {
  test('a job crossing midnight is found on its start day', async () => {
    h = await harness();
    const { samples } = await h.collect();
    const l = { job_id: LAPTOP };
    expect(value(samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(hk('2026-02-28T23:30:00'));
    expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBe(hk('2026-03-01T00:40:00'));
    expect(value(samples, 'backup_job_last_run_duration_seconds', l)).toBe(70 * 60);
    expect(value(samples, 'backup_job_last_success_timestamp_seconds', l)).toBe(hk('2026-03-01T00:40:00'));
  });

  test('a failed newest run keeps the older success as last success (older than 26 h)', async () => {
    h = await harness();
    const { samples } = await h.collect();
    expect(statusOf(samples, SQL)).toBe('failed');
    expect(value(samples, 'backup_job_last_run_errors', { job_id: SQL })).toBe(3);
    const success = value(samples, 'backup_job_last_success_timestamp_seconds', { job_id: SQL })!;
    expect(success).toBe(hk('2026-02-27T01:30:00'));
    expect(NOW / 1000 - success).toBeGreaterThan(26 * 3600);
  });

  test('runs older than lookback are not runs', async () => {
    h = await harness({}, { lookbackMs: 86_400_000 });
    const { samples } = await h.collect();
    // SQL Server's newest run (1 March 01:00) is 35 h old: found by the walk, but outside the lookback.
    expect(statusOf(samples, SQL)).toBe('none');
    expect(seriesOf(samples, SQL).every((s) => s.name === 'backup_job_status')).toBe(true);
    expect(statusOf(samples, LAPTOP)).toBe('none');
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'bob' })).toBe(2);
  });
});

describe('status mapping through the wire', () => {
  test('every BackupJobStatus of the contract table, with the raw value kept', async () => {
    h = await harness();
    const { samples } = await h.collect();
    const expected: Record<string, string> = {
      BS_STOP_SUCCESS_WITH_ERROR: 'warning',
      BS_STOP_BY_SYSTEM_ERROR: 'failed',
      BS_STOP_BY_SCHEDULER: 'failed',
      BS_STOP_BY_QUOTA_EXCEEDED: 'failed',
      BS_STOP_MISSED_BACKUP: 'failed',
      BS_BACKUP_NOT_FINISHED: 'failed',
      BS_STOP_INCOMPLETE: 'failed',
      BS_MISSED_DATABASAE: 'failed',
      BS_MISSED_VIRTUAL_MACHINE: 'failed',
      BS_MISSED_PUBLIC_FOLDER: 'failed',
      BS_STOP_BY_USER: 'stopped',
      BS_STOP_BY_SOLAR_FLARE: 'unknown',
    };
    for (const [vendor, state] of Object.entries(expected)) {
      const info = samples.find(
        (s) => s.name === 'backup_job_last_run_info' && s.labels.job_name === `Carol ${vendor}`,
      );
      expect(info?.labels.vendor_status).toBe(vendor);
      expect(statusOf(samples, info!.labels.job_id!)).toBe(state);
    }
    expect(statusOf(samples, EXCH)).toBe('running');
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
    expect(statusOf(samples, DOCS, DEST_B)).toBe('warning');
  });
});
