import { startSimulator, type Simulator } from '../../src/simulators/common';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import type { RequestTrace } from '../../src/http/types';
import { caught, closedPort, inSeconds, quietLog, target } from './helpers';

let sim: Simulator;
let http: TargetHttp;

beforeAll(async () => {
  sim = await startSimulator({
    handler: (req) => {
      if (req.path === '/v8/Jobs') return { json: [{ id: 'j1' }] };
      if (req.path === '/echo')
        return { json: { method: req.method, type: req.headers['content-type'], body: req.body } };
      if (req.path === '/text') return { body: 'plain words', headers: { 'content-type': 'text/plain' } };
      return undefined;
    },
  });
  http = createTargetHttp(target(sim.url), { log: quietLog, maxBodyBytes: 1 << 20 });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => {
  sim.faults = [];
});

describe('responses', () => {
  it('returns 2xx with lower-cased headers and parsed JSON', async () => {
    const res = await http
      .forCollection(inSeconds(5))
      .request({ path: '/v8/Jobs', query: { limit: 5, skip: undefined } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual([{ id: 'j1' }]);
    expect(sim.requests.at(-1)?.path).toBe('/v8/Jobs?limit=5');
  });

  it('encodes form and JSON bodies', async () => {
    const client = http.forCollection(inSeconds(5));
    const form = await client.request({
      method: 'POST',
      path: '/echo',
      form: { grant_type: 'password', username: 'a b' },
    });
    expect(form.json()).toEqual({
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
      body: 'grant_type=password&username=a+b',
    });
    const json = await client.request({ method: 'PUT', path: '/echo', json: { a: 1 } });
    expect(json.json()).toEqual({ method: 'PUT', type: 'application/json', body: '{"a":1}' });
  });

  it('returns an accepted non-2xx status instead of throwing', async () => {
    const res = await http.forCollection(inSeconds(5)).request({ path: '/missing', accept: [404] });
    expect(res.status).toBe(404);
  });
});

describe('status errors', () => {
  it('maps 401 and 403 to auth with the status', async () => {
    for (const status of [401, 403]) {
      sim.faults = [{ kind: 'status', status, count: 1 }];
      const err = await caught(() => http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' }));
      expect(err.kind).toBe('auth');
      expect(err.details.status).toBe(status);
    }
  });

  it('maps other statuses to http with method, path and a body excerpt, never query values', async () => {
    sim.faults = [{ kind: 'status', status: 500, count: 1 }];
    const err = await caught(() =>
      http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs', query: { password: 'hunter2' } }),
    );
    expect(err.kind).toBe('http');
    expect(err.details.status).toBe(500);
    expect(err.message).toBe('GET /v8/Jobs: HTTP 500: {"message":"simulated 500"}');
    expect(err.message).not.toContain('hunter2');
  });

  it('limits the excerpt to 200 characters', async () => {
    const long = await startSimulator({ handler: () => ({ status: 418, body: 'x'.repeat(5000) }) });
    const h = createTargetHttp(target(long.url), { log: quietLog });
    try {
      const err = await caught(() => h.forCollection(inSeconds(5)).request({ path: '/tea' }));
      expect(err.message).toBe(`GET /tea: HTTP 418: ${'x'.repeat(200)}…`);
    } finally {
      await h.close();
      await long.close();
    }
  });
});

describe('decode', () => {
  it('names the path and the first bytes of an HTML body', async () => {
    sim.faults = [{ kind: 'html', count: 1 }];
    const res = await http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' });
    const err = await caught(async () => res.json());
    expect(err.kind).toBe('decode');
    expect(err.message).toMatch(/^expected JSON from GET \/v8\/Jobs, got text\/html: <html><body><h1>502 Bad Gateway/);
  });

  it('reports malformed JSON', async () => {
    sim.faults = [{ kind: 'malformed', count: 1 }];
    const res = await http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' });
    const err = await caught(async () => res.json());
    expect(err.kind).toBe('decode');
    expect(err.message).toMatch(/^invalid JSON from GET \/v8\/Jobs .*: \{"results": \[1, 2,$/);
  });

  it('reports a plain-text body', async () => {
    const res = await http.forCollection(inSeconds(5)).request({ path: '/text' });
    expect(res.text()).toBe('plain words');
    expect((await caught(async () => res.json())).message).toBe(
      'expected JSON from GET /text, got text/plain: plain words',
    );
  });

  it('stops reading past the size cap and keeps memory bounded', async () => {
    sim.faults = [{ kind: 'huge', count: 1 }];
    const before = process.memoryUsage().arrayBuffers;
    const err = await caught(() => http.forCollection(inSeconds(20)).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('decode');
    expect(err.message).toBe('GET /v8/Jobs: response body exceeds 1048576 bytes');
    // The server offers 1 GiB; holding it would show up here.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(128 * 1024 * 1024);
  });
});

describe('transport failures', () => {
  it('times out at the deadline on a server that never answers', async () => {
    sim.faults = [{ kind: 'hang', count: 1 }];
    const trace: RequestTrace[] = [];
    const err = await caught(() => http.forCollection(Date.now() + 300, trace).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('GET /v8/Jobs: no response before the deadline');
    expect(trace).toEqual([{ method: 'GET', path: '/v8/Jobs', outcome: 'timeout', durationMs: expect.any(Number) }]);
  });

  it('fails at once when the deadline has already passed', async () => {
    const before = sim.requests.length;
    const err = await caught(() => http.forCollection(Date.now() - 1).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('timeout');
    expect(sim.requests.length).toBe(before);
  });

  it('maps a reset connection to unreachable', async () => {
    sim.faults = [{ kind: 'reset', count: 1 }];
    const err = await caught(() => http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/^GET \/v8\/Jobs: /);
  });

  it('maps a body cut short to unreachable', async () => {
    sim.faults = [{ kind: 'half-body', count: 1 }];
    const err = await caught(() => http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('unreachable');
  });

  it('maps a refused port to unreachable', async () => {
    const h = createTargetHttp(target(`http://127.0.0.1:${await closedPort()}`), { log: quietLog });
    const err = await caught(() => h.forCollection(inSeconds(5)).request({ path: '/x' }));
    await h.close();
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('maps an unresolvable name to unreachable', async () => {
    const h = createTargetHttp(target('http://backup-exporter-test.invalid'), { log: quietLog });
    const err = await caught(() => h.forCollection(inSeconds(10)).request({ path: '/x' }));
    await h.close();
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});
