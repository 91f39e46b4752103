// The VB365 simulator as the demo and tools use it: a v8 server with the demo estate.
import { writeFileSync } from 'node:fs';
import { caLine, type SimulatorModule } from '../module';
import { m365Bench } from './bench';
import { type M365Simulator, startM365Simulator } from './server';

export const simulator: SimulatorModule<M365Simulator> = {
  product: 'veeam_m365',
  name: 'm365',
  start: (o) => startM365Simulator({ ...o, version: 'v8' }),
  targetYaml: (sim, t) =>
    `  - name: ${t.name}\n    product: veeam_m365\n    url: ${sim.url}\n` +
    `    auth: { username: monitor, password: secret-m365 }\n${caLine(sim, t, writeFileSync)}`,
  bench: m365Bench,
};
