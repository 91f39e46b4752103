// The benchmark estate (200 policies, 6,000 sessions) is collected completely; no timing is asserted.
import { harness, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('200 policies and 6,000 sessions', async () => {
  h = await harness({ scale: { policies: 200, sessions: 6000 } });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  const jobs = new Set(out.samples.filter((s) => s.name === 'backup_job_status').map((s) => s.labels.job_id));
  expect(jobs.size).toBe(200);
  const states = out.samples.filter((s) => s.name === 'backup_job_status' && s.value === 1).map((s) => s.labels.status);
  expect(new Set(states)).toEqual(new Set(['success', 'warning', 'failed', 'running', 'stopped']));
  // Sessions are read in large pages, each log of a last run once.
  expect(h.sim.hits(/\/jobSessions$/)).toBe(Math.ceil(6000 / 50));
  expect(h.sim.hits(/\/log$/)).toBeLessThanOrEqual(200);
});
