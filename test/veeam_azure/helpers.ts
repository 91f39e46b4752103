// A veeam_azure session against the simulator over real HTTPS, with a fixed clock and a log that tests can read.
import { veeamAzure } from '../../src/products/veeam_azure';
import type { VeeamAzureTarget } from '../../src/products/veeam_azure/config';
import {
  startVeeamAzureSimulator,
  type AzureSimOptions,
  type AzureSimulator,
} from '../../src/simulators/veeam_azure/server';
import { startSessionHarness, type SessionHarness } from '../helpers/session';
import { azureTarget } from '../helpers/targets';

export { canonical as sorted, seriesOf, statusOf, value } from '../helpers/samples';

/** 2026-03-02T12:00:00Z: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Harness extends SessionHarness {
  sim: AzureSimulator;
  target: VeeamAzureTarget;
}

export async function harness(simOpts: AzureSimOptions = {}, o: Partial<VeeamAzureTarget> = {}): Promise<Harness> {
  const sim = await startVeeamAzureSimulator({ tls: true, now: () => NOW, ...simOpts });
  const target = azureTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, ...o });
  const h = startSessionHarness(veeamAzure, target, { now: () => NOW });
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
