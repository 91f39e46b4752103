// The log-export lifecycle (contract 4.3) against the simulator, without the scheduler: manual starts, the state
// file, polling, the download worker, keep pruning, lost exports and a corrupt state file.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archiveBytes } from '../../src/simulators/huawei_clouddc/data';
import { downloaded, type Harness, harness, NOW, stateFile, stateOf, until, value, withExports } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const small = { scale: { servers: 6 } };

describe('log exports: starting', () => {
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

  test('manual start: 202, then 409 while processing; 400 for unknown servers; 502 with the upstream reason', async () => {
    h = await harness(small, withExports());
    const state = h.main.state;
    const id = h.sim.servers[2]!.id;
    const [a, b] = await Promise.all([state.startLogExport(id), state.startLogExport(id)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    expect(await state.startLogExport(id)).toMatchObject({ status: 409 });
    expect(stateFile(h).exports).toEqual([
      expect.objectContaining({ serverId: id, exportId: '1', state: 'processing' }),
    ]);
    expect(await state.startLogExport('nope')).toMatchObject({ status: 400 });

    for (let i = 0; i < 3; i++) await h.main.collect();
    expect(await state.startLogExport(id)).toEqual({ status: 202, exportId: '2' });

    h.sim.faults.push({ kind: 'status', status: 500, match: /logs\/exports$/ });
    const failed = await state.startLogExport(h.sim.servers[3]!.id);
    expect(failed.status).toBe(502);
    expect(failed.status === 502 && failed.reason).toMatch(/HTTP 500/);
  });

  test('manual start: 400 for an unselected server and for a target without log_exports', async () => {
    h = await harness(small, (sim, dir) => ({ ...withExports()(sim, dir), servers: [sim.servers[0]!.id] }));
    expect(await h.main.state.startLogExport(h.sim.servers[1]!.id)).toMatchObject({
      status: 400,
      reason: expect.stringContaining('not selected'),
    });
    await h.close();
    h = await harness(small);
    expect(await h.main.state.startLogExport(h.sim.servers[1]!.id)).toMatchObject({
      status: 400,
      reason: expect.stringContaining('no log_exports'),
    });
  });
});

describe('log exports: downloads', () => {
  test('keep: only the newest archives per server stay', async () => {
    h = await harness(small, withExports(2));
    const id = h.sim.servers[0]!.id;
    for (let round = 0; round < 3; round++) {
      h.clock.now = NOW + round * 1000;
      expect(await h.main.state.startLogExport(id)).toMatchObject({ status: 202 });
      for (let i = 0; i < 3; i++) await h.main.collect();
      await until(() => downloaded(h!) === round + 1, 5000, `download ${round + 1}`);
    }
    const pruned = (r: Record<string, unknown>) => r.exportId === '1' && r.pruned === true;
    await until(() => stateFile(h!).exports.some(pruned), 5000, 'the oldest archive pruned');
    const dir = path.join(h.dir, 'downloads', 'clouddc', id);
    expect(readdirSync(dir).sort()).toEqual(['2.tar.gz', '3.tar.gz']);
    const records = stateFile(h).exports;
    expect(records.find((r) => r.exportId === '1')).toMatchObject({ pruned: true });
    const out = await h.main.collect();
    expect(value(out.samples, 'backup_log_export_downloaded_bytes', { server_id: id })).toBe(
      archiveBytes(id, '3').length,
    );
  });
});

describe('log exports: polling', () => {
  test('an export the API no longer knows (404) is unknown and marked lost', async () => {
    h = await harness(small, withExports());
    const id = h.sim.servers[1]!.id;
    await h.main.state.startLogExport(id);
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
    await h.main.state.startLogExport(id);
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
});

describe('log exports: failures', () => {
  test('a polling failure fails log_exports only; server series stay', async () => {
    h = await harness(small, withExports());
    await h.main.state.startLogExport(h.sim.servers[1]!.id);
    h.sim.faults.push({ kind: 'status', status: 500, match: /logs\/exports\/1$/ });
    const out = await h.main.collect();
    expect(out.failed.map((f) => f.collector)).toEqual(['log_exports']);
    expect(out.samples.some((s) => s.name === 'backup_server_power')).toBe(true);
    expect(out.samples.some((s) => s.name.startsWith('backup_log_export'))).toBe(false);
  });

  test('a failed poll leaves out the export series of that server only', async () => {
    h = await harness(small, withExports());
    const [, s1, s2] = h.sim.servers;
    for (const s of [s1!, s2!]) expect(await h.main.state.startLogExport(s.id)).toMatchObject({ status: 202 });
    h.sim.faults.push({ kind: 'status', status: 500, match: new RegExp(`${s1!.id}/logs/exports/1$`) });
    const out = await h.main.collect();
    expect(out.failed).toEqual([
      expect.objectContaining({ collector: 'log_exports', reason: expect.stringContaining(s1!.id) }),
    ]);
    expect(stateOf(out.samples, 'backup_log_export_status', s1!.id)).toBeUndefined();
    expect(stateOf(out.samples, 'backup_log_export_status', s2!.id)).toBe('processing');
  });

  test('a corrupt state file is moved aside, logged as an error and replaced', async () => {
    h = await harness(small, withExports());
    const dir = h.dir;
    // The state file is read on first use, so this is what the state finds.
    writeFileSync(path.join(dir, 'state.json'), '{"version":1,"exports":[{"serverId":');
    const out = await h.main.collect();
    expect(out.failed).toEqual([]);
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^state\.json\.corrupt-\d{8}T\d{6}Z$/);
    expect(stateFile(h)).toMatchObject({ version: 1, exports: [] });
    expect(h.logs()).toMatch(/"level":50.*state file is corrupt/);
    expect(await h.main.state.startLogExport(h.sim.servers[0]!.id)).toMatchObject({ status: 202 });
    expect(existsSync(path.join(dir, 'state.json'))).toBe(true);
  });
});
