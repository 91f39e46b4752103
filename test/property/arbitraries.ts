// Arbitraries and checks shared by the property tests of the vendor value parsers.
import fc from 'fast-check';

/** Any JSON value as text; String() itself throws on objects such as {"toString": null}, which JSON can hold. */
export function asText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

export const RUNS = { numRuns: 500 };
/** Values a JSON API can send in any field, plus the strings most likely to confuse a parser. */
export const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '-',
    '.',
    '1e309',
    'NaN',
    'Infinity',
    '-0',
    '0001-01-01T00:00:00',
    '99:99:99',
    '١٢٣',
    '\u0000',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
  ),
  fc.double(),
);
export const ZONES = [
  'UTC',
  'Asia/Hong_Kong',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
];

/** undefined, or a finite number: what every numeric parser must return. */
export function finiteOrUndefined(v: number | undefined): boolean {
  return v === undefined || Number.isFinite(v);
}
