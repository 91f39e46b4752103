// A veeam_m365 session against the simulator over real HTTP(S), with a fixed clock and a readable log.
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { veeamM365 as m365 } from '../../src/products/veeam_m365';
import { startM365Simulator, type M365SimOptions, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import type { SimSession } from '../../src/simulators/veeam_m365/data';
import { startSessionHarness, type SessionHarness } from '../helpers/session';
import { m365Target } from '../helpers/targets';

export { canonical, seriesOf, statusOf, value } from '../helpers/samples';

/** 2026-03-02T12:00:00Z: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Harness extends SessionHarness {
  sim: M365Simulator;
  target: VeeamM365Target;
}

export async function harness(simOpts: M365SimOptions = {}, o: Partial<VeeamM365Target> = {}): Promise<Harness> {
  const sim = await startM365Simulator({ now: () => NOW, ...simOpts });
  const tls = sim.cert ? { tls: { ca: sim.cert, insecureSkipVerify: false } } : {};
  const target = m365Target(sim.url, { ...tls, ...o });
  const h = startSessionHarness(m365, target, { now: () => NOW });
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

/** The simulator's sessions of a job, newest start first. */
export function sessionsOf(sim: M365Simulator, jobName: string): SimSession[] {
  const job = sim.data.jobs.find((j) => j.name === jobName);
  if (!job) throw new Error(`no job ${jobName}`);
  return sim.data.sessions.filter((s) => s.jobId === job.id).sort((a, b) => b.start - a.start);
}
