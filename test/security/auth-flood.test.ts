// Wrong-password floods: while 20 connections send wrong passwords as fast as they are answered, a scraper with
// the right password still gets /metrics in normal time, and the attackers are answered at once (401 or 429)
// instead of waiting in a queue without bound.
import bcrypt from 'bcryptjs';
import { Agent, request } from 'undici';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, m365Yaml } from '../helpers/two-targets';

const ATTACKERS = 20;
// Port 1 on loopback refuses connections: the target is down at once, so a scrape itself takes milliseconds.
const CONFIG = configYaml('timeout: 5s, min_interval: 0s', [m365Yaml('http://127.0.0.1:1')]);
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let ex: TestExporter;
let agent: Agent;
beforeAll(async () => {
  // Cost 12 (htpasswd -B -C 12): about 0.4 s per comparison, as a careful user sets it.
  const hash = bcrypt.hashSync('right-pass', 12);
  ex = await startTestExporter(CONFIG, { webConfigYaml: `basic_auth_users:\n  prometheus: '${hash}'\n` });
  agent = new Agent({ connections: ATTACKERS + 1 });
});
afterAll(async () => {
  await ex?.close();
  await agent?.close();
});

async function timed(auth: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const r = await request(`${ex.url}/metrics`, { headers: { authorization: auth }, dispatcher: agent });
  await r.body.text();
  return { status: r.statusCode, ms: Date.now() - started };
}

test('a correct scrape stays fast while 20 connections guess passwords', async () => {
  // Prometheus was scraping before the attack began.
  expect((await timed(basic('prometheus', 'right-pass'))).status).toBe(200);
  let stop = false;
  const attacks: Array<{ status: number; ms: number }> = [];
  const attacker = async (n: number): Promise<void> => {
    for (let i = 0; !stop; i++) attacks.push(await timed(basic('prometheus', `guess-${n}-${i}`)));
  };
  const flood = Promise.all(Array.from({ length: ATTACKERS }, (_, n) => attacker(n)));
  try {
    await new Promise((r) => setTimeout(r, 500));
    const scrapes: Array<{ status: number; ms: number }> = [];
    for (let i = 0; i < 10; i++) {
      scrapes.push(await timed(basic('prometheus', 'right-pass')));
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(scrapes.map((s) => s.status)).toEqual(Array(10).fill(200));
    // With bcrypt on the event loop this was 1.4 to 4.8 s here; now tens of ms. A scrape timeout is often 10 s.
    expect(Math.max(...scrapes.map((s) => s.ms))).toBeLessThan(2000);
  } finally {
    stop = true;
    await flood;
  }
  expect(attacks.length).toBeGreaterThan(ATTACKERS);
  expect(new Set(attacks.map((a) => a.status))).toEqual(new Set([401, 429]));
  // Refused at once, not queued: a 429 waits for no comparison.
  expect(Math.max(...attacks.filter((a) => a.status === 429).map((a) => a.ms))).toBeLessThan(1000);
}, 60_000);
