// This run against the reference figures: each headline figure with its change, regressions called out.
import { type Comparison, fmt, PER_REQUEST_TOLERANCE, pct } from './compare';
import { table } from './table-format';

export function formatComparison(c: Comparison, reference: string): string {
  if (c.skipped) return `Compared with ${reference}: nothing (${c.skipped}).`;
  const rows = c.rows.map((r) => [
    r.figure,
    `${fmt(r.reference)}${r.unit ? ` ${r.unit}` : ''}`,
    `${fmt(r.now)}${r.unit ? ` ${r.unit}` : ''}`,
    `${r.change >= 0 ? '+' : ''}${pct(r.change)}`,
    r.regression ? 'REGRESSION' : '',
  ]);
  const verdict =
    c.regressions.length === 0
      ? `No regression of the per-request figure beyond +${(PER_REQUEST_TOLERANCE * 100).toFixed(0)} %.`
      : `REGRESSION beyond +${(PER_REQUEST_TOLERANCE * 100).toFixed(0)} %: ${c.regressions.join('; ')}`;
  return [`Compared with ${reference}:`, table(['figure', 'reference', 'now', 'change', ''], rows), verdict].join(
    '\n\n',
  );
}
