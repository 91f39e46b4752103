// Destinations (contract 4.2): every (backup set, destination) is exported from the first collection after a
// start, whichever destination ran most recently; 2/GetBackupSet names them, read once a day per set; a
// destination without a run within lookback is a job in state none. Its answer carries destination
// passwords, which are never logged or kept.
import { DESTINATION_PASSWORD } from '../../src/simulators/ahsay/shapes';
import {
  ARCHIVE,
  DEST_A,
  DEST_B,
  DEST_C,
  DOCS,
  type Harness,
  harness,
  hk,
  NOW,
  OFFICE,
  restart,
  seriesOf,
  statusOf,
  value,
} from './helpers';

let h: Harness;
let again: Harness | undefined;
afterEach(async () => {
  await again?.close();
  again = undefined;
  await h?.close();
});

const DAY = 86_400_000;

describe('every destination on the first collection', () => {
  test('a destination that ran only days ago is found after a restart, one outside lookback is none', async () => {
    h = await harness();
    await h.collect();
    again = restart(h);
    const { samples, failed } = await again.collect();
    expect(failed).toEqual([]);
    const at = (dest: string) =>
      value(samples, 'backup_job_last_run_start_timestamp_seconds', { job_id: OFFICE, destination_id: dest });
    expect(at(DEST_A)).toBe(hk('2026-03-01T19:00:00'));
    // B's only run (5 days ago) is older than A's newest success: the walk goes on until it is found.
    expect(statusOf(samples, OFFICE, DEST_B)).toBe('success');
    expect(at(DEST_B)).toBe(hk('2026-02-25T21:00:00'));
    // C last ran 20 days ago: a job in state none, with no run series.
    expect(statusOf(samples, OFFICE, DEST_C)).toBe('none');
    expect(seriesOf(samples, OFFICE, DEST_C).every((s) => s.name === 'backup_job_status')).toBe(true);
    expect(seriesOf(samples, OFFICE).some((s) => s.labels.destination_id === undefined)).toBe(false);
  });

  test('a set that never ran: one job in state none per destination of 2/GetBackupSet', async () => {
    h = await harness();
    const { samples } = await h.collect();
    expect(statusOf(samples, ARCHIVE, DEST_A)).toBe('none');
    expect(seriesOf(samples, ARCHIVE).every((s) => s.labels.destination_id === DEST_A)).toBe(true);
    expect(seriesOf(samples, ARCHIVE)).toHaveLength(7);
  });
});

describe('reading 2/GetBackupSet', () => {
  test('2/GetBackupSet is read once per selected set per day, and only for selected sets', async () => {
    h = await harness({}, { jobs: { include: [/^(?:.*)$/], exclude: [/^(?:Carol .*)$/] } });
    await h.collect();
    const sets = h.sim.users.filter((u) => u.login !== 'carol').flatMap((u) => u.sets);
    expect(h.sim.count('GetBackupSet')).toBe(sets.length);
    expect(h.sim.count('GetBackupSet', { LoginName: 'frank', BackupSetID: OFFICE })).toBe(1);
    await h.collect(NOW + 3_600_000);
    await h.collect(NOW + DAY - 1);
    expect(h.sim.count('GetBackupSet')).toBe(sets.length);
    await h.collect(NOW + DAY);
    expect(h.sim.count('GetBackupSet')).toBe(2 * sets.length);
    expect(h.sim.count('GetBackupSet', { LoginName: 'carol' })).toBe(0);
  });

  test('a server without 2/GetBackupSet is asked once per inventory_ttl; destinations come from runs', async () => {
    h = await harness({ getBackupSet: false });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/2/GetBackupSet.do'))).toHaveLength(1);
    expect(statusOf(samples, DOCS, DEST_B)).toBe('warning');
    expect(statusOf(samples, ARCHIVE)).toBe('none');
    await h.collect(NOW + 60_000);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/2/GetBackupSet.do'))).toHaveLength(1);
    await h.collect(NOW + 300_000);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/2/GetBackupSet.do'))).toHaveLength(2);
  });

  test('`Data` as an array of one backup set, as the return table types it', async () => {
    h = await harness({}, { users: ['frank'] });
    h.sim.backupSetDataArray = true;
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(statusOf(samples, OFFICE, DEST_C)).toBe('none');
  });
});

describe('failures and secrets', () => {
  test("one set's 2/GetBackupSet failing fails `jobs` for that set; it is asked again next time", async () => {
    h = await harness();
    h.sim.errorFor = (api, p) => (api === '2/GetBackupSet' && p.BackupSetID === DOCS ? 'Index is locked' : undefined);
    const first = await h.collect();
    expect(first.failed.map((f) => [f.collector, f.reason])).toEqual([
      ['jobs', 'http: backup set Documents of alice: 2/GetBackupSet: Index is locked'],
    ]);
    expect(seriesOf(first.samples, DOCS)).toEqual([]);
    expect(statusOf(first.samples, '1700000000002')).toBe('failed');
    h.sim.errorFor = undefined;
    const second = await h.collect();
    expect(second.failed).toEqual([]);
    expect(statusOf(second.samples, DOCS, DEST_A)).toBe('success');
    expect(h.sim.count('GetBackupSet', { BackupSetID: DOCS })).toBe(2);
  });

  test('destination passwords are never logged, kept or shown, even in a broken answer', async () => {
    h = await harness();
    const { samples } = await h.collect();
    expect(h.logs()).not.toContain(DESTINATION_PASSWORD);
    expect(JSON.stringify(samples)).not.toContain(DESTINATION_PASSWORD);
    again = restart(h, { users: ['alice'] });
    h.sim.backupSetTruncated = true;
    const { failed } = await again.collect();
    expect(failed.map((f) => f.collector)).toEqual(['jobs']);
    expect(failed[0]!.reason).toBe(
      'decode: backup set Documents of alice: 2/GetBackupSet: the answer is not valid JSON (its text is not shown: it carries passwords) (and 1 more items)',
    );
    expect(`${h.logs()}${again.logs()}`).not.toContain(DESTINATION_PASSWORD);
  });
});
