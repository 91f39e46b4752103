// The export scheduler (contract 4.3: a check once a minute, at most one start per target per 10 s) and the
// background work around it, on fake time (./clock.ts): starts, restarts, downloads, --no-schedulers and
// an excluded log_exports collector.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { archiveBytes } from '../../src/simulators/huawei_clouddc/data';
import { advance, advanceUntil, setNow, useFakeClock } from './clock';
import {
  DAY,
  downloaded,
  type Harness,
  harness,
  NOW,
  sleep,
  stateFile,
  stateOf,
  until,
  value,
  withExports,
} from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  jest.useRealTimers();
});
const small = { scale: { servers: 6 } };
const creates = (): number => h!.sim.counters.creates;
/** Exports in the state file (a start is recorded there right after the simulator counted it). */
const recorded = (): number => {
  try {
    return stateFile(h!).exports.length;
  } catch {
    return 0;
  }
};

/** A harness on fake time whose first state's scheduler has started one export per server. */
async function sixStarted(): Promise<Harness> {
  const x = await harness(small, withExports());
  h = x;
  useFakeClock(NOW);
  x.main.state.start();
  await advanceUntil(() => creates() === 6, 5 * 60_000, 'six exports');
  await until(() => recorded() === 6, 5000, 'six exports recorded');
  return x;
}

/** The saved archive matches the simulator's bytes and the sha256 in the state file; no .part is left. */
function expectArchive(x: Harness, serverId: string): void {
  const bytes = archiveBytes(serverId, '1');
  const dir = path.join(x.dir, 'downloads', 'clouddc', serverId);
  expect(readdirSync(dir)).toEqual(['1.tar.gz']);
  const file = readFileSync(path.join(dir, '1.tar.gz'));
  const sha = createHash('sha256').update(bytes).digest('hex');
  expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
  const rec = stateFile(x).exports.find((r) => r.serverId === serverId) as {
    download: { sha256: string; bytes: number };
    terminal: boolean;
  };
  expect(rec.download).toMatchObject({ sha256: sha, bytes: bytes.length });
  expect(rec.terminal).toBe(true);
}

describe('export scheduler: starts and restarts', () => {
  test('one per server; collections poll them to the end across a restart', async () => {
    const x = await sixStarted();
    await x.main.state.stop();
    const recorded = stateFile(x).exports;
    expect(recorded.map((r) => r.exportId)).toEqual(['1', '1', '1', '1', '1', '1']);
    expect(new Set(recorded.map((r) => r.serverId)).size).toBe(6);

    const first = await x.main.collect();
    const s0 = x.sim.servers[0]!.id;
    const failing = x.sim.servers[5]!.id;
    expect(stateOf(first.samples, 'backup_log_export_status', s0)).toBe('processing');
    expect(value(first.samples, 'backup_log_export_progress_ratio', { server_id: s0 })).toBe(0.35);
    expect(value(first.samples, 'backup_log_export_created_timestamp_seconds', { server_id: s0 })).toBe(NOW / 1000);
    await x.main.close();

    // Restart: a new state with the same state file carries on.
    const again = x.open();
    await again.collect();
    const done = await again.collect();
    expect(stateOf(done.samples, 'backup_log_export_status', s0)).toBe('completed');
    expect(value(done.samples, 'backup_log_export_progress_ratio', { server_id: s0 })).toBe(1);
    expect(stateOf(done.samples, 'backup_log_export_status', failing)).toBe('failed');
    await until(() => downloaded(x) === 5, 5000, 'five downloads');
    expect(x.sim.counters.downloads).toBe(5);
  });

  test('completed exports are downloaded once and not polled again, also after restarts', async () => {
    const x = await sixStarted();
    const s0 = x.sim.servers[0]!.id;
    const failing = x.sim.servers[5]!.id;
    for (let i = 0; i < 3; i++) await x.main.collect();
    await until(() => downloaded(x) === 5, 5000, 'five downloads');
    const polls = x.sim.counters.polls;
    const later = await x.main.collect();
    // stop() waits for the scheduler's check and the download pass in progress.
    await x.main.close();
    expect(x.sim.counters.polls).toBe(polls);
    expect(x.sim.counters.downloads).toBe(5);
    const bytes = archiveBytes(s0, '1');
    expect(value(later.samples, 'backup_log_export_downloaded_bytes', { server_id: s0 })).toBe(bytes.length);
    expect(value(later.samples, 'backup_log_export_downloaded_bytes', { server_id: failing })).toBeUndefined();
    expectArchive(x, s0);

    // A restarted state neither downloads again nor starts exports younger than `every`.
    const third = x.open();
    third.state.start();
    await third.state.stop();
    expect(x.sim.counters.downloads).toBe(5);
    expect(x.sim.counters.creates).toBe(6);
  });
});

describe('export scheduler: when to start', () => {
  test('a new export is started only when the newest is older than `every` and not processing', async () => {
    const x = await sixStarted();
    setNow(x.clock, NOW + DAY + 1000);
    await advance(60_000);
    await sleep(100);
    expect(creates()).toBe(6); // older than `every` but processing: none started
    // The next check comes within a minute, at most a second before `every` has passed.
    setNow(x.clock, NOW + DAY - 61_000);
    for (let i = 0; i < 3; i++) await x.main.collect();
    await advance(60_000);
    await sleep(100);
    expect(creates()).toBe(6); // finished but younger than `every`
    setNow(x.clock, NOW + DAY + 1000);
    await advanceUntil(() => creates() === 12, 5 * 60_000, 'six more exports');
    const out = await x.main.collect();
    const s0 = x.sim.servers[0]!.id;
    expect(stateOf(out.samples, 'backup_log_export_status', s0)).toBe('processing');
    expect(value(out.samples, 'backup_log_export_created_timestamp_seconds', { server_id: s0 })).toBe(
      (NOW + DAY + 1000) / 1000,
    );
  });

  test('at most one start per target per 10 s', async () => {
    h = await harness(small, withExports());
    useFakeClock(NOW);
    h.main.state.start();
    await until(() => recorded() === 1, 5000, 'the first export');
    await advance(9_000);
    await sleep(100);
    expect(creates()).toBe(1);
    await advanceUntil(() => creates() === 2, 5_000, 'the second export, 10 s after the first');
  });
});

describe('export scheduler: switched off', () => {
  test('--no-schedulers: nothing is started, while POST /-/log-exports and the download worker still work', async () => {
    const x = await harness(small, withExports(), { schedulers: false });
    h = x;
    useFakeClock(NOW);
    x.main.state.start();
    await advance(3 * 60_000);
    expect(creates()).toBe(0);
    expect(await x.main.state.startLogExport(x.sim.servers[0]!.id)).toMatchObject({ status: 202 });
    // The first download fails; the worker's own pass a minute later fetches it.
    x.sim.faults.push({ kind: 'status', status: 500, match: /\/content$/, count: 1 });
    for (let i = 0; i < 3; i++) await x.main.collect();
    await until(() => stateFile(x).exports[0]?.downloadAttempts === 1, 5000, 'a failed download');
    await advance(60_000);
    await until(() => downloaded(x) === 1, 5000, 'the download');
    expect(creates()).toBe(1);
  });

  test('an excluded log_exports collector: no scheduler, no polling, no state file, POST answers 400', async () => {
    const x = await harness(small, (sim, dir) => ({ ...withExports()(sim, dir), collectors: ['servers'] }));
    h = x;
    useFakeClock(NOW);
    x.main.state.start();
    await advance(3 * 60_000);
    expect(creates()).toBe(0);
    expect(await x.main.state.startLogExport(x.sim.servers[0]!.id)).toMatchObject({
      status: 400,
      reason: expect.stringContaining('no log_exports'),
    });
    const out = await x.main.collect();
    expect(out.failed).toEqual([]);
    expect(out.samples.some((s) => s.name.startsWith('backup_log_export'))).toBe(false);
    expect(x.sim.requests.some((r) => r.path.includes('/logs/exports'))).toBe(false);
    expect(readdirSync(x.dir)).not.toContain('state.json');
  });
});
