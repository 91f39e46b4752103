// Secrets never leave the loader: not in error messages, not in the redacted view of a target.
import { stringify } from 'yaml';
import { showTarget } from '../../src/config/redact';
import { load, problemsOf, REGISTRY, TempDir } from './helpers';

const tmp = new TempDir();
afterAll(() => tmp.remove());

const SECRET = 'Sup3r-S3cret-Value';

test('redactTarget shows every secret as <secret> and keeps the rest readable', async () => {
  tmp.write('sk', `${SECRET}-sk\n`);
  const yaml = `global: { lookback: 14d }
targets:
  - name: m365
    product: veeam_m365
    url: https://vb365:4443
    auth: { username: monitor, password: "${SECRET}-m365" }
    jobs: { include: ['Daily.*'] }
  - name: cbs
    product: ahsay
    url: https://cbs
    timezone: UTC
    auth: { username: sys, password: "${SECRET}-cbs" }
  - name: tok
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { token: "${SECRET}-token" }
  - name: iam
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { iam: { url: https://iam, domain: d, username: u, password: "${SECRET}-iam" } }
    log_exports: { state_file: /tmp/s.json }
  - name: aksk
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { access_key: AKID, secret_key_file: sk }
`;
  const config = await load(tmp, yaml);
  expect(config.secrets).toHaveLength(5);
  const shown = config.targets.map((t) => showTarget(t, REGISTRY));
  const text = stringify(shown);
  expect(text).not.toContain(SECRET);
  expect(text.match(/<secret>/g)).toHaveLength(5);
  expect(shown[0]).toEqual({
    name: 'm365',
    product: 'veeam_m365',
    url: 'https://vb365:4443',
    timeout: '30s',
    min_interval: '30s',
    inventory_ttl: '5m',
    concurrency: 8,
    tls: { insecure_skip_verify: false },
    collectors: ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'proxies'],
    auth: { username: 'monitor', password: '<secret>' },
    lookback: '2w',
    warning_is_success: true,
    jobs: { include: ['Daily.*'], exclude: [] },
  });
  expect(shown[3]).toMatchObject({
    auth: { iam: { url: 'https://iam', domain: 'd', username: 'u', password: '<secret>' } },
    log_exports: { every: '1d', keep: 3, state_file: '/tmp/s.json' },
  });
  expect(shown[4]).toMatchObject({ auth: { access_key: 'AKID', secret_key: '<secret>' } });
});

// Each of these puts the secret where a careless loader would echo it.
const leaks: Array<[string, string]> = [
  ['secret of the wrong type', `password: [${SECRET}]`],
  ['secret under an unknown key', `password: x\n      passwd: ${SECRET}`],
  ['secret and its file', `password: ${SECRET}\n      password_file: ${SECRET}`],
  ['secret in a YAML syntax error', `password: "${SECRET}`],
  ['secret as an unexpected token', `password: x\n ${SECRET}: ${SECRET}`],
  ['secret in an unterminated variable reference', `password: \${${SECRET}`],
  ['secret that looks like a variable reference', `password: "\${${SECRET}}"`],
  ['secret as a variable value used in a bad url', `password: x\n    url2: y`],
];

test.each(leaks)('no message contains the secret: %s', async (_name, auth) => {
  const yaml = `targets:\n  - name: m365\n    product: veeam_m365\n    url: \${URL}\n    auth:\n      username: u\n      ${auth}\n`;
  const lines = await problemsOf(tmp, yaml, { URL: `https://h/?token=${SECRET}`, S: SECRET });
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toContain(SECRET);
});

test('a YAML parser message that quotes source text does not carry the secret', async () => {
  const lines = await problemsOf(tmp, `targets: []\n}${SECRET}\n`);
  expect(lines).toContain('config.yaml:2: YAML syntax error: Unexpected scalar token in YAML stream');
  for (const line of lines) expect(line).not.toContain(SECRET);
});
