// The scale option builds a large estate with the same scenarios; a larger-than-one-page estate collects fully.
import { harness, statusOf, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test.each(['v6', 'v8'])('%s: 60 jobs, 35 sessions each, 40 log items, pages of 30', async (version) => {
  h = await harness({ version, maxLimit: 30, scale: { jobs: 60, sessionsPerJob: 35, logItemsPerSession: 40 } });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  const jobs = new Set(out.samples.filter((s) => s.name === 'backup_job_status').map((s) => s.labels.job_id));
  expect(jobs.size).toBe(60);
  expect(h.sim.data.sessions.length).toBe(35 * 59); // every job but the one never run
  expect(statusOf(out.samples, 'Teams - Every 4 Hours 0057')).toBe('running');
  // 40 log items with 2 warnings of the warning scenario's last run, over two pages.
  const warn = out.samples.find(
    (s) => s.name === 'backup_job_last_run_warnings' && s.labels.job_name === 'SharePoint - Hourly 0055',
  );
  expect(warn?.value).toBe(2);
});
