// Headers on every answer: `X-Content-Type-Options: nosniff` (plain-text error and debug answers must never be
// sniffed into HTML by a browser), also on refusals, unknown paths and failures no endpoint handled.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import bcrypt from 'bcryptjs';
import { request } from 'undici';
import type { Exporter } from '../../src/core/exporter';
import { createApp } from '../../src/server/app';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, m365Yaml } from '../helpers/two-targets';

// Port 1 on loopback refuses connections: the target is down at once.
const CONFIG = configYaml('timeout: 2s, min_interval: 0s', [m365Yaml('http://127.0.0.1:1')]);

const ANSWERS: Array<[string, 'GET' | 'POST', string, number]> = [
  ['metrics', 'GET', '/metrics', 200],
  ['debug probe', 'GET', '/probe?target=m365&debug=true', 200],
  ['refused probe', 'GET', '/probe?target=nope', 400],
  ['discovery', 'GET', '/targets', 200],
  ['landing page', 'GET', '/', 200],
  ['health', 'GET', '/-/healthy', 200],
  ['unknown path', 'GET', '/nope', 404],
  ['wrong method', 'GET', '/-/reload', 405],
  ['reload', 'POST', '/-/reload', 200],
];

describe('without a web config', () => {
  let ex: TestExporter;
  beforeAll(async () => {
    ex = await startTestExporter(CONFIG);
  });
  afterAll(() => ex.close());

  test.each(ANSWERS)('%s: nosniff', async (_name, method, p, status) => {
    const r = await request(`${ex.url}${p}`, { method });
    await r.body.text();
    expect(r.statusCode).toBe(status);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

test('with basic auth, a refused request carries nosniff too', async () => {
  const hash = bcrypt.hashSync('pw', 4);
  const ex = await startTestExporter(CONFIG, { webConfigYaml: `basic_auth_users:\n  u: '${hash}'\n` });
  try {
    const r = await request(`${ex.url}/metrics`);
    expect(await r.body.text()).toBe('Unauthorized\n');
    expect(r.statusCode).toBe(401);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  } finally {
    await ex.close();
  }
});

test('a failure no endpoint handled: a plain 500 with the headers, reported to onError, no stack in the body', async () => {
  const failing = { collect: () => Promise.reject(new Error('boom at secret place')) } as unknown as Exporter;
  const errors: unknown[] = [];
  const app = createApp({
    exporter: failing,
    registry: { modules: new Map(), config: new Map(), actions: [] },
    reload: async () => undefined,
    ready: () => true,
    onError: (err) => errors.push(err),
  });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const r = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    expect(r.statusCode).toBe(500);
    expect(await r.body.text()).toBe('Internal Server Error\n');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(errors).toEqual([new Error('boom at secret place')]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('http_server_config.headers go on every answer, refusals included, and follow a reload', async () => {
  const hash = bcrypt.hashSync('pw', 4);
  const web = (frame: string): string =>
    `http_server_config:\n  http2: true\n  headers:\n    X-Frame-Options: ${frame}\n    Content-Security-Policy: "default-src 'none'"\nbasic_auth_users:\n  u: '${hash}'\n`;
  const ex = await startTestExporter(CONFIG, { webConfigYaml: web('deny') });
  const auth = { authorization: `Basic ${Buffer.from('u:pw').toString('base64')}` };
  try {
    for (const [p, headers, status] of [
      ['/metrics', auth, 200],
      ['/metrics', {}, 401],
      ['/nope', auth, 404],
    ] as const) {
      const r = await request(`${ex.url}${p}`, { headers });
      await r.body.text();
      expect(r.statusCode).toBe(status);
      expect(r.headers['x-frame-options']).toBe('deny');
      expect(r.headers['content-security-policy']).toBe("default-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    writeFileSync(`${ex.dir}/web.yaml`, web('sameorigin'));
    const reload = await request(`${ex.url}/-/reload`, { method: 'POST', headers: auth });
    await reload.body.text();
    expect(reload.statusCode).toBe(200);
    const after = await request(`${ex.url}/-/healthy`, { headers: auth });
    await after.body.text();
    expect(after.headers['x-frame-options']).toBe('sameorigin');
  } finally {
    await ex.close();
  }
});
