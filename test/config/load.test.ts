// Loading valid configurations: defaults and overrides, ${VAR} substitution, *_file secrets, files and regexes.
import * as path from 'node:path';
import { ConfigError, loadConfigFile } from '../../src/config/load';
import { jobSelected } from '../../src/config/types';
import type { AhsayTarget } from '../../src/products/ahsay/config';
import type { HuaweiTarget } from '../../src/products/huawei_clouddc/config';
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { load, problemsOf, REGISTRY, TempDir } from './helpers';

const tmp = new TempDir();
afterAll(() => tmp.remove());

const m365 = (extra = '', auth = 'auth: { username: monitor, password: pw }') =>
  `targets:\n  - name: m365\n    product: veeam_m365\n    url: https://vb365.example.com:4443/\n    ${auth}\n${extra}`;

test('targets: [] and an empty global are valid', async () => {
  expect(await load(tmp, 'global:\ntargets: []\n')).toEqual({ targets: [], secrets: [] });
});

test('defaults apply when nothing is set', async () => {
  const { targets } = await load(tmp, m365());
  const t = targets[0] as VeeamM365Target;
  expect(t).toMatchObject({
    name: 'm365',
    product: 'veeam_m365',
    url: 'https://vb365.example.com:4443',
    timeoutMs: 30_000,
    minIntervalMs: 30_000,
    inventoryTtlMs: 300_000,
    concurrency: 8,
    lookbackMs: 7 * 86_400_000,
    warningIsSuccess: true,
    tls: { insecureSkipVerify: false },
    auth: { username: 'monitor', password: 'pw' },
  });
  expect(t.apiVersion).toBeUndefined();
  expect(jobSelected(t.jobs, 'anything')).toBe(true);
});

test('global values apply to every target and a target overrides them', async () => {
  const yaml = `global: { timeout: 10s, min_interval: 0s, inventory_ttl: 1h, concurrency: 2, lookback: 3d, warning_is_success: false }\n${m365(
    '    timeout: 5s\n    concurrency: 4\n    lookback: 1w\n    api_version: v6\n',
  )}  - name: hw\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth: { token: tk }\n`;
  const [a, b] = (await load(tmp, yaml)).targets as [VeeamM365Target, HuaweiTarget];
  expect(a).toMatchObject({
    timeoutMs: 5_000,
    minIntervalMs: 0,
    inventoryTtlMs: 3_600_000,
    concurrency: 4,
    lookbackMs: 604_800_000,
    warningIsSuccess: false,
    apiVersion: 'v6',
  });
  expect(b).toMatchObject({
    timeoutMs: 10_000,
    minIntervalMs: 0,
    inventoryTtlMs: 3_600_000,
    concurrency: 2,
    projectId: 'p',
    servers: [],
  });
  expect(b).not.toHaveProperty('lookbackMs');
  expect(b.logExports).toBeUndefined();
});

test('job filters are anchored and exclude wins; an empty include selects everything', async () => {
  const t = (await load(tmp, m365("    jobs: { include: ['Daily.*', 'b'], exclude: ['.*Test'] }\n")))
    .targets[0] as VeeamM365Target;
  expect(['Daily 1', 'b', 'ab', 'bc', 'Daily Test'].filter((n) => jobSelected(t.jobs, n))).toEqual(['Daily 1', 'b']);
  const all = (await load(tmp, m365('    jobs: { include: [] }\n'))).targets[0] as VeeamM365Target;
  expect(jobSelected(all.jobs, 'x')).toBe(true);
});

test('${VAR} is substituted in every string, $${ stays literal, and line numbers are unaffected', async () => {
  const env = { HOST: 'vb365.example.com', PW: 'p@ss ${NOT_A_VAR}\nline2', USER: 'mon' };
  const yaml =
    m365('', 'auth: { username: "${USER}itor", password: "${PW}" }').replace('vb365.example.com', '${HOST}') +
    "    jobs: { include: ['$${literal}', 'a$$b'] }\n";
  const t = (await load(tmp, yaml, env)).targets[0] as VeeamM365Target;
  expect(t.url).toBe('https://vb365.example.com:4443');
  expect(t.auth).toEqual({ username: 'monitor', password: 'p@ss ${NOT_A_VAR}\nline2' });
  expect(t.jobs.include.map((r) => r.source)).toEqual(['^(?:${literal})$', '^(?:a$$b)$']);
  expect(await problemsOf(tmp, `${yaml}    bogus: 1\n`, env)).toEqual(['config.yaml:7: targets[0].bogus: unknown key']);
});

test('*_file secrets lose one trailing newline, are resolved against the config directory, and are collected', async () => {
  tmp.write('pw.txt', 'from-file\n\n');
  tmp.write('token.txt', 'tok-value\r\n');
  tmp.write('sk.txt', 'sk-value');
  tmp.write('iam.txt', 'iam-value\n');
  const yaml = `${m365('', 'auth: { username: monitor, password_file: pw.txt }')}  - name: hw1
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { token_file: ${path.join(tmp.dir, 'token.txt')} }
  - name: hw2
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { access_key: AK1, secret_key_file: sk.txt }
  - name: hw3
    product: huawei_clouddc
    url: https://h
    project_id: p
    auth: { iam: { url: https://iam.example.com/, domain: acme, username: u, password_file: ./iam.txt } }
    log_exports: { state_file: state.json, download_dir: exports, every: 1h, keep: 5 }
`;
  const config = await load(tmp, yaml);
  const [a, b, c, d] = config.targets as [VeeamM365Target, HuaweiTarget, HuaweiTarget, HuaweiTarget];
  expect(a.auth.password).toBe('from-file\n');
  expect(b.auth).toEqual({ kind: 'token', token: 'tok-value' });
  expect(c.auth).toEqual({ kind: 'aksk', accessKey: 'AK1', secretKey: 'sk-value' });
  expect(d.auth).toEqual({
    kind: 'iam',
    url: 'https://iam.example.com',
    domain: 'acme',
    username: 'u',
    password: 'iam-value',
  });
  expect(d.logExports).toEqual({
    everyMs: 3_600_000,
    keep: 5,
    stateFile: path.join(tmp.dir, 'state.json'),
    downloadDir: path.join(tmp.dir, 'exports'),
  });
  expect(config.secrets).toEqual(['from-file\n', 'tok-value', 'sk-value', 'iam-value']);
});

test('an empty or unreadable secret file is an error', async () => {
  tmp.write('empty.txt', '\n');
  expect(await problemsOf(tmp, m365('', 'auth: { username: monitor, password_file: empty.txt }'))).toEqual([
    'config.yaml:5: targets[0].auth.password_file: file empty.txt is empty',
  ]);
  expect(await problemsOf(tmp, m365('', 'auth: { username: monitor, password_file: missing.txt }'))).toEqual([
    'config.yaml:5: targets[0].auth.password_file: cannot read missing.txt (ENOENT)',
  ]);
});

test('tls.ca_file is read into tls.ca; a file without a certificate is an error', async () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  tmp.write('ca.pem', pem);
  tmp.write('not-ca.pem', 'hello');
  const t = (await load(tmp, m365('    tls: { ca_file: ca.pem }\n'))).targets[0]!;
  expect(t.tls).toEqual({ ca: pem, caFile: path.join(tmp.dir, 'ca.pem'), insecureSkipVerify: false });
  expect(await problemsOf(tmp, m365('    tls:\n      ca_file: not-ca.pem\n'))).toEqual([
    'config.yaml:7: targets[0].tls.ca_file: not-ca.pem contains no PEM certificate',
  ]);
});

test('ahsay target', async () => {
  const yaml =
    'targets:\n  - name: cbs\n    product: ahsay\n    url: http://cbs:8080\n    timezone: Asia/Hong_Kong\n    auth: { username: sys, password: pw }\n    users: [alice, bob]\n';
  const t = (await load(tmp, yaml)).targets[0] as AhsayTarget;
  expect(t).toMatchObject({
    timezone: 'Asia/Hong_Kong',
    users: ['alice', 'bob'],
    url: 'http://cbs:8080',
    auth: { username: 'sys', password: 'pw' },
  });
});

test('loadConfigFile names an unreadable file', async () => {
  const file = path.join(tmp.dir, 'nope.yaml');
  await expect(loadConfigFile(file, REGISTRY, {})).rejects.toThrow(
    new ConfigError([`${file}: cannot read configuration file (ENOENT)`]),
  );
});

test('config.example.yaml loads when its variables are set', async () => {
  const env = {
    VB365_PASSWORD: 'a-secret',
    VBA_PASSWORD: 'b-secret',
    CBS_PASSWORD: 'c-secret',
    HW_PASSWORD: 'd-secret',
  };
  const config = await loadConfigFile(path.join(__dirname, '../../config.example.yaml'), REGISTRY, env);
  expect(config.targets.map((t) => `${t.name}/${t.product}`)).toEqual([
    'm365-prod/veeam_m365',
    'azure/veeam_azure',
    'cbs/ahsay',
    'clouddc/huawei_clouddc',
  ]);
  expect(config.secrets.sort()).toEqual(Object.values(env).sort());
});
