// `npm run test:load` runs the full load (50 clients, 60 s) and soak (1,300 collections). Here the same
// program runs small, so a change that breaks it shows up in `npm test` and not only in CI's load step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const TOOL = path.join(__dirname, '..', '..', 'dist', 'tools', 'load.js');

test('the load and soak tool meets its targets on a short run and prints its figures', () => {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-semi-space-size=2',
      TOOL,
      '--seconds=2',
      '--clients=5',
      '--collections=110',
      '--warmup=100',
      '--min-interval=1',
    ],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^soak: 110 sequential collections of m365,azure,cbs,clouddc .* failed 0$/m);
  expect(r.stdout).toMatch(/^ {2}RSS after 100: [\d.]+ MB, after 110: [\d.]+ MB/m);
  expect(r.stdout).toMatch(/^load: 5 clients, 2s, .* min_interval 1s$/m);
  expect(r.stdout).toMatch(/^ {2}responses ok [1-9]\d* .*failed 0$/m);
  expect(r.stdout).not.toMatch(/^FAIL/m);
  expect(r.stdout).toContain('load and soak: all targets met');
  expect(r.status).toBe(0);
}, 90_000);
