// Error messages quote the start of an upstream's body; an upstream that echoes the request quotes the
// password in it. The excerpt hides every configured secret in any encoding before it is cut, and never ends
// with the cut-off beginning of one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretRedactor } from '../../src/common/secrets';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { EXCERPT_CHARS } from '../../src/http/errors';
import { encodings, HOSTILE } from '../security/encodings';
import { caught, inSeconds, quietLog, target } from './helpers';

let body = '';
let status = 500;
let server: http.Server;
let client: TargetHttp;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createTargetHttp(target(url), { log: quietLog, redactor: new SecretRedactor(HOSTILE) });
});
afterAll(async () => {
  await client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const FORMS = HOSTILE.flatMap((s) => Object.entries(encodings(s)).map(([name, form]) => ({ s, name, form })));

function leaks(text: string): string[] {
  const found: string[] = [];
  for (const { name, form } of FORMS) {
    // Any piece of four or more characters of a form, at the end of the quoted text (before `…`).
    const quoted = text.replace(/…$/, '');
    for (let n = 4; n <= form.length; n++) if (quoted.endsWith(form.slice(0, n))) found.push(`${name} start`);
    if (text.includes(form)) found.push(name);
  }
  return found;
}

async function messageFor(b: string, st = 500): Promise<string> {
  body = b;
  status = st;
  const c = client.forCollection(inSeconds(5));
  if (st === 500) return (await caught(() => c.request({ path: '/v8/token', method: 'POST' }))).message;
  const res = await c.request({ path: '/v8/Jobs' });
  return (await caught(async () => res.json())).message;
}

test.each(FORMS.map((f) => [f.name, f.s, f.form]))('%s form of %p in a 500 body is hidden', async (_n, _s, form) => {
  const message = await messageFor(`{"error":"invalid_grant","echo":"grant_type=password&password=${form}&x=1"}`);
  expect(message).toContain('<secret>');
  expect(leaks(message)).toEqual([]);
});

test('a secret across the excerpt end is hidden whole, not cut and shown in part', async () => {
  for (const { form } of FORMS) {
    for (const at of [EXCERPT_CHARS - 10, EXCERPT_CHARS - 3, EXCERPT_CHARS - 1]) {
      const message = await messageFor(`${'x'.repeat(at)}${form}${'y'.repeat(300)}`);
      expect(leaks(message)).toEqual([]);
    }
  }
});

test('a secret across the end of what is read of a long body leaves no beginning behind', async () => {
  for (const { form } of FORMS.filter((f) => f.name === 'form' || f.name === 'json')) {
    // Whitespace folds into one space, so the excerpt ends near where the read stopped.
    for (const at of [4096 + 800 - 5, 64 * 1024 - 5]) {
      const message = await messageFor(`${' '.repeat(at)}${form}${'y'.repeat(70_000)}`);
      expect(leaks(message)).toEqual([]);
    }
  }
});

test('a body that is not JSON: the excerpt and the parser message hide the secret', async () => {
  for (const { form } of FORMS) {
    for (const b of [`password=${form}`, `${'p'.repeat(75)}${form}`, `{"a": "${'p'.repeat(20)}`]) {
      const message = await messageFor(b.replace('{"a": "', `{"a": ${form}`), 200);
      expect(message).toMatch(/^(invalid JSON|expected JSON)/);
      expect(leaks(message)).toEqual([]);
    }
  }
});
