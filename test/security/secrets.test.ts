// No configured secret ever leaves the process: every password, token and secret key (literal, ${ENV} and
// *_file) is looked for in everything the exporter logs and serves, while collections succeed, fail with
// wrong credentials, hit upstreams that echo the request back in their errors, and reloads fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { upOf } from '../faults/helpers';

// Distinctive values that URL and JSON encoding leave untouched, so an echo would show them verbatim.
const S = {
  m365: 'Zq7-m365-LITERAL-pw',
  iam: 'Zq7-iam-ENV-pw',
  token: 'Zq7-token-FILE',
  secretKey: 'Zq7-sk-ENV-secret',
  echoPw: 'Zq7-echo-FILE-pw',
  echoToken: 'Zq7-echo-token-LIT',
  echoIam: 'Zq7-echo-iam-LIT',
};
const ALL = Object.values(S);

const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-test-'));
const secretFile = (name: string, value: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, `${value}\n`);
  return p;
};

let m365: M365Simulator;
let huawei: HuaweiSimulator;
let echoes: Simulator[] = [];
let ex: TestExporter;
const served: string[] = [];

/** Answers everything with `status` and a body that quotes the request: headers, query and body. */
function echo(status: number, type: string): Promise<Simulator> {
  return startSimulator({
    handler: (req) => ({
      status,
      headers: { 'content-type': type },
      body: `${type.includes('html') ? '<html>' : ''}${JSON.stringify({ headers: req.headers, query: req.query.toString(), body: req.body })}`,
    }),
  });
}

function config(): string {
  const targets = [
    `  - name: m365
    product: veeam_m365
    url: ${m365.url}
    auth: { username: monitor, password: ${S.m365} }`,
    `  - name: m365-wrong
    product: veeam_m365
    url: ${m365.url}
    auth: { username: monitor, password: ${S.echoIam} }`,
    `  - name: dc-iam
    product: huawei_clouddc
    url: ${huawei.url}
    project_id: ${huawei.projectId}
    auth:
      iam: { url: ${huawei.url}, domain: acme, username: monitor, password: \${SECRETS_TEST_IAM} }`,
    `  - name: dc-token
    product: huawei_clouddc
    url: ${huawei.url}
    project_id: ${huawei.projectId}
    auth: { token_file: ${secretFile('token', S.token)} }`,
    `  - name: dc-aksk
    product: huawei_clouddc
    url: ${huawei.url}
    project_id: ${huawei.projectId}
    auth: { access_key: AKTEST, secret_key: \${SECRETS_TEST_SK} }`,
  ];
  echoes.forEach((e, i) => {
    targets.push(
      `  - name: echo-m365-${i}
    product: veeam_m365
    url: ${e.url}
    auth: { username: monitor, password_file: ${secretFile('echo-pw', S.echoPw)} }`,
      `  - name: echo-token-${i}
    product: huawei_clouddc
    url: ${e.url}
    project_id: p1
    auth: { token: ${S.echoToken} }`,
      `  - name: echo-iam-${i}
    product: huawei_clouddc
    url: ${e.url}
    project_id: p1
    auth:
      iam: { url: ${e.url}, domain: acme, username: monitor, password: ${S.echoIam} }`,
    );
  });
  return `global: { timeout: 5s, min_interval: 0s }\ntargets:\n${targets.join('\n')}\n`;
}

beforeAll(async () => {
  process.env.SECRETS_TEST_IAM = S.iam;
  process.env.SECRETS_TEST_SK = S.secretKey;
  m365 = await startM365Simulator({ version: 'v8', password: S.m365, scale: { orgs: 1, jobs: 2 } });
  huawei = await startHuaweiSimulator({
    scale: { servers: 2 },
    tokens: [S.token],
    iam: { domain: 'acme', username: 'monitor', password: S.iam },
    aksk: { accessKey: 'AKTEST', secretKey: S.secretKey },
  });
  echoes = await Promise.all([
    echo(401, 'application/json'),
    echo(400, 'application/json'),
    echo(500, 'text/plain'),
    echo(200, 'text/html'),
  ]);
  ex = await startTestExporter(config());
});

afterAll(async () => {
  await ex?.close();
  await Promise.all([m365?.close(), huawei?.close(), ...echoes.map((e) => e.close())]);
  delete process.env.SECRETS_TEST_IAM;
  delete process.env.SECRETS_TEST_SK;
  rmSync(dir, { recursive: true, force: true });
});

async function serve(p: string, method: 'GET' | 'POST' = 'GET'): Promise<string> {
  const text = method === 'GET' ? (await ex.get(p)).text : (await ex.post(p)).text;
  served.push(`${method} ${p}\n${text}`);
  return text;
}

test('the good targets are up, the others down: the secrets were really used', async () => {
  const text = await serve('/metrics');
  for (const t of ['m365', 'dc-iam', 'dc-token', 'dc-aksk']) expect(upOf(text, t)).toBe(1);
  for (const t of ['m365-wrong', 'echo-m365-0', 'echo-token-0', 'echo-iam-0', 'echo-iam-3'])
    expect(upOf(text, t)).toBe(0);
  // The echo servers did receive the secrets, so an error quoting their answer would carry them.
  expect(echoes[0]!.requests.length).toBeGreaterThan(0);
});

test('debug probes of every target, the landing page, discovery and log exports', async () => {
  const names = (JSON.parse(await serve('/targets')) as Array<{ targets: string[] }>).map((g) => g.targets[0]!);
  expect(names.length).toBe(17);
  for (const n of names) {
    const text = await serve(`/probe?target=${n}&debug=true`);
    expect(text).toContain('<secret>');
  }
  await serve('/');
  await serve('/-/log-exports?target=dc-iam&server=nope', 'POST');
});

test('failed reloads: a YAML error on a secret line, a bad key next to one, an unreadable secret file', async () => {
  const good = config();
  const broken = [
    good.replace(`password: ${S.m365} }`, `password: ${S.m365} ]`),
    good.replace(`password: ${S.m365} }`, `password: ${S.m365}, pasword: ${S.echoIam} }`),
    good.replace(
      `product: veeam_m365\n    url: ${m365.url}\n    auth: { username: monitor, password: ${S.m365} }`,
      `product: veeam_m365\n    url: ${m365.url}?token=${S.echoToken}\n    auth: { username: monitor, password: ${S.m365} }`,
    ),
    good.replace(/token_file: \S+ }/, `token_file: ${path.join(dir, 'missing')} }`),
  ];
  for (const text of broken) {
    writeFileSync(ex.configFile, text);
    const r = await serve('/-/reload', 'POST');
    expect(r).toMatch(/config\.yaml/);
  }
  writeFileSync(ex.configFile, good);
  expect(await serve('/-/reload', 'POST')).toBe('OK\n');
  await serve('/metrics');
});

test('no secret in anything served or logged', () => {
  const everything = `${served.join('\n')}\n${ex.logs()}`;
  expect(everything.length).toBeGreaterThan(10_000);
  for (const secret of ALL) {
    const at = everything.indexOf(secret);
    expect(at < 0 ? '' : everything.slice(Math.max(0, at - 200), at + 50)).toBe('');
  }
});
