// parseCbsTime remembers parsed times (each collection reads today's lists again): a second parse must give
// what luxon gives, also around DST changes, where the answer is not remembered.
import { DateTime } from 'luxon';
import { parseCbsTime } from '../../src/products/ahsay/times';

const fresh = (s: string, zone: string): number => DateTime.fromFormat(s, 'yyyy-MM-dd HH:mm:ss', { zone }).toSeconds();

test.each([
  ['2026-11-20 10:15:00', 'Europe/Berlin'],
  ['2026-11-20 10:15:00', 'Asia/Hong_Kong'],
  ['2026-10-25 02:30:00', 'Europe/Berlin'], // fall back: ambiguous
  ['2026-10-24 23:30:00', 'Europe/Berlin'], // the evening before the change
  ['2026-03-29 02:30:00', 'Europe/Berlin'], // spring forward: in the gap
  ['2026-06-01 00:00:00', 'UTC'],
])('%s in %s, parsed twice', (s, zone) => {
  const first = parseCbsTime(s, zone);
  expect(first).toBe(fresh(s, zone));
  expect(parseCbsTime(s, zone)).toBe(first);
  expect(parseCbsTime(` ${s} `, zone)).toBe(first);
});

test('the same text in another zone is another instant', () => {
  const berlin = parseCbsTime('2026-11-20 10:15:00', 'Europe/Berlin');
  const hk = parseCbsTime('2026-11-20 10:15:00', 'Asia/Hong_Kong');
  expect(berlin! - hk!).toBe(7 * 3600);
});
