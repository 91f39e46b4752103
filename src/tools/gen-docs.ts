// Writes docs/metrics.md (see metrics-doc.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { metricsMarkdown } from './metrics-doc';

const file = path.join(__dirname, '..', '..', 'docs', 'metrics.md');
writeFileSync(file, metricsMarkdown());
process.stdout.write(`wrote ${file}\n`);
