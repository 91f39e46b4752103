// The download worker against slow, stalling and hostile answers: no overall time limit while bytes arrive,
// the idle cut, stopping at once, a crafted state file, a reload's second state, an unreachable API.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archiveBytes } from '../../src/simulators/huawei_clouddc/data';
import { completedExport, downloadRig, type Rig } from './download-rig';
import { NOW, type StateRecord, sleep, until } from './helpers';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const size = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
function recordOf(r: Rig, serverId: string, exportId = '1'): StateRecord {
  const state = JSON.parse(readFileSync(path.join(r.dir, 'state.json'), 'utf8')) as { exports: StateRecord[] };
  return state.exports.find((x) => x.serverId === serverId && x.exportId === exportId) ?? {};
}
const firstServer = (r: Rig): string => r.sim.servers[0]!.id;
const oneCompleted = (sim: Rig['sim']) => [completedExport(sim, sim.servers[0]!.id)];

describe('downloads: time', () => {
  test('a download that keeps receiving bytes goes on past the client timeout; the final name appears only whole', async () => {
    // 40-60 KB in 4 KiB chunks every 100 ms: 1-1.5 s, two to three times the 500 ms timeout.
    rig = await downloadRig({ contentPace: { chunkBytes: 4096, everyMs: 100 } }, 500, oneCompleted);
    const r = rig;
    const id = firstServer(r);
    const bytes = archiveBytes(id, '1');
    const started = Date.now();
    r.state.start();
    await until(
      () => {
        if (!existsSync(r.archive(id))) return false;
        expect(sha(readFileSync(r.archive(id)))).toBe(sha(bytes));
        return true;
      },
      10_000,
      'the archive',
    );
    expect(Date.now() - started).toBeGreaterThan(1000);
    await until(() => recordOf(r, id).download !== undefined, 5000, 'the record');
    expect(recordOf(r, id)).toMatchObject({ download: { bytes: bytes.length, sha256: sha(bytes) } });
    expect(recordOf(r, id).downloadAttempts).toBeUndefined();
  });

  test('a stalled download is cut after the idle timeout: its .part goes, nothing under the final name', async () => {
    const contentPace = { chunkBytes: 4096, everyMs: 20, stallAfterBytes: 8192 };
    rig = await downloadRig({ contentPace }, 500, oneCompleted);
    const r = rig;
    const id = firstServer(r);
    const started = Date.now();
    r.state.start();
    await until(() => recordOf(r, id).downloadAttempts === 1, 5000, 'the cut');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(existsSync(r.archive(id))).toBe(false);
    expect(existsSync(`${r.archive(id)}.part`)).toBe(false);
    expect(r.logs()).toMatch(/"target":"clouddc".*log export download failed; will retry/);
  });
});

describe('downloads: stopping', () => {
  const slow = { contentPace: { chunkBytes: 1024, everyMs: 200 } };

  test('stop() during a slow download returns within a second and spends no attempt', async () => {
    rig = await downloadRig(slow, 5000, oneCompleted);
    const r = rig;
    const id = firstServer(r);
    r.state.start();
    await until(() => size(`${r.archive(id)}.part`) > 0, 5000, 'the download under way');
    const t = Date.now();
    await r.state.stop();
    expect(Date.now() - t).toBeLessThan(1000);
    await sleep(300);
    expect(existsSync(r.archive(id))).toBe(false);
    expect(existsSync(`${r.archive(id)}.part`)).toBe(false);
    expect(recordOf(r, id).downloadAttempts).toBeUndefined();
  });

  test('as the engine stops (connections destroyed, then stop()): quick, and at most one attempt spent', async () => {
    rig = await downloadRig(slow, 5000, (sim) => sim.servers.slice(0, 2).map((s) => completedExport(sim, s.id)));
    const r = rig;
    const [a, b] = [...r.sim.servers.slice(0, 2).map((s) => s.id)].sort();
    r.state.start();
    await until(() => size(`${r.archive(a!)}.part`) > 0, 5000, 'the first download under way');
    const t = Date.now();
    await r.http.destroy();
    await r.state.stop();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(existsSync(r.archive(a!))).toBe(false);
    expect(recordOf(r, a!).downloadAttempts ?? 0).toBeLessThanOrEqual(1);
    expect(recordOf(r, b!).downloadAttempts).toBeUndefined();
  });

  test("a reload's new state does not write the .part the old one is writing", async () => {
    rig = await downloadRig({ contentPace: { chunkBytes: 4096, everyMs: 100 } }, 5000, oneCompleted);
    const r = rig;
    const id = firstServer(r);
    r.state.start();
    await until(() => size(`${r.archive(id)}.part`) > 0, 5000, 'the download under way');
    r.open().state.start();
    await until(() => recordOf(r, id).download !== undefined, 10_000, 'the download');
    expect(r.sim.counters.downloads).toBe(1);
    expect(sha(readFileSync(r.archive(id)))).toBe(sha(archiveBytes(id, '1')));
  });
});

describe('downloads: hostile input', () => {
  test('an API that cannot be reached ends the pass: the other downloads keep their attempts', async () => {
    rig = await downloadRig({}, 5000, (sim) => sim.servers.slice(0, 2).map((s) => completedExport(sim, s.id)));
    const r = rig;
    r.sim.faults.push({ kind: 'reset', match: /\/content$/ });
    r.state.start();
    const attempts = () => r.sim.servers.slice(0, 2).map((s) => recordOf(r, s.id).downloadAttempts ?? 0);
    await until(() => attempts().some((n) => n === 1), 5000, 'a failed download');
    await sleep(300);
    expect(attempts().sort()).toEqual([0, 1]);
    expect(r.sim.requests.filter((q) => q.path.endsWith('/content'))).toHaveLength(1);
  });

  test('pruning deletes only files inside the target download folder, whatever the state file names', async () => {
    const victim = (dir: string) => path.join(dir, 'victim.txt');
    const saved = (exportId: string, file: string, at: number): StateRecord => ({
      serverId: 's1',
      exportId,
      createdAt: NOW / 1000 + at,
      state: 'completed',
      terminal: true,
      download: { file, bytes: 1, sha256: 'x', at: NOW / 1000 },
    });
    rig = await downloadRig({}, 5000, (_sim, dir) => {
      const own = path.join(dir, 'downloads', 'clouddc', 's1');
      mkdirSync(own, { recursive: true });
      for (const f of [victim(dir), path.join(own, '1.tar.gz'), path.join(own, '3.tar.gz')]) writeFileSync(f, 'x');
      return [
        saved('3', path.join(own, '3.tar.gz'), 3),
        saved('2', victim(dir), 2),
        saved('2b', path.join(own, '..', '..', '..', 'victim.txt'), 2),
        saved('1', path.join(own, '1.tar.gz'), 1),
      ];
    });
    const r = rig;
    r.state.start();
    await until(() => recordOf(r, 's1', '1').pruned === true, 5000, 'the prune');
    expect(existsSync(victim(r.dir))).toBe(true);
    expect(existsSync(path.join(r.dir, 'downloads', 'clouddc', 's1', '1.tar.gz'))).toBe(false);
    expect(existsSync(path.join(r.dir, 'downloads', 'clouddc', 's1', '3.tar.gz'))).toBe(true);
    expect(r.logs().match(/recorded path is outside the download folder/g)).toHaveLength(2);
  });
});
