// Every answer the simulator gives, in every mode the tests use, checked against the schemas written from the
// vendor's documents (./schemas.ts): a simulator cannot drift from the documents unnoticed.
import type { z } from 'zod';
import type { AhsaySimOptions, AhsaySimulator } from '../../src/simulators/ahsay/server';
import { type Harness, harness } from './helpers';
import {
  errorAnswer,
  getBackupJobProgress,
  getBackupSet,
  listBackupJobStatus,
  listBackupSets,
  listUsers,
} from './schemas';
import { getBackupJobReport, getBackupJobReportSummary } from './schemas-report';

const ANSWERS: Record<string, z.ZodType> = {
  '2/ListUsers': listUsers,
  ListUsers: listUsers,
  ListBackupSets: listBackupSets,
  '2/GetBackupSet': getBackupSet,
  ListBackupJobStatus: listBackupJobStatus,
  GetBackupJobReport: getBackupJobReport,
  GetBackupJobReportSummary: getBackupJobReportSummary,
  GetBackupJobProgress: getBackupJobProgress,
};

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Problems of the answers given while `run` drives the simulator, and the calls answered (by name). */
async function check(
  opts: AhsaySimOptions,
  setup: (sim: AhsaySimulator) => void,
  run: () => Promise<unknown>,
): Promise<{ problems: string[]; calls: Set<string> }> {
  h = await harness({ scale: { users: 2 }, ...opts });
  const problems: string[] = [];
  const calls = new Set<string>();
  h.sim.onReply = (api, json) => {
    const status = (json as { Status?: unknown } | undefined)?.Status;
    const schema = status === 'Error' ? errorAnswer : ANSWERS[api];
    calls.add(status === 'Error' ? `${api}:Error` : api);
    if (!schema) return void problems.push(`${api}: no schema for this call`);
    const r = schema.safeParse(json);
    if (!r.success) for (const i of r.error.issues) problems.push(`${api}: ${i.path.join('.')}: ${i.message}`);
  };
  setup(h.sim);
  await run().catch(() => undefined);
  return { problems, calls };
}

const collect = () => h.collect();

test.each<[string, AhsaySimOptions, (sim: AhsaySimulator) => void]>([
  ['default (v2 calls, summaries)', {}, () => undefined],
  ['v1 ListUsers and full reports', { v2Users: false, summary: false }, () => undefined],
  ['no 2/GetBackupSet', { getBackupSet: false }, () => undefined],
  ['GetBackupSet Data as an array', {}, (s) => Object.assign(s, { backupSetDataArray: true })],
  ['date-only job times', {}, (s) => Object.assign(s, { dateOnlyTimes: true })],
  ['lists in another order', {}, (s) => Object.assign(s, { shuffle: true })],
  ['deleted and troubled users', {}, (s) => Object.assign(s, { deletedUsers: ['carol'], troubledUsers: ['bob'] })],
  ['an expired password', {}, (s) => Object.assign(s, { passwordExpired: true })],
  ['wrong credentials', { password: 'rotated' }, () => undefined],
])('%s: every answer matches the documents', async (_name, opts, setup) => {
  const { problems, calls } = await check(opts, setup, collect);
  expect(problems).toEqual([]);
  expect(calls.size).toBeGreaterThan(0);
});

test('the default estate exercises every call the exporter makes, and the empty-day error', async () => {
  const first = await check({}, () => undefined, collect);
  // Two estates in one test: the first is closed here, the second by afterEach.
  await h.close();
  const full = await check({ v2Users: false, summary: false }, () => undefined, collect);
  const calls = [...first.calls, ...full.calls];
  for (const api of Object.keys(ANSWERS)) expect(calls).toContain(api);
  expect(calls).toContain('ListBackupJobStatus:Error');
});
