// The HTTP endpoints of contract 2, on the whole exporter started in-process.
import { writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';
import { configYaml, m365Yaml } from '../helpers/two-targets';

const SECRET = 'Sup3r-Secret-Value';
// Port 1 on loopback refuses connections: both targets are down, for a fast and deterministic answer.
const config = configYaml('timeout: 2s, min_interval: 0s', [
  m365Yaml('http://127.0.0.1:1', { password: SECRET }),
  `  - name: cbs
    product: ahsay
    url: http://127.0.0.1:1
    timezone: Europe/Berlin
    auth: { username: api, password: ${SECRET}2 }
`,
]);

let ex: TestExporter;
beforeAll(async () => {
  ex = await startTestExporter(config);
});
afterAll(() => ex.close());

describe('endpoints', () => {
  test('/metrics answers 200 with down targets, self-metrics, and passes promtool', async () => {
    const r = await ex.get('/metrics');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(r.text).toContain('backup_target_up{target="m365",product="veeam_m365"} 0');
    expect(r.text).toContain('backup_target_up{target="cbs",product="ahsay"} 0');
    expect(r.text).toMatch(/^backup_exporter_build_info\{version="[^"]+",revision="[^"]+",nodejs_version="v\d+/m);
    expect(r.text).toContain('backup_exporter_config_last_reload_successful 1');
    expect(r.text).toMatch(/backup_exporter_logins_total\{target="m365",product="veeam_m365",result="failure"\} \d/);
    const types = r.text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
    if (requireBinary('promtool')) expect(promtoolCheckMetrics(r.text)).toBe('');
  });

  test('/metrics is gzipped when the client accepts it', async () => {
    const r = await request(`${ex.url}/metrics`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await r.body.arrayBuffer())).toString()).toContain('backup_target_up');
  });

  test('/probe serves one target without self-metrics', async () => {
    const r = await ex.get('/probe?target=cbs');
    expect(r.status).toBe(200);
    expect(r.text).toContain('backup_target_up{target="cbs",product="ahsay"} 0');
    expect(r.text).not.toContain('target="m365"');
    expect(r.text).not.toContain('backup_exporter_');
    if (requireBinary('promtool')) expect(promtoolCheckMetrics(r.text)).toBe('');
  });

  test.each([
    ['/probe', /missing parameter "target"/],
    ['/probe?target=', /missing parameter "target"/],
    ['/probe?target=nope', /unknown target "nope"/],
    ['/probe?target=http://127.0.0.1:1/', /unknown target/],
    ['/probe?target=/etc/passwd', /unknown target/],
  ])('%s is refused with 400', async (p, message) => {
    const r = await ex.get(p);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(message);
  });

  test('/probe?debug=true shows config without secrets, requests, errors and the exposition', async () => {
    const r = await ex.get('/probe?target=m365&debug=true');
    expect(r.status).toBe(200);
    expect(r.text).toContain('# configuration');
    expect(r.text).toContain('<secret>');
    expect(r.text).not.toContain(SECRET);
    expect(r.text).toMatch(/# upstream requests\n(POST|GET) \/v8\/token (unreachable|error)/);
    expect(r.text).toMatch(/# errors\ntarget down: unreachable: /);
    expect(r.text).toContain('backup_target_up{target="m365",product="veeam_m365"} 0');
  });
});

describe('endpoints: discovery, health, actions and reload', () => {
  test('/targets is HTTP service discovery in config order', async () => {
    const r = await ex.get('/targets');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(r.text)).toEqual([
      { targets: ['m365'], labels: { __meta_backup_exporter_product: 'veeam_m365' } },
      { targets: ['cbs'], labels: { __meta_backup_exporter_product: 'ahsay' } },
    ]);
  });

  test('health, readiness, landing page', async () => {
    expect((await ex.get('/-/healthy')).status).toBe(200);
    expect((await ex.get('/-/ready')).status).toBe(200);
    const landing = await ex.get('/');
    expect(landing.text).toContain('<td>m365</td><td>veeam_m365</td>');
  });

  test('log exports: 400 for an unknown target or a target without log exports', async () => {
    expect((await ex.post('/-/log-exports?target=nope&server=s1')).status).toBe(400);
    expect((await ex.post('/-/log-exports?target=cbs&server=s1')).status).toBe(400);
  });

  test('reload: GET is 405, a broken file keeps the running config and answers 500', async () => {
    expect((await ex.get('/-/reload')).status).toBe(405);
    writeFileSync(ex.configFile, `${config}\n  - name: bad\n    product: nope\n`);
    const bad = await ex.post('/-/reload');
    expect(bad.status).toBe(500);
    expect(bad.text).toMatch(/config\.yaml:\d+: /);
    expect((await ex.get('/-/ready')).status).toBe(200);
    expect(JSON.parse((await ex.get('/targets')).text)).toHaveLength(2);
    expect((await ex.get('/metrics')).text).toContain('backup_exporter_config_last_reload_successful 0');
    writeFileSync(ex.configFile, config.replace('  - name: cbs', '  - name: cbs2'));
    expect((await ex.post('/-/reload')).status).toBe(200);
    expect(JSON.parse((await ex.get('/targets')).text).map((g: { targets: string[] }) => g.targets[0])).toEqual([
      'm365',
      'cbs2',
    ]);
    // The removed target's self-metric series go with it; the kept target keeps its counters.
    const after = (await ex.get('/metrics')).text;
    expect(after).not.toMatch(/backup_exporter_upstream_requests_total\{target="cbs",/);
    expect(after).toMatch(/backup_exporter_upstream_requests_total\{target="m365",/);
    expect(after).toMatch(/backup_exporter_upstream_requests_total\{target="cbs2",/);
  });

  test('no secret in anything served or logged', async () => {
    const bodies = await Promise.all(
      ['/metrics', '/probe?target=m365&debug=true', '/', '/targets'].map((p) => ex.get(p)),
    );
    for (const b of bodies) expect(b.text).not.toContain(SECRET);
    expect(ex.logs()).not.toContain(SECRET);
  });
});
