// An ahsay target against the simulator over real HTTP(S), with a fixed clock and a log that tests can read.
import type { Sample } from '../../src/core/samples';
import { ahsay } from '../../src/products/ahsay';
import type { AhsayTarget } from '../../src/products/ahsay/config';
import { startAhsaySimulator, type AhsaySimOptions, type AhsaySimulator } from '../../src/simulators/ahsay/server';
import { seriesWith, stateIn } from '../helpers/samples';
import { startSessionHarness, type SessionHarness } from '../helpers/session';
import { ahsayTarget } from '../helpers/targets';

export { value } from '../helpers/samples';

// Ids of the simulator's hand-made demo estate.
export const DEST_A = '-1700000000101';
export const DEST_B = '-1700000000102';
export const DOCS = '1700000000001';
export const SQL = '1700000000002';
export const EXCH = '1700000000011';
export const LAPTOP = '1700000000012';
export const ARCHIVE = '1700000000013';
export const OLD_PC = '1700000000021';
export const OFFICE = '1700000000041';
export const DEST_C = '-1700000000103';
/** Unix seconds of a Hong Kong wall-clock time (the simulator's default zone). */
export const hk = (iso: string): number => Date.parse(`${iso}+08:00`) / 1000;

/** 2026-03-02T04:00:00Z = 12:00 in Hong Kong: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 4, 0, 0);

export interface Harness extends SessionHarness {
  sim: AhsaySimulator;
  target: AhsayTarget;
}

export async function harness(simOpts: AhsaySimOptions = {}, o: Partial<AhsayTarget> = {}): Promise<Harness> {
  const now = simOpts.now?.() ?? NOW;
  const sim = await startAhsaySimulator({ tls: true, now: () => now, ...simOpts });
  const tls = sim.cert ? { ca: sim.cert, insecureSkipVerify: false } : { insecureSkipVerify: false };
  const target = ahsayTarget(sim.url, { tls, timezone: sim.timezone, ...o });
  const h = startSessionHarness(ahsay, target, { now: () => now });
  return {
    ...h,
    sim,
    target,
    close: async () => {
      await h.close();
      await sim.close();
    },
  };
}

/** A new target state (an exporter restart) against the same simulator, with fresh caches. */
export function restart(h: Harness, o: Partial<AhsayTarget> = {}): Harness {
  const target = { ...h.target, ...o };
  const next = startSessionHarness(ahsay, target, { now: () => NOW });
  return { ...next, sim: h.sim, target, close: () => next.close() };
}

/** Series of one job (backup set id, optionally one destination). */
export function seriesOf(samples: readonly Sample[], setId: string, dest?: string): Sample[] {
  return seriesWith(samples, { job_id: setId, destination_id: dest });
}

/** The state whose series is 1 in a job's status set. */
export function statusOf(samples: readonly Sample[], setId: string, dest?: string): string | undefined {
  return stateIn(samples, 'backup_job_status', { job_id: setId, destination_id: dest }, 'status');
}
