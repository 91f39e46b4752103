// Many backup users: every set of every user is collected, with a bounded number of requests that the
// immutable caches shrink to "today" on the next collection.
import { harness, type Harness } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

test('200 generated users × 2 backup sets × 2 destinations', async () => {
  h = await harness({ scale: { users: 200, setsPerUser: 2, days: 8 } }, { concurrency: 4 });
  const first = await h.collect();
  expect(first.failed).toEqual([]);
  const generated = first.samples.filter(
    (s) => s.name === 'backup_job_status' && s.value === 1 && /^user\d{4}$/.test(s.labels.tenant ?? ''),
  );
  expect(generated).toHaveLength(200 * 2 * 2);
  const walked = h.sim.count('ListBackupJobStatus');
  // Each generated user: today (empty) + the days back to its newest success per destination.
  expect(walked).toBeGreaterThanOrEqual(200 * 2);
  expect(walked).toBeLessThan(200 * 8);
  const calls = h.sim.calls.length;
  await h.collect();
  const second = h.sim.calls.slice(calls);
  // Second collection: inventory and finished days and reports come from caches; only today and the running job.
  expect(second.filter((c) => ['ListUsers', 'ListBackupSets', 'GetBackupSet'].includes(c.api))).toHaveLength(0);
  expect(second.filter((c) => c.api === 'ListBackupJobStatus' && c.params.BackupDate !== '2026-03-02')).toHaveLength(0);
  expect(second.filter((c) => c.api.startsWith('GetBackupJobReport'))).toHaveLength(1);
});
