// The renderer writes lines byte by byte into UTF-8 blocks: whatever the order, shape and size of the samples
// (lines that cross block boundaries, escapes, non-ASCII), the exposition must equal a plain line-by-line rendering.
import fc from 'fast-check';
import { FAMILIES, type FamilyName } from '../../src/core/families';
import { formatValue, joinChunks, renderTarget } from '../../src/core/render';
import type { Labels, Sample } from '../../src/core/samples';

const NAMES: FamilyName[] = [
  'backup_job_status',
  'backup_job_enabled',
  'backup_job_last_run_files',
  'backup_target_up',
];

/** The straightforward rendering: every label escaped and written for every sample, families in order. */
function reference(target: string, product: string, samples: readonly Sample[]): string {
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  const lines = new Map<string, string[]>();
  for (const s of samples) {
    let text = `target="${esc(target)}",product="${esc(product)}"`;
    for (const [k, v] of Object.entries(s.labels)) text += `,${k}="${esc(v)}"`;
    if (!lines.has(s.name)) lines.set(s.name, []);
    lines.get(s.name)!.push(`${s.name}{${text}} ${formatValue(s.value)}\n`);
  }
  let out = '';
  for (const name of Object.keys(FAMILIES) as FamilyName[]) {
    const l = lines.get(name);
    if (!l) continue;
    const def = FAMILIES[name];
    out += `# HELP ${name} ${def.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${def.type}\n${l.join('')}`;
  }
  return out;
}

// Few distinct keys and values, so consecutive samples often share leading labels (the reuse path), and
// long or non-ASCII values so lines cross batch and block boundaries.
const key = fc.constantFrom('tenant', 'job_id', 'job_name', 'status', 'change');
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'Öl "x"\n', 'C:\\dir', '✓', ''),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 3000 }),
);
const labelsArb = fc.dictionary(key, value, { maxKeys: 4 });
const sampleArb = fc.record({
  name: fc.constantFrom(...NAMES),
  labels: labelsArb,
  value: fc.oneof(fc.integer(), fc.double()),
});

test('equals a plain rendering for any sequence of samples', () => {
  fc.assert(
    fc.property(fc.array(sampleArb, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (base, repeat) => {
      // Repeating a block of samples with the same label objects makes the output large (many blocks).
      const samples: Sample[] = [];
      for (let i = 0; i < repeat; i++) samples.push(...base);
      expect(joinChunks([renderTarget('t "1"', 'ahsay', samples)])).toBe(reference('t "1"', 'ahsay', samples));
    }),
    { numRuns: 200 },
  );
});

test('a label set that is a prefix of the previous one, or longer, or differs only in its last value', () => {
  const l1: Labels = { tenant: 'a', job_id: '1', status: 'x' };
  const samples: Sample[] = [
    { name: 'backup_job_status', labels: l1, value: 1 },
    { name: 'backup_job_status', labels: { tenant: 'a', job_id: '1' }, value: 2 },
    { name: 'backup_job_status', labels: { tenant: 'a', job_id: '1', status: 'y' }, value: 3 },
    { name: 'backup_job_status', labels: { tenant: 'a', job_id: '2', status: 'y' }, value: 4 },
    { name: 'backup_job_status', labels: { job_id: '2', tenant: 'a', status: 'y' }, value: 5 },
    { name: 'backup_job_enabled', labels: {}, value: 6 },
    { name: 'backup_job_status', labels: l1, value: 7 },
  ];
  expect(joinChunks([renderTarget('t', 'p', samples)])).toBe(reference('t', 'p', samples));
});
