// The AhsayCBS simulator as the demo and tools use it.
import { writeFileSync } from 'node:fs';
import { caLine, type SimulatorModule } from '../module';
import { ahsayBench } from './bench';
import { type AhsaySimulator, startAhsaySimulator } from './server';

export const simulator: SimulatorModule<AhsaySimulator> = {
  product: 'ahsay',
  name: 'cbs',
  start: (o) => startAhsaySimulator(o),
  targetYaml: (sim, t) =>
    `  - name: ${t.name}\n    product: ahsay\n    url: ${sim.url}\n    timezone: ${sim.timezone}\n` +
    `    auth: { username: ${sim.username}, password: ${sim.password} }\n${caLine(sim, t, writeFileSync)}`,
  clearLog: (sim) => {
    sim.requests.length = 0;
    sim.calls.length = 0;
  },
  bench: ahsayBench,
};
