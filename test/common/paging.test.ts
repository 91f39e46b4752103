// Every listing ends: a page that repeats an earlier one, or more items than any real estate, is a decode
// error naming the endpoint.
import { UpstreamError } from '../../src/common/errors';
import { MAX_LIST_ITEMS, PageGuard } from '../../src/common/paging';

test('distinct pages pass and are counted', () => {
  const g = new PageGuard('/v8/Jobs');
  g.page([{ id: 1 }, { id: 2 }]);
  g.page([{ id: 3 }]);
  g.page([]);
  expect(g.total).toBe(3);
});

test('a page that repeats an earlier one ends the listing', () => {
  const g = new PageGuard('/v8/Jobs');
  g.page([{ id: 1 }, { id: 2 }]);
  g.page([{ id: 3 }, { id: 4 }]);
  let err: unknown;
  try {
    g.page([{ id: 1 }, { id: 2 }]);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UpstreamError);
  expect(err).toMatchObject({ kind: 'decode', details: { path: '/v8/Jobs' } });
  expect((err as Error).message).toMatch(/\/v8\/Jobs: a page repeats an earlier one/);
});

test('at most a million items per listing by default; the bound is a decode error naming the endpoint', () => {
  expect(MAX_LIST_ITEMS).toBeGreaterThanOrEqual(1_000_000);
  const g = new PageGuard('/v8/LicensedUsers', 5);
  g.page([1, 2, 3]);
  expect(() => g.page([4, 5, 6])).toThrow(/\/v8\/LicensedUsers: more than 5 items in one listing/);
});
