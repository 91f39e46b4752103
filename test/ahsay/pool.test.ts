import { UpstreamError } from '../../src/core/errors';
import { pool } from '../../src/products/ahsay/pool';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('never more than `limit` items in progress, every item done, results in input order', async () => {
  let active = 0;
  let peak = 0;
  const items = Array.from({ length: 200 }, (_, i) => i);
  const results = await pool(items, 4, new AbortController().signal, async (i) => {
    active++;
    peak = Math.max(peak, active);
    await tick();
    active--;
    if (i === 7) throw new Error('seven');
    return i * 2;
  });
  expect(peak).toBe(4);
  expect(results).toHaveLength(200);
  expect(results[3]).toEqual({ ok: true, value: 6 });
  expect(results[7]).toMatchObject({ ok: false });
});

test('after the signal aborts no new item starts; the rest fail as timeouts', async () => {
  const ac = new AbortController();
  let started = 0;
  const results = await pool(Array.from({ length: 10 }, (_, i) => i), 2, ac.signal, async (i) => {
    started++;
    if (i === 1) ac.abort();
    await tick();
    return i;
  });
  expect(started).toBe(2);
  expect(results.filter((r) => r.ok)).toHaveLength(2);
  const failed = results.find((r) => !r.ok);
  expect(failed && !failed.ok && failed.error).toBeInstanceOf(UpstreamError);
  expect(failed && !failed.ok && (failed.error as UpstreamError).kind).toBe('timeout');
});

test('an empty list starts nothing', async () => {
  expect(await pool([], 8, new AbortController().signal, async () => 1)).toEqual([]);
});
