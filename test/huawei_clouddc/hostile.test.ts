// Hostile or broken upstreams and a broken disk, each beside what must keep working: ids that would address
// another URL path, listings that never end, and a state file that cannot be read or written.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UpstreamError } from '../../src/common/errors';
import { huaweiCloudDc } from '../../src/products/huawei_clouddc';
import type { HuaweiTarget } from '../../src/products/huawei_clouddc/config';
import type { PagingMode } from '../../src/simulators/huawei_clouddc/world';
import { advanceUntil, useFakeClock } from './clock';
import { DAY, type Harness, harness, logLines, NOW, stateOf, withExports } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  jest.useRealTimers();
});
const small = { scale: { servers: 6 } };

/** Every path the client may build; the captured segments are one encoded server id and one export id. */
const INTENDED = /^\/v1\/proj1\/physicalservers(?:\?[^/]*|\/([^/?]+)\/logs\/exports(?:\/([^/?]+)(?:\/content)?)?)$/;

describe('ids from the API in URL paths', () => {
  test('no request leaves its path; `.` and `..` get no export and hold no one up; the others keep their series', async () => {
    const x = await harness({ ...small, oddIds: true }, withExports());
    h = x;
    useFakeClock(NOW);
    x.main.state.start();
    await advanceUntil(() => x.sim.counters.creates === 8, 3 * 60_000, 'every other server started');
    // Eight starts 10 s apart: `.` and `..` took no turn (each would add 10 s).
    const starts = logLines(x)
      .filter((l) => l.msg === 'log export started')
      .map((l) => Number(l.time));
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(80_000);
    for (const id of ['.', '..']) {
      expect(await x.main.state.startLogExport(id)).toMatchObject({
        status: 400,
        reason: expect.stringContaining('URL'),
      });
    }
    for (let i = 0; i < 3; i++) await x.main.collect();
    const out = await x.main.collect();
    expect(out.failed).toEqual([]);
    const ids = new Set(x.sim.servers.map((s) => s.id));
    const withSeries = new Set(
      out.samples.filter((s) => s.name.startsWith('backup_server_')).map((s) => s.labels.server_id),
    );
    expect(withSeries).toEqual(ids);
    const exported = [...ids].filter((id) => stateOf(out.samples, 'backup_log_export_status', id) !== undefined);
    expect(exported.sort()).toEqual([...ids].filter((id) => id !== '.' && id !== '..').sort());
    for (const q of x.sim.requests) {
      const m = INTENDED.exec(q.path);
      expect([q.method, q.path, m !== null]).toEqual([q.method, q.path, true]);
      if (m?.[1]) expect(ids.has(decodeURIComponent(m[1]))).toBe(true);
    }
    expect(x.logs().match(/server id cannot be used in a URL path/g)).toHaveLength(2);
  });
});

describe('listings that never end', () => {
  test.each<[PagingMode, RegExp]>([
    ['repeat-first', /a page repeats an earlier one/],
    ['stuck-marker', /page_info\.next_marker repeats an earlier marker/],
  ])(
    '%s: a decode error naming the endpoint after two pages; a healthy target beside it is untouched',
    async (paging, why) => {
      h = await harness({ paging, maxLimit: 10 });
      const healthy = await harness({ maxLimit: 10 });
      try {
        const [err, good] = await Promise.all([h.main.collect().catch((e: unknown) => e), healthy.main.collect()]);
        expect(err).toMatchObject({ kind: 'decode', details: { path: '/v1/proj1/physicalservers' } });
        expect((err as UpstreamError).message).toMatch(why);
        expect(h.sim.requests.filter((r) => r.path.includes('/physicalservers?'))).toHaveLength(2);
        expect(good.failed).toEqual([]);
        expect(new Set(good.samples.map((s) => s.labels.server_id)).size).toBe(24);
      } finally {
        await healthy.close();
      }
    },
  );
});

describe('a state file that cannot be written or read', () => {
  const nested = (_sim: unknown, dir: string): Partial<HuaweiTarget> => ({
    logExports: { everyMs: DAY, keep: 2, stateFile: path.join(dir, 'state', 'state.json') },
  });
  const post = (h: Harness, server: string) =>
    huaweiCloudDc.actions![0]!.run(h.main.state, new URLSearchParams({ target: 'clouddc', server }));

  test('after the export started: 202 with a warning, known in memory, written with the next change', async () => {
    const x = await harness(small, nested);
    h = x;
    const id = x.sim.servers[0]!.id;
    await x.main.collect();
    // Where the state directory should be there is a file: nothing can be written there (also as root).
    writeFileSync(path.join(x.dir, 'state'), 'not a directory');
    const warning = expect.stringContaining('the state file could not be written');
    expect(await post(x, id)).toEqual({
      status: 202,
      json: { target: 'clouddc', server: id, export_id: '1', warning },
    });
    const logged = logLines(x).find((l) => String(l.msg).includes('state file could not be written'));
    expect(logged).toMatchObject({ level: 50, target: 'clouddc', server: id, export_id: '1' });
    expect(await post(x, id)).toMatchObject({ status: 409 });
    expect(x.sim.counters.creates).toBe(1);
    const out = await x.main.collect();
    expect(out.failed.map((f) => f.collector)).toEqual(['log_exports']);
    rmSync(path.join(x.dir, 'state'));
    expect((await x.main.collect()).failed).toEqual([]);
    const saved = JSON.parse(readFileSync(path.join(x.dir, 'state', 'state.json'), 'utf8')) as { exports: unknown[] };
    expect(saved.exports).toEqual([expect.objectContaining({ serverId: id, exportId: '1' })]);
  });

  test('before any export: 409 with the reason, nothing started, logged with the target', async () => {
    const x = await harness(small, nested);
    h = x;
    writeFileSync(path.join(x.dir, 'state'), 'not a directory');
    const r = await post(x, x.sim.servers[0]!.id);
    expect(r).toMatchObject({ status: 409, text: expect.stringContaining('state file cannot be read') });
    expect(x.sim.counters.creates).toBe(0);
    expect(logLines(x).find((l) => l.level === 50)).toMatchObject({ target: 'clouddc' });
  });
});
