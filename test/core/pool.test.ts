import { UpstreamError } from '../../src/common/errors';
import { mapLimit, settleLimit as pool } from '../../src/common/pool';

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
  const results = await pool(
    Array.from({ length: 10 }, (_, i) => i),
    2,
    ac.signal,
    async (i) => {
      started++;
      if (i === 1) ac.abort();
      await tick();
      return i;
    },
  );
  expect(started).toBe(2);
  expect(results.filter((r) => r.ok)).toHaveLength(2);
  const failed = results.find((r) => !r.ok);
  expect(failed && !failed.ok && failed.error).toBeInstanceOf(UpstreamError);
  expect(failed && !failed.ok && (failed.error as UpstreamError).kind).toBe('timeout');
});

test('an empty list starts nothing', async () => {
  expect(await pool([], 8, new AbortController().signal, async () => 1)).toEqual([]);
});

test('mapLimit keeps input order, bounds work in flight and fails on the first error', async () => {
  let active = 0;
  let peak = 0;
  const out = await mapLimit([5, 4, 3, 2, 1], 2, async (n) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, n));
    active--;
    return n * 10;
  });
  expect(out).toEqual([50, 40, 30, 20, 10]);
  expect(peak).toBe(2);
  const started: number[] = [];
  await expect(
    mapLimit([1, 2, 3, 4, 5, 6], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('two');
      return n;
    }),
  ).rejects.toThrow('two');
  expect(started).toEqual([1, 2]);
});
