// `npm run test:load`: the load and soak checks, printed as figures; exits 1 when a target is missed.
//   load: N concurrent /metrics clients for S seconds; every response 200 with every target up, and upstream
//         requests bounded by single flight and min_interval.
//   soak: C sequential collections (min_interval 0s); RSS at C <= RSS after 400 warm-up collections + 20 MB,
//         and the same number of open sockets and timers after idling at both points (see IDLE_MS).
// Flags: --seconds=60 --clients=50 --collections=1300 --warmup=400 --min-interval=5 (seconds, load phase) --products=veeam_m365,huawei_clouddc,veeam_azure,ahsay
// Run with --expose-gc (readings after a full GC) and --max-semi-space-size=2: V8 grows and shrinks its young
// generation (up to 2 × 16 MB committed) as it sees fit, which moved RSS by ±30 MB between two readings with the
// same live heap and drowned the 20 MB leak bound in noise. A fixed small young generation keeps the readings
// comparable; the old generation, where a leak would live, is not limited.
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { type Options, parseArgs } from './load-args';
import { startLoadEnv, type LoadEnv } from './load-env';

const MB = 1024 * 1024;
const RSS_SLACK_MB = 20;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** RSS and heap once garbage is collected and the collector had time to hand pages back (noise ±20 MB without). */
async function memory(): Promise<{ rss: number; heap: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 300));
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heap: m.heapUsed / MB };
}

/** The simulators share the process and log every request: emptied, so their logs do not look like a leak. */
function forgetRequests(env: LoadEnv): void {
  for (const sim of Object.values(env.simulators)) {
    sim.requests.length = 0;
    const calls = (sim as { calls?: unknown[] }).calls;
    if (calls) calls.length = 0;
  }
}

/** One /metrics scrape; a failure is anything but 200 with every target up. */
async function scrape(env: LoadEnv, agent: Agent): Promise<string | undefined> {
  try {
    const r = await request(`${env.url}/metrics`, {
      dispatcher: agent,
      headers: { 'x-prometheus-scrape-timeout-seconds': '15' },
    });
    const text = await r.body.text();
    if (r.statusCode !== 200) return `HTTP ${r.statusCode}`;
    const down = env.targets.filter(
      (t) =>
        !text.includes(`backup_target_up{target="${t}",`) ||
        new RegExp(`^backup_target_up\\{target="${t}",[^}]*\\} 0$`, 'm').test(text),
    );
    return down.length > 0 ? `down: ${down.join(', ')}` : undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const upstreamTotal = (env: LoadEnv): number =>
  Object.values(env.simulators).reduce((n, s) => n + s.requests.length, 0);

async function load(o: Options): Promise<void> {
  const env = await startLoadEnv(o.products, `${o.minInterval}s`);
  const agent = new Agent({ connections: o.clients });
  try {
    const before = await memory();
    // One collection alone: what a single collection of every target costs upstream once warm.
    await scrape(env, agent);
    const afterFirst = upstreamTotal(env);
    await new Promise((r) => setTimeout(r, o.minInterval * 1000 + 100));
    await scrape(env, agent);
    const perCollection = upstreamTotal(env) - afterFirst;
    const start = upstreamTotal(env);
    let ok = 0;
    const errors = new Map<string, number>();
    const end = performance.now() + o.seconds * 1000;
    await Promise.all(
      Array.from({ length: o.clients }, async () => {
        while (performance.now() < end) {
          const err = await scrape(env, agent);
          if (err === undefined) ok++;
          else errors.set(err, (errors.get(err) ?? 0) + 1);
        }
      }),
    );
    const upstream = upstreamTotal(env) - start;
    const after = await memory();
    // Without single flight and min_interval every response would be a collection of its own.
    const maxCollections = Math.ceil(o.seconds / o.minInterval) + 1;
    const failed = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `load: ${o.clients} clients, ${o.seconds}s, targets ${env.targets.join(',')}, min_interval ${o.minInterval}s`,
    );
    console.log(
      `  responses ok ${ok} (${(ok / o.seconds).toFixed(0)}/s), failed ${failed}${failed ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ''}`,
    );
    console.log(
      `  upstream requests ${upstream} (one warm collection of every target: ${perCollection}; bound ${maxCollections} x ${perCollection} = ${maxCollections * perCollection})`,
    );
    console.log(
      `  RSS before ${before.rss.toFixed(1)} MB, after ${after.rss.toFixed(1)} MB (heap ${before.heap.toFixed(1)} -> ${after.heap.toFixed(1)} MB)`,
    );
    check(ok > 0 && failed === 0, 'load: zero failed responses');
    check(
      upstream <= maxCollections * perCollection,
      'load: upstream requests bounded by single flight and min_interval',
    );
  } finally {
    await agent.close();
    await env.close();
  }
}

/** Sockets and timers, the resources a leak would pile up. */
function resources(): { sockets: number; timers: number } {
  const info = process.getActiveResourcesInfo();
  return {
    sockets: info.filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length,
    timers: info.filter((r) => r === 'Timeout').length,
  };
}

/**
 * How long both readings wait. Well over 2 s: kept-alive connections of a burst (the cold collection opens up
 * to `concurrency` per target) close only when their keep-alive runs out (the simulators' 5 s, undici's 4 s),
 * so a 2 s reading counts them or not depending on timing. Past that, only leaks remain to be counted.
 */
const IDLE_MS = 6000;

async function idle(ms: number): Promise<{ sockets: number; timers: number }> {
  await new Promise((r) => setTimeout(r, ms));
  return resources();
}

async function soak(o: Options): Promise<void> {
  const env = await startLoadEnv(o.products, '0s');
  const agent = new Agent({ connections: 1 });
  try {
    let failed = 0;
    let warm = { rss: 0, heap: 0 };
    let resWarm = { sockets: 0, timers: 0 };
    const t0 = performance.now();
    for (let i = 1; i <= o.collections; i++) {
      if ((await scrape(env, agent)) !== undefined) failed++;
      forgetRequests(env);
      if (i === o.warmup) {
        resWarm = await idle(IDLE_MS);
        warm = await memory();
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const resEnd = await idle(IDLE_MS);
    const end = await memory();
    console.log(
      `soak: ${o.collections} sequential collections of ${env.targets.join(',')} in ${seconds.toFixed(1)}s, failed ${failed}`,
    );
    console.log(
      `  RSS after ${o.warmup}: ${warm.rss.toFixed(1)} MB, after ${o.collections}: ${end.rss.toFixed(1)} MB (${(end.rss - warm.rss).toFixed(1)} MB); heap ${warm.heap.toFixed(1)} -> ${end.heap.toFixed(1)} MB`,
    );
    console.log(
      `  after ${IDLE_MS / 1000} s idle: sockets ${resWarm.sockets} -> ${resEnd.sockets}, timers ${resWarm.timers} -> ${resEnd.timers}`,
    );
    check(failed === 0, 'soak: every collection answered with every target up');
    check(
      end.rss <= warm.rss + RSS_SLACK_MB,
      `soak: RSS at ${o.collections} <= RSS at ${o.warmup} + ${RSS_SLACK_MB} MB`,
    );
    check(
      resEnd.sockets === resWarm.sockets && resEnd.timers === resWarm.timers,
      `soak: open sockets and timers unchanged after ${IDLE_MS / 1000} s idle`,
    );
  } finally {
    await agent.close();
    await env.close();
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (!(globalThis as { gc?: unknown }).gc) console.log('note: run with node --expose-gc for stable RSS readings');
  // Soak first: a process that has not yet been through the load phase gives the fairer RSS baseline.
  await soak(o);
  await load(o);
  console.log(
    failures.length === 0 ? 'load and soak: all targets met' : `load and soak: ${failures.length} target(s) missed`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
