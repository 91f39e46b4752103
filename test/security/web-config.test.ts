// The exporter-toolkit web config on the running exporter: TLS on the listener, bcrypt basic auth in front of
// every endpoint (reload and log exports included), client certificates, and re-reading on reload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { Agent, request } from 'undici';
import { selfSignedCert, type TlsMaterial } from '../../src/simulators/common';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, m365Yaml } from '../helpers/two-targets';

const dir = mkdtempSync(path.join(os.tmpdir(), 'web-config-test-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
// Port 1 on loopback refuses connections: the target is down at once, the endpoints are what is tested.
const CONFIG = configYaml('timeout: 2s, min_interval: 0s', [
  m365Yaml('http://127.0.0.1:1', { password: 'pw-of-m365' }),
]);
// Cost 4: the check is the same, only faster than the usual 10.
const hash = (pw: string): string => bcrypt.hashSync(pw, 4);

let server: TlsMaterial;
let client: TlsMaterial;
let agent: Agent;
let ex: TestExporter;

interface Reply {
  status: number;
  text: string;
  cert?: string;
}

async function call(method: 'GET' | 'POST', p: string, auth?: string, via: Agent = agent): Promise<Reply> {
  const headers: Record<string, string> = auth
    ? { authorization: `Basic ${Buffer.from(auth).toString('base64')}` }
    : {};
  const r = await request(`${ex.url}${p}`, { method, headers, dispatcher: via });
  return { status: r.statusCode, text: await r.body.text() };
}

function webConfig(users: Record<string, string>, tls: TlsMaterial = server, extra = ''): string {
  return `tls_server_config:
  cert_file: ${file(`cert-${tls === server ? 1 : 2}.pem`, tls.cert)}
  key_file: ${file(`key-${tls === server ? 1 : 2}.pem`, tls.key)}
${extra}${
  Object.keys(users).length === 0
    ? ''
    : `basic_auth_users:\n${Object.entries(users)
        .map(([u, h]) => `  ${u}: '${h}'\n`)
        .join('')}`
}`;
}

beforeAll(async () => {
  [server, client] = await Promise.all([selfSignedCert(['localhost']), selfSignedCert(['scraper'])]);
  agent = new Agent({ connect: { ca: server.cert, servername: 'localhost' } });
  ex = await startTestExporter(CONFIG, { webConfigYaml: webConfig({ prometheus: hash('right-pass') }) });
});
afterAll(async () => {
  await ex?.close();
  await agent?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENDPOINTS: Array<['GET' | 'POST', string, number]> = [
  ['GET', '/', 200],
  ['GET', '/metrics', 200],
  ['GET', '/probe?target=m365', 200],
  ['GET', '/targets', 200],
  ['GET', '/-/healthy', 200],
  ['GET', '/-/ready', 200],
  ['POST', '/-/reload', 200],
  ['POST', '/-/log-exports?target=m365&server=s1', 400],
];

test('the listener speaks TLS only', async () => {
  expect(ex.url).toMatch(/^https:/);
  await expect(request(`${ex.url.replace('https:', 'http:')}/-/healthy`)).rejects.toThrow();
});

describe.each(ENDPOINTS)('%s %s', (method, p, okStatus) => {
  test('401 without credentials, with a wrong password and an unknown user; served with the right ones', async () => {
    for (const auth of [undefined, 'prometheus:wrong-pass', 'nobody:right-pass', 'prometheus:', ':right-pass']) {
      const r = await call(method, p, auth);
      expect(r.status).toBe(401);
      expect(r.text).toBe('Unauthorized\n');
    }
    expect((await call(method, p, 'prometheus:right-pass')).status).toBe(okStatus);
  });
});

test('an unauthenticated reload does nothing', async () => {
  writeFileSync(ex.configFile, CONFIG.replace('name: m365', 'name: renamed'));
  try {
    expect((await call('POST', '/-/reload')).status).toBe(401);
    const targets = await call('GET', '/targets', 'prometheus:right-pass');
    expect(JSON.parse(targets.text)[0].targets).toEqual(['m365']);
  } finally {
    writeFileSync(ex.configFile, CONFIG);
  }
});

test('a reload re-reads the web config: new users, new certificate; a broken one keeps both', async () => {
  const webFile = path.join(ex.dir, 'web.yaml');
  const second = await selfSignedCert(['localhost']);
  writeFileSync(webFile, webConfig({ grafana: hash('new-pass') }, second));
  expect((await call('POST', '/-/reload', 'prometheus:right-pass')).status).toBe(200);
  const agent2 = new Agent({ connect: { ca: second.cert, servername: 'localhost' } });
  try {
    expect((await call('GET', '/metrics', 'grafana:new-pass', agent2)).status).toBe(200);
    expect((await call('GET', '/metrics', 'prometheus:right-pass', agent2)).status).toBe(401);
    // The old certificate is no longer served: a client trusting only it fails the handshake.
    const oldTrust = new Agent({ connect: { ca: server.cert, servername: 'localhost' } });
    await expect(call('GET', '/-/healthy', 'grafana:new-pass', oldTrust)).rejects.toThrow();
    await oldTrust.close();

    writeFileSync(webFile, 'basic_auth_users:\n  grafana: not-a-bcrypt-hash\n');
    const bad = await call('POST', '/-/reload', 'grafana:new-pass', agent2);
    expect(bad.status).toBe(500);
    expect(bad.text).toMatch(/web\.yaml:2: basic_auth_users\.grafana: must be a bcrypt hash/);
    expect((await call('GET', '/metrics', 'grafana:new-pass', agent2)).status).toBe(200);
  } finally {
    writeFileSync(webFile, webConfig({ prometheus: hash('right-pass') }));
    expect((await call('POST', '/-/reload', 'grafana:new-pass', agent2)).status).toBe(200);
    await agent2.close();
  }
});

describe('client certificates', () => {
  let mtls: TestExporter;
  let agents: Agent[] = [];
  const withCert = (cert?: TlsMaterial): Agent => {
    const a = new Agent({
      connect: { ca: server.cert, servername: 'localhost', ...(cert ? { cert: cert.cert, key: cert.key } : {}) },
    });
    agents.push(a);
    return a;
  };

  afterEach(async () => {
    await mtls?.close();
    await Promise.all(agents.map((a) => a.close()));
    agents = [];
  });

  test('RequireAndVerifyClientCert: only a certificate signed by client_ca_file gets in', async () => {
    const stranger = await selfSignedCert(['stranger']);
    const extra = `  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ${file('client-ca.pem', client.cert)}\n`;
    mtls = await startTestExporter(CONFIG, { webConfigYaml: webConfig({}, server, extra) });
    const get = async (a: Agent) => (await request(`${mtls.url}/-/healthy`, { dispatcher: a })).statusCode;
    expect(await get(withCert(client))).toBe(200);
    await expect(get(withCert())).rejects.toThrow();
    await expect(get(withCert(stranger))).rejects.toThrow();
  });

  test('VerifyClientCertIfGiven: none is fine, a certificate not signed by client_ca_file is 401', async () => {
    const stranger = await selfSignedCert(['stranger']);
    const extra = `  client_auth_type: VerifyClientCertIfGiven\n  client_ca_file: ${file('client-ca.pem', client.cert)}\n`;
    mtls = await startTestExporter(CONFIG, { webConfigYaml: webConfig({}, server, extra) });
    const get = async (a: Agent) => (await request(`${mtls.url}/-/healthy`, { dispatcher: a })).statusCode;
    expect(await get(withCert())).toBe(200);
    expect(await get(withCert(client))).toBe(200);
    expect(await get(withCert(stranger))).toBe(401);
  });

  test('RequireAnyClientCert: no certificate is 401', async () => {
    const extra = '  client_auth_type: RequireAnyClientCert\n';
    mtls = await startTestExporter(CONFIG, { webConfigYaml: webConfig({}, server, extra) });
    const get = async (a: Agent) => (await request(`${mtls.url}/metrics`, { dispatcher: a })).statusCode;
    expect(await get(withCert())).toBe(401);
    expect(await get(withCert(client))).toBe(200);
  });
});
