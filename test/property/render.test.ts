// Property-based test of the exposition writer: any label value (quotes, backslashes, line breaks, any
// unicode) renders to one line per sample that Prometheus' unescaping turns back into the same value.
import fc from 'fast-check';
import { renderExposition } from '../../src/core/render';

/** The label values of one sample line, unescaped as Prometheus' text parser does (\\ \" \n). */
function parseLabels(line: string): string[] {
  const body = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
  return [...body.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)),
  );
}

test('label values round-trip and every sample stays on one line', () => {
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('"', '\\', '\n', '\\n', '\r\n', '"}', '} 1\nfake_metric 2', '\u2028'),
  );
  fc.assert(
    fc.property(value, value, fc.double(), (jobName, tenant, v) => {
      const text = renderExposition([
        {
          target: 't',
          product: 'veeam_m365',
          samples: [
            {
              name: 'backup_job_enabled',
              labels: { tenant, job_id: 'j', job_name: jobName, job_type: 'Backup' },
              value: v,
            },
          ],
        },
      ]);
      const lines = text.split('\n').filter((l) => l !== '');
      expect(lines.filter((l) => !l.startsWith('#'))).toHaveLength(1);
      const sample = lines.find((l) => l.startsWith('backup_job_enabled{'))!;
      expect(parseLabels(sample)).toEqual(['t', 'veeam_m365', tenant, 'j', jobName, 'Backup']);
    }),
    { numRuns: 1000 },
  );
});
