// Every registered simulator's benchmark estate, shrunk, against the whole exporter: a warm collection within
// inventory_ttl costs exactly the lower bound the simulator module computes (no more, and no fewer: the bound
// is then known to be reachable), and sends no request for storage, licence, coverage or component data.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { estateSpecs } from '../../src/bench/estate';
import { globalYaml } from '../../src/simulators/estate';
import type { Simulator } from '../../src/simulators/common';
import { startTestExporter, type TestExporter } from '../helpers/exporter';

const FACTOR = 0.05;
const members = estateSpecs('full', FACTOR);

let ex: TestExporter | undefined;
const sims: Simulator[] = [];
afterAll(async () => {
  await ex?.close();
  await Promise.all(sims.map((s) => s.close()));
});

describe.each(members.map((m) => [m.module.product, m] as const))('%s at the full estate x0.05', (_p, member) => {
  it('collects warm with exactly the minimal requests, none for slowly changing data', async () => {
    const sim = await member.spec.start({ tls: true, latencyMs: 0 });
    sims.push(sim);
    const target = `${member.module.name}-bench`;
    ex = await startTestExporter(
      `${globalYaml({ timeout: '2m', min_interval: '0s' })}targets:\n` +
        member.module.targetYaml(sim, { name: target, dir: mkdtempSync(path.join(os.tmpdir(), 'bench-warm-')) }),
    );
    const slow = () => sim.requests.filter((r) => member.spec.slowData?.test(r.path) ?? false).length;
    const cold = await ex.get(`/probe?target=${target}`);
    expect(cold.text).toContain(`backup_target_up{target="${target}",product="${member.module.product}"} 1`);
    const coldSlow = slow();
    const before = sim.requests.length;
    const warm = await ex.get(`/probe?target=${target}`);
    expect(warm.text).toContain('backup_target_up');
    const bound = member.spec.bound(sim, { nowMs: Date.now(), lookbackMs: 7 * 86_400_000 });
    expect(sim.requests.length - before).toBe(bound.minimalRequests);
    expect(slow()).toBe(coldSlow);
    await ex.close();
    ex = undefined;
  }, 120_000);
});
