// Reports, progress and the immutable caches (finished days and finished runs' reports fetched once).
import { UpstreamError } from '../../src/common/errors';
import { harness, DEST_A, DEST_B, DOCS, SQL, EXCH, hk, NOW, statusOf, value, type Harness } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('running jobs and progress', () => {
  test('a running job: no end, duration now − start, progress UploadedFileSize / TotalFileSize', async () => {
    h = await harness();
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const l = { job_id: EXCH };
    expect(value(samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(NOW / 1000 - 3600);
    expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBeUndefined();
    expect(value(samples, 'backup_job_last_run_duration_seconds', l)).toBe(3600);
    expect(value(samples, 'backup_job_last_run_progress_ratio', l)).toBe(0.75);
    expect(value(samples, 'backup_job_last_success_timestamp_seconds', l)).toBe(hk('2026-03-01T13:00:00'));
    expect(h.sim.count('GetBackupJobProgress')).toBe(1);
    expect(samples.filter((s) => s.name === 'backup_job_last_run_progress_ratio')).toHaveLength(1);
  });

  test('progress is absent when TotalFileSize is 0', async () => {
    h = await harness();
    h.sim.users.find((u) => u.login === 'bob')!.jobs[0]!.progress = { uploaded: 10, total: 0 };
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(samples.some((s) => s.name === 'backup_job_last_run_progress_ratio')).toBe(false);
  });

  test("an Error envelope for a running job's progress or report leaves them out without failing a part", async () => {
    h = await harness();
    h.sim.errorFor = (api, p) =>
      p.BackupSetID === EXCH && /^GetBackupJob/.test(api) ? 'Backup job has just finished' : undefined;
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(statusOf(samples, EXCH)).toBe('running');
    expect(value(samples, 'backup_job_last_run_progress_ratio', { job_id: EXCH })).toBeUndefined();
    expect(value(samples, 'backup_job_last_run_warnings', { job_id: EXCH })).toBeUndefined();
    expect(h.sim.count('GetBackupJobProgress')).toBe(1);
  });

  test('a failing progress call fails only `progress`', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /GetBackupJobProgress/ }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.collector)).toEqual(['progress']);
    expect(statusOf(samples, EXCH)).toBe('running');
    expect(samples.some((s) => s.name === 'backup_job_last_run_progress_ratio')).toBe(false);
  });
});

describe('immutable data', () => {
  test('a finished day is fetched once; today is fetched on every collection', async () => {
    h = await harness();
    await h.collect();
    await h.collect();
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'alice', BackupDate: '2026-03-02' })).toBe(2);
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'alice', BackupDate: '2026-03-01' })).toBe(1);
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'bob', BackupDate: '2026-02-23' })).toBe(1);
  });

  test('a past day with a job still running is fetched again until the job is finished', async () => {
    h = await harness();
    const later = Date.UTC(2026, 2, 2, 17, 30); // 01:30 on 3 March in Hong Kong: 2 March is over
    const day = { LoginName: 'bob', BackupDate: '2026-03-02' };
    expect(statusOf((await h.collect(later)).samples, EXCH)).toBe('running');
    await h.collect(later);
    expect(h.sim.count('ListBackupJobStatus', day)).toBe(2);
    const job = h.sim.users.find((u) => u.login === 'bob')!.jobs[0]!;
    Object.assign(job, { status: 'BS_STOP_SUCCESS', end: later - 60_000 });
    expect(statusOf((await h.collect(later)).samples, EXCH)).toBe('success');
    await h.collect(later);
    expect(h.sim.count('ListBackupJobStatus', day)).toBe(3);
  });

  test("a finished run's report is fetched once; a running run's on every collection", async () => {
    h = await harness();
    await h.collect();
    await h.collect();
    expect(h.sim.count('GetBackupJobReportSummary', { BackupSetID: DOCS, DestinationID: DEST_A })).toBe(1);
    expect(h.sim.count('GetBackupJobReportSummary', { BackupSetID: DOCS, DestinationID: DEST_B })).toBe(1);
    expect(h.sim.count('GetBackupJobReportSummary', { BackupSetID: EXCH })).toBe(2);
    expect(h.sim.count('GetBackupJobProgress')).toBe(2);
  });
});

describe('report series', () => {
  test('file counts, stored and original sizes per change, dedupe', async () => {
    h = await harness();
    const { samples } = await h.collect();
    const b = { job_id: DOCS, destination_id: DEST_B };
    // The newest DEST_B run of Documents has 1001 files (a string in the simulator's answer).
    expect(value(samples, 'backup_job_last_run_files', { ...b, change: 'new' })).toBe(1001);
    expect(value(samples, 'backup_job_last_run_files', { ...b, change: 'updated' })).toBe(100);
    expect(value(samples, 'backup_job_last_run_files', { ...b, change: 'permission_updated' })).toBe(0);
    expect(value(samples, 'backup_job_last_run_files', { ...b, change: 'copied' })).toBe(1);
    expect(value(samples, 'backup_job_last_run_files_stored_bytes', { ...b, change: 'new' })).toBe(1001 * 6000);
    expect(value(samples, 'backup_job_last_run_files_original_bytes', { ...b, change: 'new' })).toBe(1001 * 9000);
    expect(value(samples, 'backup_job_last_run_files_stored_bytes', { ...b, change: 'copied' })).toBe(2048);
    expect(value(samples, 'backup_job_last_run_files_original_bytes', { ...b, change: 'copied' })).toBe(4096);
    expect(value(samples, 'backup_job_last_run_dedupe_enabled', b)).toBe(0); // "false" as a string
    expect(value(samples, 'backup_job_last_run_dedupe_enabled', { job_id: SQL })).toBe(1); // a JSON boolean
    expect(value(samples, 'backup_job_last_run_dedupe_original_bytes', b)).toBe(1001 * 9000);
    expect(value(samples, 'backup_job_last_run_dedupe_saved_bytes', b)).toBe(1001 * 1000);
    const changes = samples.filter(
      (s) => s.name === 'backup_job_last_run_files' && s.labels.job_id === DOCS && s.labels.destination_id === DEST_B,
    );
    expect(changes.map((s) => s.labels.change).sort()).toEqual([
      'copied',
      'deleted',
      'moved',
      'new',
      'permission_updated',
      'updated',
    ]);
  });
});

describe('report endpoints and failures', () => {
  test('without GetBackupJobReportSummary the full report is used; the server is asked once', async () => {
    h = await harness({ summary: false });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/GetBackupJobReportSummary.do'))).toHaveLength(1);
    expect(h.sim.count('GetBackupJobReport', { BackupSetID: DOCS, DestinationID: DEST_A })).toBe(1);
    expect(value(samples, 'backup_job_last_run_files', { job_id: DOCS, destination_id: DEST_B, change: 'new' })).toBe(
      1001,
    );
    await h.collect();
    expect(h.sim.requests.filter((r) => r.path.endsWith('/GetBackupJobReportSummary.do'))).toHaveLength(1);
  });

  test('a failing report endpoint fails `reports`: job series stay, report series are left out', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /GetBackupJobReport/ }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.collector)).toEqual(['reports']);
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
    for (const name of [
      'backup_job_last_run_warnings',
      'backup_job_last_run_errors',
      'backup_job_last_run_files',
      'backup_job_last_run_dedupe_enabled',
    ]) {
      expect(samples.some((s) => s.name === name)).toBe(false);
    }
  });

  test('an Error envelope on one report fails `reports` with its message; other jobs keep theirs', async () => {
    h = await harness();
    h.sim.errorFor = (api, p) =>
      api === 'GetBackupJobReportSummary' && p.BackupSetID === SQL ? 'Backup job index is corrupted' : undefined;
    const { samples, failed } = await h.collect();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.collector).toBe('reports');
    expect(failed[0]!.error).toBeInstanceOf(UpstreamError);
    expect((failed[0]!.error as UpstreamError).kind).toBe('http');
    expect((failed[0]!.error as UpstreamError).message).toContain('Backup job index is corrupted');
    expect(value(samples, 'backup_job_last_run_errors', { job_id: SQL })).toBeUndefined();
    expect(value(samples, 'backup_job_last_run_warnings', { job_id: DOCS, destination_id: DEST_B })).toBe(2);
  });
});
