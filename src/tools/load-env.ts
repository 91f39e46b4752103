// The environment of the load and soak run: vendor API simulators on loopback and the exporter against them,
// in this process, so memory, sockets and timers can be measured where they live.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../common/log';
import { startExporter, type Running } from '../server/run';
import type { Simulator } from '../simulators/common';
import { startM365Simulator } from '../simulators/veeam_m365/server';
import { startHuaweiSimulator } from '../simulators/huawei_clouddc/server';
import { startVeeamAzureSimulator } from '../simulators/veeam_azure/server';
import { startAhsaySimulator } from '../simulators/ahsay/server';

export const ALL_PRODUCTS = ['veeam_m365', 'huawei_clouddc', 'veeam_azure', 'ahsay'] as const;
export type LoadProduct = (typeof ALL_PRODUCTS)[number];

export interface LoadEnv {
  url: string;
  exporter: Running;
  /** Simulator per target name. */
  simulators: Record<string, Simulator>;
  targets: string[];
  close(): Promise<void>;
}

/** One target per product, each against its own simulator. */
export async function startLoadEnv(products: readonly LoadProduct[], minInterval: string): Promise<LoadEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-load-'));
  const simulators: Record<string, Simulator> = {};
  const blocks: string[] = [];
  for (const p of products) {
    const { name, sim, yaml } = await target(p);
    simulators[name] = sim;
    blocks.push(yaml);
  }
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(
    configFile,
    `global: { timeout: 20s, min_interval: ${minInterval}, inventory_ttl: 5m }\ntargets:\n${blocks.join('')}`,
  );
  let exporter: Running;
  try {
    exporter = await startExporter({ configFile, listenAddress: '127.0.0.1:0', log: silentLogger() });
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

async function target(p: LoadProduct): Promise<{ name: string; sim: Simulator; yaml: string }> {
  switch (p) {
    case 'veeam_m365': {
      const sim = await startM365Simulator({ version: 'v8' });
      return {
        name: 'm365',
        sim,
        yaml: block('m365', p, sim.url, 'api_version: v8\n    auth: { username: monitor, password: secret-m365 }'),
      };
    }
    case 'huawei_clouddc': {
      const sim = await startHuaweiSimulator({});
      const { iam } = sim.credentials;
      return {
        name: 'clouddc',
        sim,
        yaml: block(
          'clouddc',
          p,
          sim.url,
          `project_id: ${sim.projectId}\n    auth:\n      iam: { url: '${sim.url}', domain: ${iam.domain}, username: ${iam.username}, password: ${iam.password} }`,
        ),
      };
    }
    case 'veeam_azure': {
      const sim = await startVeeamAzureSimulator({});
      return {
        name: 'azure',
        sim,
        yaml: block('azure', p, sim.url, 'auth: { username: monitor, password: secret-azure }'),
      };
    }
    case 'ahsay': {
      const sim = await startAhsaySimulator({});
      return {
        name: 'cbs',
        sim,
        yaml: block('cbs', p, sim.url, 'timezone: Asia/Hong_Kong\n    auth: { username: api, password: secret-cbs }'),
      };
    }
  }
}

function block(name: string, product: string, url: string, rest: string): string {
  return `  - name: ${name}\n    product: ${product}\n    url: ${url}\n    ${rest}\n`;
}
