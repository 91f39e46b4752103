// Every registered simulator together, and the `targets:` section that points the exporter at them. The demo
// and the tools share this, each with its own target names, latency and features.
import type { Simulator } from './common';
import { SIMULATORS } from './index';
import type { SimulatorModule, StartOptions } from './module';

export interface EstateMember {
  module: SimulatorModule;
  sim: Simulator;
}

export interface SimulatedEstate {
  readonly members: readonly EstateMember[];
  /** The simulator standing in for `product`. */
  get(product: string): Simulator | undefined;
  /** Forgets every simulator's test log. */
  clearLogs(): void;
  close(): Promise<void>;
}

/** Starts one simulator per product, over HTTPS (self-signed) unless told otherwise. */
export async function startSimulatedEstate(o: Partial<StartOptions> = {}): Promise<SimulatedEstate> {
  const opts: StartOptions = { tls: o.tls ?? true, latencyMs: o.latencyMs ?? 0 };
  const members = await Promise.all(SIMULATORS.map(async (module) => ({ module, sim: await module.start(opts) })));
  return {
    members,
    get: (product) => members.find((m) => m.module.product === product)?.sim,
    clearLogs: () => {
      for (const { module, sim } of members) {
        if (module.clearLog) module.clearLog(sim);
        else sim.requests.length = 0;
      }
    },
    close: async () => {
      await Promise.all(members.map((m) => m.sim.close()));
    },
  };
}

/** The `targets:` section for an estate: `<name><suffix>` per simulator, files written into `dir`. */
export function estateTargetsYaml(e: SimulatedEstate, o: { dir: string; suffix: string; demo?: boolean }): string {
  const entries = e.members.map(({ module, sim }) =>
    module.targetYaml(sim, { name: `${module.name}${o.suffix}`, dir: o.dir, demo: o.demo ?? false }),
  );
  return `targets:\n${entries.join('')}`;
}

/** `global:` lines from a map. */
export function globalYaml(global: Record<string, string | number | boolean>): string {
  return `global:\n${Object.entries(global)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;
}
