// The log-export lifecycle (contract 4.3) against the simulator: scheduler, manual start, state file, polling,
// download worker, keep pruning, restarts and a corrupt state file. Intervals are injected and short.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HuaweiTarget } from '../../src/config/types';
import { archiveBytes } from '../../src/simulators/huawei_clouddc/data';
import { harness, NOW, stateOf, until, value, type Harness } from './helpers';

const DAY = 86_400_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function withExports(keep = 2): (sim: unknown, dir: string) => Partial<HuaweiTarget> {
  return (_sim, dir) => ({
    logExports: {
      everyMs: DAY,
      downloadDir: path.join(dir, 'downloads'),
      keep,
      stateFile: path.join(dir, 'state.json'),
    },
  });
}
const fast = { checkIntervalMs: 20, minStartSpacingMs: 0 };
const small = { scale: { servers: 6 } };

function stateFile(x: Harness): { exports: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(path.join(x.dir, 'state.json'), 'utf8')) as {
    exports: Array<Record<string, unknown>>;
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('log exports', () => {
  test('collections never start an export', async () => {
    h = await harness(small, withExports());
    for (let i = 0; i < 5; i++) {
      const out = await h.main.collect();
      expect(out.failed).toEqual([]);
      expect(out.samples.some((s) => s.name.startsWith('backup_log_export'))).toBe(false);
    }
    expect(h.sim.counters.creates).toBe(0);
    expect(h.sim.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  test('scheduler starts one per server, collections poll to the end across a restart, completed ones are downloaded once', async () => {
    h = await harness(small, withExports(), fast);
    h.main.session.start();
    await until(() => h!.sim.counters.creates === 6, 5000, 'six exports');
    await h.main.session.stop();
    const recorded = stateFile(h).exports;
    expect(recorded.map((r) => r.exportId)).toEqual(['1', '1', '1', '1', '1', '1']);
    expect(new Set(recorded.map((r) => r.serverId)).size).toBe(6);

    const first = await h.main.collect();
    const s0 = h.sim.servers[0]!.id;
    const failing = h.sim.servers[5]!.id;
    expect(stateOf(first.samples, 'backup_log_export_status', s0)).toBe('processing');
    expect(value(first.samples, 'backup_log_export_progress_ratio', { server_id: s0 })).toBe(0.35);
    expect(value(first.samples, 'backup_log_export_created_timestamp_seconds', { server_id: s0 })).toBe(NOW / 1000);
    await h.main.close();

    // Restart: a new session with the same state file carries on.
    const again = h.open(fast);
    await again.collect();
    const done = await again.collect();
    expect(stateOf(done.samples, 'backup_log_export_status', s0)).toBe('completed');
    expect(value(done.samples, 'backup_log_export_progress_ratio', { server_id: s0 })).toBe(1);
    expect(stateOf(done.samples, 'backup_log_export_status', failing)).toBe('failed');
    await again.session.downloadsIdle();
    expect(h.sim.counters.downloads).toBe(5);

    // Terminal exports are not polled again; downloads happen once.
    const polls = h.sim.counters.polls;
    const later = await again.collect();
    await again.session.downloadsIdle();
    expect(h.sim.counters.polls).toBe(polls);
    expect(h.sim.counters.downloads).toBe(5);
    const bytes = archiveBytes(s0, '1');
    expect(value(later.samples, 'backup_log_export_downloaded_bytes', { server_id: s0 })).toBe(bytes.length);
    expect(value(later.samples, 'backup_log_export_downloaded_bytes', { server_id: failing })).toBeUndefined();

    // Integrity: file content and the recorded sha256 match the simulator's bytes; no .part is left.
    const dir = path.join(h.dir, 'downloads', 'clouddc', s0);
    expect(readdirSync(dir)).toEqual(['1.tar.gz']);
    const file = readFileSync(path.join(dir, '1.tar.gz'));
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
    const rec = stateFile(h).exports.find((r) => r.serverId === s0) as {
      download: { sha256: string; bytes: number };
      terminal: boolean;
    };
    expect(rec.download).toMatchObject({ sha256: sha, bytes: bytes.length });
    expect(rec.terminal).toBe(true);

    // A third session (second restart) does not download again.
    const third = h.open(fast);
    third.session.start();
    await sleep(100);
    await third.session.stop();
    expect(h.sim.counters.downloads).toBe(5);
    expect(h.sim.counters.creates).toBe(6);
  });

  test('a new export is started only when the newest is older than `every` and not processing', async () => {
    h = await harness(small, withExports(), fast);
    h.main.session.start();
    await until(() => h!.sim.counters.creates === 6, 5000, 'six exports');
    h.clock.now = NOW + DAY + 1000;
    await sleep(100);
    expect(h.sim.counters.creates).toBe(6); // older than `every` but processing: none started
    h.clock.now = NOW + DAY - 1000;
    for (let i = 0; i < 3; i++) await h.main.collect();
    await sleep(100);
    expect(h.sim.counters.creates).toBe(6); // finished but younger than `every`
    h.clock.now = NOW + DAY + 1000;
    await until(() => h!.sim.counters.creates === 12, 5000, 'six more exports');
    const out = await h.main.collect();
    expect(stateOf(out.samples, 'backup_log_export_status', h.sim.servers[0]!.id)).toBe('processing');
    expect(value(out.samples, 'backup_log_export_created_timestamp_seconds', { server_id: h.sim.servers[0]!.id })).toBe(
      (NOW + DAY + 1000) / 1000,
    );
  });

  test('at most one start per target per spacing interval', async () => {
    h = await harness(small, withExports(), { checkIntervalMs: 20, minStartSpacingMs: 10_000 });
    h.main.session.start();
    await until(() => h!.sim.counters.creates === 1, 5000, 'the first export');
    await sleep(150);
    expect(h.sim.counters.creates).toBe(1);
  });

  test('manual start: 202, then 409 while processing; 400 for unknown servers; 502 with the upstream reason', async () => {
    h = await harness(small, withExports());
    const id = h.sim.servers[2]!.id;
    const [a, b] = await Promise.all([h.main.session.startLogExport(id), h.main.session.startLogExport(id)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    expect(await h.main.session.startLogExport(id)).toMatchObject({ status: 409 });
    expect(stateFile(h).exports).toEqual([
      expect.objectContaining({ serverId: id, exportId: '1', state: 'processing' }),
    ]);
    expect(await h.main.session.startLogExport('nope')).toMatchObject({ status: 400 });

    for (let i = 0; i < 3; i++) await h.main.collect();
    expect(await h.main.session.startLogExport(id)).toEqual({ status: 202, exportId: '2' });

    h.sim.faults.push({ kind: 'status', status: 500, match: /logs\/exports$/ });
    const failed = await h.main.session.startLogExport(h.sim.servers[3]!.id);
    expect(failed.status).toBe(502);
    expect(failed.status === 502 && failed.reason).toMatch(/HTTP 500/);
  });

  test('manual start: 400 for an unselected server and for a target without log_exports', async () => {
    h = await harness(small, (sim, dir) => ({
      ...withExports()(sim, dir),
      servers: [(sim as { servers: Array<{ id: string }> }).servers[0]!.id],
    }));
    expect(await h.main.session.startLogExport(h.sim.servers[1]!.id)).toMatchObject({
      status: 400,
      reason: expect.stringContaining('not selected'),
    });
    await h.close();
    h = await harness(small);
    expect(await h.main.session.startLogExport(h.sim.servers[1]!.id)).toMatchObject({
      status: 400,
      reason: expect.stringContaining('no log_exports'),
    });
  });

  test('keep: only the newest archives per server stay', async () => {
    h = await harness(small, withExports(2));
    const id = h.sim.servers[0]!.id;
    for (let round = 0; round < 3; round++) {
      h.clock.now = NOW + round * 1000;
      expect(await h.main.session.startLogExport(id)).toMatchObject({ status: 202 });
      for (let i = 0; i < 3; i++) await h.main.collect();
      await h.main.session.downloadsIdle();
    }
    const dir = path.join(h.dir, 'downloads', 'clouddc', id);
    expect(readdirSync(dir).sort()).toEqual(['2.tar.gz', '3.tar.gz']);
    const records = stateFile(h).exports;
    expect(records.find((r) => r.exportId === '1')).toMatchObject({ pruned: true });
    const out = await h.main.collect();
    expect(value(out.samples, 'backup_log_export_downloaded_bytes', { server_id: id })).toBe(
      archiveBytes(id, '3').length,
    );
  });

  test('an export the API no longer knows (404) is unknown and marked lost', async () => {
    h = await harness(small, withExports());
    const id = h.sim.servers[1]!.id;
    await h.main.session.startLogExport(id);
    h.sim.forgetExports();
    const out = await h.main.collect();
    expect(out.failed).toEqual([]);
    expect(stateOf(out.samples, 'backup_log_export_status', id)).toBe('unknown');
    expect(stateFile(h).exports[0]).toMatchObject({ lost: true, terminal: true, state: 'unknown' });
    const polls = h.sim.requests.length;
    await h.main.collect();
    expect(h.sim.requests.slice(polls).some((r) => r.path.includes('/logs/exports/'))).toBe(false);
  });

  test('an undocumented status is unknown, logged once, and polled again', async () => {
    h = await harness(small, withExports());
    const id = h.sim.servers[1]!.id;
    await h.main.session.startLogExport(id);
    h.sim.exports.get(`${id}/1`)!.statusOverride = 'Queued';
    expect(stateOf((await h.main.collect()).samples, 'backup_log_export_status', id)).toBe('unknown');
    const polls = h.sim.counters.polls;
    expect(stateOf((await h.main.collect()).samples, 'backup_log_export_status', id)).toBe('unknown');
    expect(h.sim.counters.polls).toBe(polls + 1);
    expect(h.logs().match(/unrecognised log export status/g)).toHaveLength(1);
    expect(h.logs()).toContain('"status":"Queued"');
    h.sim.exports.get(`${id}/1`)!.statusOverride = 'succeeded';
    expect(stateOf((await h.main.collect()).samples, 'backup_log_export_status', id)).toBe('completed');
  });

  test('a polling failure fails log_exports only; server series stay', async () => {
    h = await harness(small, withExports());
    await h.main.session.startLogExport(h.sim.servers[1]!.id);
    h.sim.faults.push({ kind: 'status', status: 500, match: /logs\/exports\/1$/ });
    const out = await h.main.collect();
    expect(out.failed.map((f) => f.collector)).toEqual(['log_exports']);
    expect(out.samples.some((s) => s.name === 'backup_server_power')).toBe(true);
    expect(out.samples.some((s) => s.name.startsWith('backup_log_export'))).toBe(false);
  });

  test('a corrupt state file is moved aside, logged as an error and replaced', async () => {
    h = await harness(small, withExports());
    const dir = h.dir;
    // The state file is read on first use, so this is what the session finds.
    writeFileSync(path.join(dir, 'state.json'), '{"version":1,"exports":[{"serverId":');
    const out = await h.main.collect();
    expect(out.failed).toEqual([]);
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^state\.json\.corrupt-\d{8}T\d{6}Z$/);
    expect(stateFile(h)).toMatchObject({ version: 1, exports: [] });
    expect(h.logs()).toMatch(/"level":50.*state file is corrupt/);
    expect(await h.main.session.startLogExport(h.sim.servers[0]!.id)).toMatchObject({ status: 202 });
    expect(existsSync(path.join(dir, 'state.json'))).toBe(true);
  });
});
