// The environment of the load and soak run: vendor API simulators on loopback and the exporter against them,
// in this process, so memory, sockets and timers can be measured where they live.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../common/log';
import { createRegistry } from '../core/registry';
import { PRODUCTS } from '../products';
import { type Running, startExporter } from '../server/run';
import type { Simulator } from '../simulators/common';
import { SIMULATORS } from '../simulators';

/** Every product that has a simulator. */
export const ALL_PRODUCTS: readonly string[] = SIMULATORS.map((s) => s.product);

export interface LoadEnv {
  url: string;
  exporter: Running;
  /** Simulator per target name. */
  simulators: Record<string, Simulator>;
  targets: string[];
  close(): Promise<void>;
}

/** One target per product (named as its simulator), each against its own plain-HTTP simulator. */
export async function startLoadEnv(products: readonly string[], minInterval: string): Promise<LoadEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-load-'));
  const simulators: Record<string, Simulator> = {};
  const blocks: string[] = [];
  for (const module of SIMULATORS.filter((s) => products.includes(s.product))) {
    const sim = await module.start({ tls: false, latencyMs: 0 });
    simulators[module.name] = sim;
    blocks.push(module.targetYaml(sim, { name: module.name, dir }));
  }
  const configFile = path.join(dir, 'config.yaml');
  const global = `global: { timeout: 20s, min_interval: ${minInterval}, inventory_ttl: 5m }`;
  writeFileSync(configFile, `${global}\ntargets:\n${blocks.join('')}`);
  let exporter: Running;
  try {
    const products = createRegistry(PRODUCTS);
    exporter = await startExporter({ configFile, listenAddresses: ['127.0.0.1:0'], products, log: silentLogger() });
  } catch (err) {
    await Promise.all(Object.values(simulators).map((s) => s.close()));
    throw err;
  }
  return {
    url: exporter.url,
    exporter,
    simulators,
    targets: Object.keys(simulators),
    close: async () => {
      await exporter.close(1000);
      await Promise.all(Object.values(simulators).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
