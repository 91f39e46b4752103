// All four simulators together, and the `targets:` configuration that points the exporter at them. The demo,
// the integration tests and the benchmark share this, each with its own names, scale and latency.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Simulator } from './common';
import { startM365Simulator, type M365SimOptions, type M365Simulator } from './veeam_m365/server';
import { startVeeamAzureSimulator, type AzureSimOptions, type AzureSimulator } from './veeam_azure/server';
import { startAhsaySimulator, type AhsaySimOptions, type AhsaySimulator } from './ahsay/server';
import { startHuaweiSimulator, type HuaweiSimOptions, type HuaweiSimulator } from './huawei_clouddc/server';

export interface SimulatedEstate {
  m365: M365Simulator;
  azure: AzureSimulator;
  ahsay: AhsaySimulator;
  huawei: HuaweiSimulator;
  close(): Promise<void>;
}

export interface EstateOptions {
  latencyMs?: number;
  m365?: M365SimOptions;
  azure?: AzureSimOptions;
  ahsay?: AhsaySimOptions;
  huawei?: HuaweiSimOptions;
}

/** Starts the four simulators over HTTPS (self-signed), as the real products are usually reached. */
export async function startSimulatedEstate(o: EstateOptions = {}): Promise<SimulatedEstate> {
  const common = { tls: true, latencyMs: o.latencyMs ?? 0 };
  const [m365, azure, ahsay, huawei] = await Promise.all([
    startM365Simulator({ ...common, version: 'v8', ...o.m365 }),
    startVeeamAzureSimulator({ ...common, ...o.azure }),
    startAhsaySimulator({ ...common, ...o.ahsay }),
    startHuaweiSimulator({ ...common, ...o.huawei }),
  ]);
  const all: Simulator[] = [m365, azure, ahsay, huawei];
  return {
    m365,
    azure,
    ahsay,
    huawei,
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}

export interface TargetsYamlOptions {
  /** Where the simulators' CA certificates are written. */
  dir: string;
  names: { m365: string; azure: string; ahsay: string; huawei: string };
  /** `log_exports:` of the CloudDC target (YAML lines, without indentation), if any. */
  logExports?: Record<string, string | number>;
}

/** The `targets:` section for an estate (CA files written into `dir`). */
export function estateTargetsYaml(e: SimulatedEstate, o: TargetsYamlOptions): string {
  const ca = (name: string, sim: Simulator): string => {
    const file = path.join(o.dir, `${name}-ca.pem`);
    writeFileSync(file, sim.cert ?? '');
    return file;
  };
  const iam = e.huawei.credentials.iam;
  const exportsYaml = o.logExports
    ? `    log_exports:\n${Object.entries(o.logExports)
        .map(([k, v]) => `      ${k}: ${v}`)
        .join('\n')}\n`
    : '';
  return `targets:
  - name: ${o.names.m365}
    product: veeam_m365
    url: ${e.m365.url}
    auth: { username: monitor, password: secret-m365 }
    tls: { ca_file: ${ca(o.names.m365, e.m365)} }
  - name: ${o.names.azure}
    product: veeam_azure
    url: ${e.azure.url}
    auth: { username: monitor, password: secret-azure }
    tls: { ca_file: ${ca(o.names.azure, e.azure)} }
  - name: ${o.names.ahsay}
    product: ahsay
    url: ${e.ahsay.url}
    timezone: ${e.ahsay.timezone}
    auth: { username: ${e.ahsay.username}, password: ${e.ahsay.password} }
    tls: { ca_file: ${ca(o.names.ahsay, e.ahsay)} }
  - name: ${o.names.huawei}
    product: huawei_clouddc
    url: ${e.huawei.url}
    project_id: ${e.huawei.projectId}
    auth:
      iam: { url: '${e.huawei.url}', domain: ${iam.domain}, username: ${iam.username}, password: ${iam.password} }
    tls: { ca_file: ${ca(o.names.huawei, e.huawei)} }
${exportsYaml}`;
}

/** `global:` lines from a map. */
export function globalYaml(global: Record<string, string | number | boolean>): string {
  return `global:\n${Object.entries(global)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;
}
