// One exporter process against one estate: its configuration, the cold and warm collections measured from
// outside, optionally the HA pair; and the lower bounds of the estate's warm collection.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Args } from './args';
import { type Estate, type Mode, writeConfig } from './estate';
import { startExporterProcess } from './exporter-process';
import { fmtMs, type HaResult, haPair, observer, runCollections, summarise } from './measure';
import type { ModeResult, ProductBound } from './results';
import { timeBoundMs } from './stats';

export const CONCURRENCY = 8;
export const LOOKBACK_MS = 7 * 86_400_000;

export type Log = (msg: string) => void;

export interface ModeOptions {
  dir: string;
  args: Args;
  log: Log;
  latencyMs: number;
  warm: number;
  /** Two concurrent scrapes after the warm ones. */
  ha?: boolean;
  /** A CPU profile of the exporter when --cpu-prof is given. */
  profile?: boolean;
  /** Warm collections before the measured ones, not measured. */
  settle?: number;
}

export async function measureMode(
  estate: Estate,
  mode: Mode,
  o: ModeOptions,
): Promise<{ run: ModeResult; ha?: HaResult }> {
  estate.setLatency(o.latencyMs);
  const profDir = path.join(os.tmpdir(), 'backup-exporter-profiles');
  const profile = o.args.cpuProf && o.profile === true;
  if (profile) mkdirSync(profDir, { recursive: true });
  const exporter = await startExporterProcess({
    configFile: writeConfig(estate, o.dir, mode),
    env: mode === 'naive' ? { BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: '0' } : {},
    nodeFlags: [...o.args.nodeFlags, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])],
    ...(o.args.exporter ? { main: o.args.exporter } : {}),
  });
  try {
    const where = profile ? `, CPU profile into ${profDir}` : '';
    o.log(`${estate.scenario} x${estate.factor} ${mode} exporter (pid ${exporter.pid}) at ${o.latencyMs} ms${where}:`);
    const obs = observer(exporter, estate);
    const r = await runCollections(obs, o.warm, o.log, o.settle ?? 0);
    const ha = o.ha ? await haPair(obs) : undefined;
    if (ha) o.log(`  HA pair: ${ha.requestsTotal} requests, ${ha.wallMs.map(fmtMs).join(' / ')}`);
    const run: ModeResult = {
      latencyMs: o.latencyMs,
      cold: r.cold,
      warm: summarise(r.warm, estate.products),
      warmRuns: r.warm,
      peakRssBytes: r.peakRssBytes,
      idleRssBytes: r.idleRssBytes,
    };
    return ha ? { run, ha } : { run };
  } finally {
    await exporter.stop();
  }
}

/** Each product's lower bound of a warm collection, from the simulated data, with its time at `latencyMs`. */
export function lowerBounds(estate: Estate, latencyMs: number): Record<string, ProductBound> {
  const c = { nowMs: Date.now(), lookbackMs: LOOKBACK_MS };
  return Object.fromEntries(
    estate.members.map((m) => {
      const b = m.spec.bound(m.sim, c);
      const time = timeBoundMs({ ...b, latencyMs, concurrency: CONCURRENCY });
      return [m.module.product, { target: m.target, estate: m.spec.describe, ...b, timeBoundMs: time }];
    }),
  );
}
