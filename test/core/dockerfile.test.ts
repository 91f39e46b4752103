// The image cannot be built here (no container engine), so the Dockerfile is linted and its essentials checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';

const text = readFileSync(path.join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
const instructions = text.split('\n').filter((l) => /^[A-Z]+\s/.test(l));

describe('Dockerfile', () => {
  test('lints clean', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  test('multi-stage on the Node 24 image, production dependencies only in the final stage', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms).toHaveLength(2);
    for (const f of froms) expect(f).toMatch(/^FROM node:24-/);
    const final = text.slice(text.lastIndexOf('\nFROM '));
    expect(final).toMatch(/npm ci --omit=dev/);
    expect(final).toMatch(/COPY --from=build \/src\/dist/);
    expect(final).not.toMatch(/COPY src/);
  });

  test('runs as a non-root user, exposes 9897 and reads the config from /etc/backup-exporter', () => {
    const final = text.slice(text.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^EXPOSE 9897$/m);
    expect(final).toContain('--config.file=/etc/backup-exporter/config.yaml');
  });
});
