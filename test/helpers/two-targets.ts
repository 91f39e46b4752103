// The VB365 + CloudDC pair that the fault and security tests run the whole exporter against: both simulators
// over plain HTTP, named `m365` and `clouddc` in the configuration. The YAML pieces are exported on their own
// for tests that list other targets besides (or instead of) these two.
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import {
  startHuaweiSimulator,
  type HuaweiSimOptions,
  type HuaweiSimulator,
} from '../../src/simulators/huawei_clouddc/server';
import { startTestExporter, type TestExporter } from './exporter';

/** A configuration file: `global` is the body of its one-line flow map, each target ends with a newline. */
export function configYaml(global: string, targets: string[]): string {
  return `\nglobal: { ${global} }\ntargets:\n${targets.join('')}`;
}

/** A VB365 target (API v8, the simulator's default credentials unless another password is given). */
export function m365Yaml(url: string, o: { name?: string; password?: string } = {}): string {
  return `  - name: ${o.name ?? 'm365'}
    product: veeam_m365
    url: ${url}
    api_version: v8
    auth: { username: monitor, password: ${o.password ?? 'secret-m365'} }
`;
}

/** How the CloudDC target signs in: a static token, or IAM username and password on the simulator itself. */
export type HuaweiAuthKind = 'token' | 'iam';

/** The `clouddc` target on a CloudDC simulator, with credentials the simulator accepts by default. */
export function huaweiYaml(sim: HuaweiSimulator, auth: HuaweiAuthKind): string {
  const authYaml =
    auth === 'token'
      ? 'auth: { token: secret-token }'
      : `auth:\n      iam: { url: ${sim.url}, domain: acme, username: monitor, password: secret-iam }`;
  return `  - name: clouddc
    product: huawei_clouddc
    url: ${sim.url}
    project_id: ${sim.projectId}
    ${authYaml}
`;
}

export interface TwoTargetsOptions {
  /** Body of the `global:` flow map, e.g. `timeout: 10s, min_interval: 0s`. */
  global: string;
  /** Jobs of the VB365 simulator (one organisation). */
  jobs: number;
  /** Servers of the CloudDC simulator. */
  servers: number;
  huaweiAuth: HuaweiAuthKind;
  /** Further CloudDC simulator options (page size, ...). */
  huawei?: Omit<HuaweiSimOptions, 'scale'>;
  /** Changes the simulators' data before the exporter first reads it. */
  prepare?: (sims: { m365: M365Simulator; huawei: HuaweiSimulator }) => void;
}

export interface TwoTargets {
  m365: M365Simulator;
  huawei: HuaweiSimulator;
  ex: TestExporter;
  /** Stops the exporter first (no scrape in flight), then both simulators. */
  close(): Promise<void>;
}

/** Starts both simulators and the exporter on them; whatever started is stopped again if a later step fails. */
export async function startTwoTargets(o: TwoTargetsOptions): Promise<TwoTargets> {
  const m365 = await startM365Simulator({ version: 'v8', scale: { orgs: 1, jobs: o.jobs } });
  let huawei: HuaweiSimulator | undefined;
  try {
    huawei = await startHuaweiSimulator({ ...o.huawei, scale: { servers: o.servers } });
    o.prepare?.({ m365, huawei });
    const ex = await startTestExporter(configYaml(o.global, [m365Yaml(m365.url), huaweiYaml(huawei, o.huaweiAuth)]));
    const sims = [m365, huawei];
    return {
      m365,
      huawei,
      ex,
      close: async () => {
        await ex.close();
        await Promise.all(sims.map((s) => s.close()));
      },
    };
  } catch (err) {
    await Promise.all([m365.close(), huawei?.close()]);
    throw err;
  }
}

/**
 * Runs `startTwoTargets` before the file's tests and closes it after them. The returned object is filled in
 * by the `beforeAll` hook, so its fields may only be read inside hooks and tests.
 */
export function useTwoTargets(o: TwoTargetsOptions): TwoTargets {
  const env = {} as TwoTargets;
  beforeAll(async () => {
    Object.assign(env, await startTwoTargets(o));
  });
  afterAll(async () => {
    await env.close?.();
  });
  return env;
}
