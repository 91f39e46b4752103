// Golden expositions: a collection rendered with a fixed clock must match a reviewed file to the byte, and must
// pass promtool. After an intended change, regenerate with UPDATE_GOLDEN=1 and review the diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderExposition } from '../../src/core/render';
import type { Sample } from '../../src/core/samples';
import { promtoolCheckMetrics, requireBinary } from './promtool';

/** One target's samples as the exporter renders them. */
export function exposition(target: string, product: string, samples: readonly Sample[]): string {
  return renderExposition([{ target, product, samples }]);
}

/** Expects `text` to equal the golden file (written first when UPDATE_GOLDEN=1). */
export function expectGolden(file: string, text: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Expects `promtool check metrics` to find nothing (skipped loudly without promtool, outside CI). */
export function expectPromtoolClean(text: string): void {
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(text)).toBe('');
}
