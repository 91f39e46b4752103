// The image cannot be built here (no container engine), so the Dockerfile is linted and its essentials checked:
// what it compiles, what the final image contains, the user it runs as and where that user may write.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { NODE_FLAGS } from '../../src/main';

const ROOT = path.join(__dirname, '..', '..');
const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** The instructions of each stage (continuation lines joined), by stage name; the final stage is ''. */
function stages(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const from = /^FROM \S+(?: AS (\S+))?$/.exec(line);
    if (from) {
      current = [];
      out.set(from[1] ?? '', current);
    } else if (/^[A-Z]+ /.test(line)) current.push(line);
  }
  return out;
}

const all = stages();
const final = all.get('') ?? [];

describe('Dockerfile', () => {
  test('lints clean', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  test('every stage is on the Node 24 image; the final stage is the last', () => {
    const froms = text.split('\n').filter((l) => l.startsWith('FROM '));
    expect(froms).toHaveLength(3);
    for (const f of froms) expect(f).toMatch(/^FROM node:24-bookworm-slim( AS \w+)?$/);
    expect(froms.at(-1)).toBe('FROM node:24-bookworm-slim');
  });

  test('compiles with tsconfig.runtime.json, which only takes what src/main.ts imports', () => {
    expect(all.get('build')).toContain('RUN npx tsc -p tsconfig.runtime.json');
    const runtime = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.runtime.json'), 'utf8'));
    expect({ files: runtime.files, include: runtime.include }).toEqual({ files: ['src/main.ts'], include: [] });
  });

  test('the final image holds the compiled output, production node_modules and package.json, nothing else', () => {
    const copies = final.filter((l) => l.startsWith('COPY ') || l.startsWith('ADD '));
    expect(copies).toEqual([
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY --from=build /src/dist ./dist',
    ]);
    expect(all.get('deps')).toContain('RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts');
    expect(final.filter((l) => l.startsWith('RUN ')).join('\n')).not.toMatch(/npm|tsc/);
  });

  test('runs as the unprivileged node user, with /var/lib/backup-exporter writable and a volume', () => {
    expect(final).toContain('USER node');
    const run = final.findIndex((l) =>
      /^RUN mkdir -p \/var\/lib\/backup-exporter && chown node:node \/var\/lib\/backup-exporter$/.test(l),
    );
    expect(run).toBeGreaterThanOrEqual(0);
    expect(run).toBeLessThan(final.indexOf('USER node'));
    expect(final).toContain('VOLUME ["/var/lib/backup-exporter"]');
  });

  test('exposes 9897 and reads the config from /etc/backup-exporter', () => {
    expect(final).toContain('EXPOSE 9897');
    const entry = ['node', ...NODE_FLAGS, '/app/dist/main.js'].map((a) => JSON.stringify(a)).join(', ');
    expect(final).toContain(`ENTRYPOINT [${entry}]`);
    expect(final).toContain('CMD ["--config.file=/etc/backup-exporter/config.yaml"]');
  });
});
