// Property-based tests of configuration loading: any text, any YAML shape near the schema, any mutation of a
// valid file and any duration either loads or is refused with a ConfigError; nothing else ever escapes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConfigError, loadConfigText } from '../../src/config/load';
import { loadWebConfig } from '../../src/config/web';
import { parseDuration } from '../../src/config/duration';
import { REGISTRY } from '../config/helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'config-property-'));
const FILE = path.join(dir, 'config.yaml');
const ENV = { PW: 'from-env' };
const RUNS = { numRuns: 300 };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALID = `global:
  timeout: 30s
  min_interval: 0s
targets:
  - name: m365
    product: veeam_m365
    url: https://vb365.example.com:4443
    api_version: v8
    auth: { username: monitor, password: \${PW} }
    jobs: { include: ['.*'], exclude: ['Test.*'] }
  - name: cbs
    product: ahsay
    url: https://cbs.example.com
    timezone: Asia/Hong_Kong
    auth: { username: api, password: pw }
  - name: dc
    product: huawei_clouddc
    url: https://clouddc.example.com
    project_id: p1
    auth: { token: tok }
`;

/** Loads; true when it loaded, false for a ConfigError. Anything else fails the property. */
async function loads(text: string): Promise<boolean> {
  try {
    await loadConfigText(text, FILE, REGISTRY, ENV);
    return true;
  } catch (err) {
    if (err instanceof ConfigError) {
      expect(err.message).toContain('config.yaml');
      return false;
    }
    throw err;
  }
}

test('the base file loads (so the mutations below start from a valid configuration)', async () => {
  expect(await loads(VALID)).toBe(true);
});

test('any text', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
      async (text) => {
        await loads(text);
      },
    ),
    RUNS,
  );
});

test('any mutation of a valid file', async () => {
  const edit = fc.record({
    at: fc.nat({ max: VALID.length }),
    cut: fc.nat({ max: 20 }),
    insert: fc.string({ maxLength: 12 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
      let text = VALID;
      for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut);
      await loads(text);
    }),
    RUNS,
  );
});

const KEYS = [
  'name',
  'product',
  'url',
  'api_version',
  'auth',
  'tls',
  'jobs',
  'timezone',
  'users',
  'project_id',
  'servers',
  'log_exports',
  'timeout',
  'min_interval',
  'inventory_ttl',
  'concurrency',
  'lookback',
  'warning_is_success',
  'username',
  'password',
  'password_file',
  'token',
  'token_file',
  'iam',
  'access_key',
  'secret_key',
  'secret_key_file',
  'include',
  'exclude',
  'ca_file',
  'insecure_skip_verify',
  'every',
  'keep',
  'state_file',
  'download_dir',
  '__proto__',
  'constructor',
];
const PRODUCTS = ['veeam_m365', 'veeam_azure', 'ahsay', 'huawei_clouddc', 'nope'];

test('any YAML shape near the schema', async () => {
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(...PRODUCTS),
    fc.constantFrom('30s', '0s', '-1s', '1e3', 'v8', 'http://x', '${PW}', '${UNSET}', '$${x}', '(', '['),
  );
  const node = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
  }));
  const target = fc
    .record({ name: fc.string({ maxLength: 8 }), product: fc.constantFrom(...PRODUCTS) })
    .chain((base) => node.object.map((rest) => ({ ...rest, ...base })));
  const root = fc.record({ global: node.object, targets: fc.array(target, { maxLength: 3 }) }, { requiredKeys: [] });
  await fc.assert(
    fc.asyncProperty(root, async (data) => {
      await loads(stringify(data));
    }),
    RUNS,
  );
});

test('durations in the config load exactly as parseDuration reads them, or are refused naming the key', async () => {
  const duration = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc
      .tuple(fc.nat({ max: 10_000 }), fc.constantFrom('y', 'w', 'd', 'h', 'm', 's', 'ms', 'us', ''))
      .map(([n, u]) => `${n}${u}`),
  );
  await fc.assert(
    fc.asyncProperty(duration, async (d) => {
      let ms: number | undefined;
      try {
        ms = parseDuration(d);
      } catch {
        ms = undefined;
      }
      const text = `global:\n  timeout: ${JSON.stringify(d)}\ntargets: []\n`;
      try {
        await loadConfigText(text, FILE, REGISTRY, ENV);
        expect(ms).toBeGreaterThan(0);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        expect(err.message).toMatch(/global\.timeout/);
      }
    }),
    RUNS,
  );
});

test('any web config text', async () => {
  const web = path.join(dir, 'web.yaml');
  const shaped = fc
    .dictionary(
      fc.constantFrom(
        'tls_server_config',
        'basic_auth_users',
        'cert_file',
        'key_file',
        'client_auth_type',
        'min_version',
        'x',
      ),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(`$2y$10$${'a'.repeat(53)}`, 'TLS13', 'RequireAnyClientCert'),
      ),
      { maxKeys: 4 },
    )
    .map((o) => stringify(o));
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string(), shaped), async (text) => {
      writeFileSync(web, text);
      try {
        await loadWebConfig(web);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
      }
    }),
    { numRuns: 200 },
  );
});
