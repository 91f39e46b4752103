// ListBackupJobStatus documents StartTime and EndTime as `yyyy-MM-dd`. A date alone must not make a finished
// run look as if it still ran: a non-empty EndTime means the run ended. The start comes from the job id (the
// start time); the end is the report's EndTime (`yyyy-MM-dd HH:mm:ss`) for the last run, else the start (a
// lower bound), and then the duration is left out rather than made up.
import { DEST_A, DOCS, EXCH, type Harness, harness, hk, LAPTOP, SQL, statusOf, value } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const A = { job_id: DOCS, destination_id: DEST_A };

test('the last run ends at its report EndTime; an older success at its start', async () => {
  h = await harness();
  h.sim.dateOnlyTimes = true;
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
  expect(value(samples, 'backup_job_last_run_start_timestamp_seconds', A)).toBe(hk('2026-03-01T22:00:00'));
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', A)).toBe(hk('2026-03-01T22:20:00'));
  expect(value(samples, 'backup_job_last_run_duration_seconds', A)).toBe(1200);
  expect(value(samples, 'backup_job_last_success_timestamp_seconds', A)).toBe(hk('2026-03-01T22:20:00'));
  // SQL Server: the failed last run has its report; the success two days before only its start.
  expect(statusOf(samples, SQL)).toBe('failed');
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', { job_id: SQL })).toBe(hk('2026-03-01T01:05:00'));
  expect(value(samples, 'backup_job_last_success_timestamp_seconds', { job_id: SQL })).toBe(hk('2026-02-27T01:00:00'));
  // A run crossing midnight, and a run still going (EndTime empty).
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', { job_id: LAPTOP })).toBe(
    hk('2026-03-01T00:40:00'),
  );
  expect(statusOf(samples, EXCH)).toBe('running');
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', { job_id: EXCH })).toBeUndefined();
  expect(value(samples, 'backup_job_last_run_duration_seconds', { job_id: EXCH })).toBe(3600);
});

test('without reports the end is the start and the duration is left out', async () => {
  h = await harness({}, { collectors: ['jobs', 'runs'] });
  h.sim.dateOnlyTimes = true;
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', A)).toBe(hk('2026-03-01T22:00:00'));
  expect(value(samples, 'backup_job_last_run_duration_seconds', A)).toBeUndefined();
  expect(value(samples, 'backup_job_last_success_timestamp_seconds', A)).toBe(hk('2026-03-01T22:00:00'));
  expect(value(samples, 'backup_job_last_run_duration_seconds', { job_id: EXCH })).toBe(3600);
  expect(h.sim.count('GetBackupJobReportSummary')).toBe(0);
});
