// Response bodies against the memory cap: a Content-Length over the cap is refused before a byte of the body
// is read, a body without one is dropped at the cap, and the body of an unwanted status is read only as far
// as the excerpt of its error needs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTargetHttp, DEFAULT_MAX_BODY_BYTES, type TargetHttp } from '../../src/http/client';
import { caught, inSeconds, quietLog, target } from './helpers';

const MB = 1024 * 1024;
const CAP = MB;

interface Upstream {
  url: string;
  /** Body bytes the server managed to hand to its socket, per request. */
  sent: number[];
  close(): Promise<void>;
}

/**
 * Answers every request with `status` and a body of `total` spaces in 1 MiB writes, announced by
 * Content-Length when `announce`; `stallAfter` stops writing (without ending) after that many bytes.
 */
async function upstream(o: {
  status?: number;
  total: number;
  announce: boolean;
  stallAfter?: number;
}): Promise<Upstream> {
  const sent: number[] = [];
  const server = http.createServer((_req, res) => {
    const i = sent.push(0) - 1;
    res.writeHead(o.status ?? 200, {
      'content-type': 'application/json',
      ...(o.announce ? { 'content-length': String(o.total) } : {}),
    });
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = (): void => {
      while ((sent[i] ?? 0) < Math.min(o.total, o.stallAfter ?? o.total) && !res.destroyed) {
        sent[i] = (sent[i] ?? 0) + chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (o.stallAfter === undefined && !res.destroyed) res.end();
    };
    pump();
  });
  server.on('connection', (s) => s.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let up: Upstream | undefined;
let client: TargetHttp | undefined;
afterEach(async () => {
  await client?.destroy();
  await up?.close();
});

function connect(u: Upstream, concurrency = 4, maxBodyBytes = CAP): TargetHttp {
  client = createTargetHttp(target(u.url, { concurrency }), { log: quietLog, maxBodyBytes });
  return client;
}

test('a Content-Length over the cap is refused at once, before the body is read', async () => {
  // The server sends 1 MiB of its announced 1 GiB and then nothing: a client that reads waits for the deadline.
  up = await upstream({ total: 1024 * MB, announce: true, stallAfter: MB });
  const started = Date.now();
  const err = await caught(() =>
    connect(up as Upstream)
      .forCollection(inSeconds(5))
      .request({ path: '/v8/Jobs' }),
  );
  expect(err.kind).toBe('decode');
  expect(err.message).toBe(`GET /v8/Jobs: response body of ${1024 * MB} bytes exceeds ${CAP} bytes`);
  expect(Date.now() - started).toBeLessThan(2000);
});

test('large announced bodies cost no memory: eight in parallel, 1 GiB each', async () => {
  up = await upstream({ total: 1024 * MB, announce: true });
  // The default cap of 64 MiB, as in production.
  const c = connect(up, 8, DEFAULT_MAX_BODY_BYTES).forCollection(inSeconds(20));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const errors = await Promise.all(Array.from({ length: 8 }, () => caught(() => c.request({ path: '/x' }))));
    expect(errors.map((e) => e.kind)).toEqual(Array(8).fill('decode'));
  } finally {
    clearInterval(sampler);
  }
  // Measured: about 540 MB when each body was read up to the cap, about 30 MB when refused by its length.
  expect((peak - before) / MB).toBeLessThan(128);
});

test('a body without Content-Length is dropped at the cap', async () => {
  up = await upstream({ total: 1024 * MB, announce: false });
  const err = await caught(() =>
    connect(up as Upstream)
      .forCollection(inSeconds(20))
      .request({ path: '/x' }),
  );
  expect(err.message).toBe(`GET /x: response body exceeds ${CAP} bytes`);
  // What the server could still push into socket buffers after the client stopped reading is small.
  await new Promise((r) => setTimeout(r, 200));
  expect(up.sent[0]).toBeLessThan(CAP + 16 * MB);
});

test.each([true, false])(
  'an error status with a large body (announced: %p) is an http error, read in part',
  async (announce) => {
    up = await upstream({ status: 500, total: 64 * CAP, announce });
    const err = await caught(() =>
      connect(up as Upstream)
        .forCollection(inSeconds(20))
        .request({ path: '/x' }),
    );
    expect(err.kind).toBe('http');
    expect(err.details.status).toBe(500);
    expect(err.message).toBe('GET /x: HTTP 500');
    await new Promise((r) => setTimeout(r, 200));
    expect(up.sent[0]).toBeLessThan(16 * CAP);
  },
);
