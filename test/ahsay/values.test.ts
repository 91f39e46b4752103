// Values of the CBS API: Longs as numbers, strings or "", ratios as "33%" or "05", flags as true/false or Y/N,
// ids as texts or numbers. Numbers, counts and ids are read by the common helpers.
import { count, id, number } from '../../src/common/decode';
import { flag, percent } from '../../src/products/ahsay/decode';

test.each<[unknown, number | undefined, number | undefined]>([
  [1169, 1169, 1169],
  ['1169', 1169, 1169],
  [' 42 ', 42, 42],
  ['6827033', 6827033, 6827033],
  ['1.5', 1.5, 1.5],
  ['-1', -1, undefined],
  [-5, -5, undefined],
  ['', undefined, undefined],
  [null, undefined, undefined],
  [undefined, undefined, undefined],
  ['abc', undefined, undefined],
  ['33%', undefined, undefined],
  ['0x10', undefined, undefined],
  [Number.NaN, undefined, undefined],
  [Number.POSITIVE_INFINITY, undefined, undefined],
  [true, undefined, undefined],
])('number / count %j', (input, expected, expectedCount) => {
  expect(number(input)).toBe(expected);
  expect(count(input)).toBe(expectedCount);
});

test.each<[unknown, number | undefined]>([
  ['33%', 0.33],
  ['0%', 0],
  ['05', 0.05],
  [' 12.5 % ', 0.125],
  ['100%', 1],
  [33, 0.33],
  ['', undefined],
  ['%', undefined],
  ['abc', undefined],
  [null, undefined],
  [undefined, undefined],
])('percent %j', (input, expected) => {
  if (expected === undefined) expect(percent(input)).toBeUndefined();
  else expect(percent(input)).toBeCloseTo(expected, 10);
});

test.each<[unknown, boolean | undefined]>([
  [true, true],
  [false, false],
  ['true', true],
  ['false', false],
  ['TRUE', true],
  [' False ', false],
  ['Y', true],
  ['N', false],
  ['', undefined],
  ['maybe', undefined],
  [1, undefined],
  [null, undefined],
])('flag %j', (input, expected) => {
  expect(flag(input)).toBe(expected);
});

test.each<[unknown, string | undefined]>([
  ['abc', 'abc'],
  ['', undefined],
  ['  ', undefined],
  [12, '12'],
  [null, undefined],
  [{}, undefined],
])('id %j', (input, expected) => {
  expect(id(input)).toBe(expected);
});
