// The serving flags on the running exporter: every --web.listen-address serves the same application, the
// exposition of all targets lives at --web.telemetry-path (and only there), and --no-schedulers reaches every
// target's product state.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { createLogger } from '../../src/common/log';
import type { ProductModule, StateDeps } from '../../src/core/module';
import { createRegistry } from '../../src/core/registry';
import { veeamM365 } from '../../src/products/veeam_m365';
import { startExporter } from '../../src/server/run';
import { configYaml, m365Yaml } from '../helpers/two-targets';

/** VB365's configuration with a state that records what it was given and collects nothing. */
const seen: StateDeps[] = [];
const recording: ProductModule = {
  ...(veeamM365 as unknown as ProductModule),
  createState: (_target, deps) => {
    seen.push(deps);
    return { collect: (ctx) => ctx.inventory(async () => ({ info: { api_version: 'v8' }, samples: [] })) };
  },
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'server-listen-'));
const configFile = path.join(dir, 'config.yaml');
writeFileSync(configFile, configYaml('timeout: 2s', [m365Yaml('http://127.0.0.1:1', { name: 'a' })]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the exporter; `logged` collects its log lines (the listening line names every address). */
async function start(o: { listen: string[]; telemetryPath?: string; schedulers?: boolean }, logged: string[] = []) {
  const out = new Writable({
    write(chunk: Buffer, _e, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  return startExporter({
    configFile,
    listenAddresses: o.listen,
    ...(o.telemetryPath ? { telemetryPath: o.telemetryPath } : {}),
    ...(o.schedulers === undefined ? {} : { schedulers: o.schedulers }),
    products: createRegistry([recording]),
    log: createLogger({ level: 'info', out }),
  });
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const r = await request(url);
  return { status: r.statusCode, text: await r.body.text() };
}

test('several listen addresses: each one serves every endpoint', async () => {
  const logged: string[] = [];
  const running = await start({ listen: ['127.0.0.1:0', '127.0.0.1:0'] }, logged);
  try {
    const addresses = /msg=listening address=(\S+)/.exec(logged.join(''))?.[1]?.split(',') ?? [];
    expect(addresses).toHaveLength(2);
    expect(new Set(addresses).size).toBe(2);
    for (const address of addresses) {
      expect((await get(`http://${address}/metrics`)).text).toContain(
        'backup_target_up{target="a",product="veeam_m365"} 1',
      );
      expect((await get(`http://${address}/-/healthy`)).text).toBe('OK\n');
    }
  } finally {
    await running.close();
  }
});

test('--web.telemetry-path: the exposition is there, /metrics is not found', async () => {
  const running = await start({ listen: ['127.0.0.1:0'], telemetryPath: '/export/metrics' });
  try {
    const moved = await get(`${running.url}/export/metrics`);
    expect(moved.status).toBe(200);
    expect(moved.text).toContain('backup_target_up{target="a",product="veeam_m365"} 1');
    expect(moved.text).toContain('backup_exporter_build_info');
    expect((await get(`${running.url}/metrics`)).status).toBe(404);
    expect((await get(`${running.url}/`)).text).toContain('href="export/metrics"');
  } finally {
    await running.close();
  }
});

test.each([
  [undefined, true],
  [false, false],
])('schedulers option %p reaches the product state as %p', async (schedulers, expected) => {
  seen.length = 0;
  const running = await start({ listen: ['127.0.0.1:0'], ...(schedulers === undefined ? {} : { schedulers }) });
  await running.close();
  expect(seen.map((d) => d.schedulers)).toEqual([expected]);
});
