// docs/metrics.md is generated from the metric definitions (src/core/families.ts and the self-metrics), so
// the documentation cannot drift from what the exporter serves. `npm run docs` rewrites it; a test fails
// when the committed file is stale.
import { FAMILIES } from '../core/families';
import { SelfMetrics } from '../core/self-metrics';

interface Described {
  name: string;
  type: string;
  help: string;
  labels: string[];
}

function selfFamilies(): Described[] {
  const m = new SelfMetrics({ defaultMetrics: false });
  return m.registry.getMetricsAsArray().map((metric) => {
    const x = metric as unknown as { name: string; help: string; type: string; labelNames: string[] };
    return { name: x.name, type: String(x.type), help: x.help, labels: [...x.labelNames] };
  });
}

function table(rows: Described[]): string {
  const lines = ['| metric | type | labels | help |', '|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| \`${r.name}\` | ${r.type} | ${r.labels.map((l) => `\`${l}\``).join(', ')} | ${r.help} |`);
  return lines.join('\n');
}

export function metricsMarkdown(): string {
  const target = Object.entries(FAMILIES).map(([name, d]) => ({
    name,
    type: d.type,
    help: d.help,
    labels: ['target', 'product', ...d.labels],
  }));
  return `# Metrics

Generated from the metric definitions by \`npm run docs\`; do not edit by hand.

## Target series (\`/metrics\` and \`/probe\`)

Every series carries \`target\` and \`product\`. Job series carry \`tenant\`, \`job_id\`, \`job_name\`, \`job_type\` and,
for ahsay, \`destination_id\`; a label a product cannot give is absent (never an empty string). Times are Unix
seconds, ratios 0..1, sizes bytes.

${table(target)}

## Exporter self-metrics (\`/metrics\` only)

Besides these, the standard \`process_*\` and \`nodejs_*\` metrics of prom-client are served, except the three
\`nodejs_active_*_total\` gauges (a gauge must not end in \`_total\`).

${table(selfFamilies())}
`;
}
