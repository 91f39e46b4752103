// Runs the whole exporter in-process on a temporary configuration, listening on a free loopback port.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { createRegistry } from '../../src/core/registry';
import { PRODUCTS } from '../../src/products';
import { startExporter, type Running } from '../../src/server/run';
import { createLogger, SecretRedactor } from '../../src/common/log';
import { Writable } from 'node:stream';

export interface TestExporter extends Running {
  dir: string;
  configFile: string;
  /** Everything the exporter logged so far. */
  logs(): string;
  get(
    pathAndQuery: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Record<string, unknown>; text: string }>;
  post(pathAndQuery: string): Promise<{ status: number; text: string }>;
}

export async function startTestExporter(
  configYaml: string,
  opts: { webConfigYaml?: string; level?: 'debug' | 'info' } = {},
): Promise<TestExporter> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-test-'));
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(configFile, configYaml);
  let webConfigFile: string | undefined;
  if (opts.webConfigYaml) {
    webConfigFile = path.join(dir, 'web.yaml');
    writeFileSync(webConfigFile, opts.webConfigYaml);
  }
  let logText = '';
  const out = new Writable({
    write(chunk: Buffer, _e, done) {
      logText += chunk.toString();
      done();
    },
  });
  const redactor = new SecretRedactor();
  const log = createLogger({ level: opts.level ?? 'debug', format: 'logfmt', redactor, out });
  const running = await startExporter({
    configFile,
    listenAddresses: ['127.0.0.1:0'],
    products: createRegistry(PRODUCTS),
    log,
    redactor,
    ...(webConfigFile ? { webConfigFile } : {}),
  });
  return {
    ...running,
    dir,
    configFile,
    logs: () => logText,
    async get(p, headers = {}) {
      const r = await request(`${running.url}${p}`, { headers });
      return { status: r.statusCode, headers: r.headers as Record<string, unknown>, text: await r.body.text() };
    },
    async post(p) {
      const r = await request(`${running.url}${p}`, { method: 'POST' });
      return { status: r.statusCode, text: await r.body.text() };
    },
  };
}
