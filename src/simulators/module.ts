// What the demo, the benchmark and the tools know of a product's simulator: how to start it, how the exporter's
// configuration points at it, and its benchmark estates (./bench.ts). One module per product folder, listed in
// ./index.ts.
import type { BenchEstate, BenchScenario } from './bench';
import type { Simulator } from './common';

export interface StartOptions {
  /** HTTPS with a self-signed certificate (the usual appliance). */
  tls: boolean;
  latencyMs: number;
}

export interface TargetOptions {
  /** The target's name in the configuration. */
  name: string;
  /** Where files the target needs (CA bundle, state files) are written. */
  dir: string;
  /** Switch on the optional features the demo shows (e.g. scheduled work). */
  demo?: boolean;
}

export interface SimulatorModule<S extends Simulator = Simulator> {
  /** The `product:` of the targets it stands in for. */
  readonly product: string;
  /** Short name for targets against it (`<name>-demo`, `<name>-bench`). */
  readonly name: string;
  start(opts: StartOptions): Promise<S>;
  /** One entry of `targets:` (a YAML list item, indented two spaces) for the exporter against `sim`. */
  targetYaml(sim: S, t: TargetOptions): string;
  /** Forgets what the simulator logged for tests (a long demo must not keep it); default: its request log. */
  clearLog?(sim: S): void;
  /** The estate of a benchmark scenario at `factor` (1 = its documented size); undefined: no part in it. */
  bench(scenario: BenchScenario, factor: number): BenchEstate<S> | undefined;
}

/** The CA bundle of a TLS simulator, written for `tls.ca_file`; '' for plain HTTP. */
export function caLine(sim: Simulator, t: TargetOptions, writeFile: (file: string, text: string) => void): string {
  if (!sim.cert) return '';
  const file = `${t.dir}/${t.name}-ca.pem`;
  writeFile(file, sim.cert);
  return `    tls: { ca_file: ${file} }\n`;
}
