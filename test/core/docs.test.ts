import { readFileSync } from 'node:fs';
import path from 'node:path';
import { metricsMarkdown } from '../../src/tools/metrics-doc';

test('docs/metrics.md is what `npm run docs` generates from the metric definitions', () => {
  const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'metrics.md'), 'utf8');
  expect(committed).toBe(metricsMarkdown());
});
