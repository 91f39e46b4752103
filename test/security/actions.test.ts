// Module action answers (POST /-/log-exports and the like) quote upstream reasons and upstream values: text and
// JSON answers alike hide every configured secret in every form.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { SecretRedactor } from '../../src/common/secrets';
import type { Exporter } from '../../src/core/exporter';
import type { ActionResult } from '../../src/core/module';
import { createApp } from '../../src/server/app';
import { encodings, HOSTILE, leaks } from './encodings';

let answer: ActionResult = { status: 200, text: '' };
const runner = { module: { actions: [{ method: 'POST', path: '/-/act', what: 'act', run: async () => answer }] } };
const exporter = { runner: (name: string) => (name === 't' ? runner : undefined) } as unknown as Exporter;
const redactor = new SecretRedactor(HOSTILE);

let server: http.Server;
let url: string;
beforeAll(async () => {
  const app = createApp({
    exporter,
    registry: { modules: new Map(), config: new Map(), actions: [{ path: '/-/act', what: 'act' }] },
    reload: async () => undefined,
    ready: () => true,
    redact: (text) => redactor.redact(text),
  });
  server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test.each(HOSTILE)('text and JSON answers hide %p in every form', async (secret) => {
  for (const form of Object.values(encodings(secret))) {
    for (const a of [
      { status: 502, text: `upstream refused: ${form}` },
      { status: 202, json: { target: 't', export_id: form } },
    ] as ActionResult[]) {
      answer = a;
      const r = await request(`${url}/-/act?target=t`, { method: 'POST' });
      const body = await r.body.text();
      expect(r.statusCode).toBe(a.status);
      expect(body).toContain('<secret>');
      expect(leaks(body)).toEqual([]);
    }
  }
});
