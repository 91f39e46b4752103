// A CBS server in a zone with daylight saving time: its timestamps carry no offset, so runs on a change day
// are only right when read with the zone's rules for that date (never Date.parse, never the host's zone).
import { harness, seriesOf, statusOf, value, type Harness } from './helpers';

const NIGHTLY = '1700000000031';
const NY = 'America/New_York';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

test.each([
  // Autumn: 00:30 EDT on 2 Nov 2025 + 3 h = 02:30 EST (wall clock says 2 h).
  ['autumn', Date.UTC(2025, 10, 3, 17, 0), '2025-11-02', Date.UTC(2025, 10, 2, 4, 30)],
  // Spring: 00:30 EST on 9 Mar 2025 + 3 h = 04:30 EDT (wall clock says 4 h).
  ['spring', Date.UTC(2025, 2, 10, 16, 0), '2025-03-09', Date.UTC(2025, 2, 9, 5, 30)],
])('%s change day: start, end and duration of the run are real instants', async (_name, now, day, start) => {
  h = await harness({ timezone: NY, now: () => now }, { users: ['erin'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  const l = { job_id: NIGHTLY };
  expect(statusOf(samples, NIGHTLY)).toBe('success');
  expect(value(samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(start / 1000);
  expect(value(samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBe(start / 1000 + 3 * 3600);
  expect(value(samples, 'backup_job_last_run_duration_seconds', l)).toBe(3 * 3600);
  expect(seriesOf(samples, NIGHTLY).every((s) => s.labels.destination_id === '-1700000000101')).toBe(true);
  // Days are New York calendar days: today (no job yet), then the change day, where the walk stops.
  expect(h.sim.calls.filter((c) => c.api === 'ListBackupJobStatus').map((c) => c.params.BackupDate)).toEqual([
    new Date(now - 5 * 3600_000).toISOString().slice(0, 10),
    day,
  ]);
});
