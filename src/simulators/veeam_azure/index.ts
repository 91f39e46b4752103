// The Veeam Backup for Microsoft Azure simulator as the demo and tools use it: a v8.1 appliance.
import { writeFileSync } from 'node:fs';
import { caLine, type SimulatorModule } from '../module';
import { azureBench } from './bench';
import { type AzureSimulator, startVeeamAzureSimulator } from './server';

export const simulator: SimulatorModule<AzureSimulator> = {
  product: 'veeam_azure',
  name: 'azure',
  start: (o) => startVeeamAzureSimulator(o),
  targetYaml: (sim, t) =>
    `  - name: ${t.name}\n    product: veeam_azure\n    url: ${sim.url}\n` +
    `    auth: { username: monitor, password: secret-azure }\n${caLine(sim, t, writeFileSync)}`,
  bench: azureBench,
};
