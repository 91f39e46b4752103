// Fixed-width tables and the units of the benchmark's printed figures.
import { fmtMs } from './measure';

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => rows.reduce((m, r) => Math.max(m, (r[i] ?? '').length), h.length));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const kb = (b: number): string => (Number.isNaN(b) ? '-' : `${(b / 1024).toFixed(0)} KiB`);
export const mb = (b: number): string => (Number.isNaN(b) ? '-' : `${(b / 2 ** 20).toFixed(0)} MB`);
export const cpuMs = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
export const wall = fmtMs;

/** The column name of a product: its bench target's name without `-bench`. */
export function shortName(target: string): string {
  return target.replace(/-bench$/, '');
}

export function verdictTable(
  verdicts: ReadonlyArray<{ target: string; limit: string; measured: string; met: boolean }>,
) {
  return table(
    ['target', 'limit', 'measured', 'met'],
    verdicts.map((v) => [v.target, v.limit, v.measured, v.met ? 'yes' : 'NO']),
  );
}
