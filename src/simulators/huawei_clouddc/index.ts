// The Huawei CloudDC simulator as the demo and tools use it: IAM login, and in the demo a log export every
// minute so that an export can be seen advancing, completing and being downloaded.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { caLine, type SimulatorModule, type TargetOptions } from '../module';
import { huaweiBench } from './bench';
import { type HuaweiSimulator, startHuaweiSimulator } from './server';

function logExports(t: TargetOptions): string {
  if (!t.demo) return '';
  const state = path.join(t.dir, `${t.name}-exports-state.json`);
  const downloads = path.join(t.dir, 'exports');
  return `    log_exports: { every: 1m, keep: 2, state_file: ${state}, download_dir: ${downloads} }\n`;
}

export const simulator: SimulatorModule<HuaweiSimulator> = {
  product: 'huawei_clouddc',
  name: 'clouddc',
  start: (o) => startHuaweiSimulator(o),
  targetYaml: (sim, t) => {
    const { domain, username, password } = sim.credentials.iam;
    return (
      `  - name: ${t.name}\n    product: huawei_clouddc\n    url: ${sim.url}\n    project_id: ${sim.projectId}\n` +
      `    auth:\n      iam: { url: '${sim.url}', domain: ${domain}, username: ${username}, password: ${password} }\n` +
      `${caLine(sim, t, writeFileSync)}${logExports(t)}`
    );
  },
  bench: huaweiBench,
};
