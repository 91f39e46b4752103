// Rendering 100,000 series in-process: the exporter's renderer (per-target chunks, then the join a reused
// collection costs) against prom-client's registry, on the same synthetic job series.
import { Gauge, Registry } from 'prom-client';
import { joinChunks, renderTarget, type RenderedChunks } from '../core/render';
import type { FamilyName } from '../core/families';
import type { Sample } from '../core/samples';
import { percentile } from './stats';

export interface RenderResult {
  series: number;
  targets: number;
  repeats: number;
  /** renderTarget of every target plus joinChunks: a fresh collection's rendering. */
  renderAndJoinMs: number;
  /** joinChunks alone: a response reusing rendered collections. */
  joinOnlyMs: number;
  promClientMs: number;
  bytes: number;
}

const STATES = ['success', 'warning', 'failed', 'running', 'stopped', 'none', 'unknown'];
const JOB_FAMILIES: FamilyName[] = [
  'backup_job_last_run_start_timestamp_seconds',
  'backup_job_last_run_end_timestamp_seconds',
  'backup_job_last_run_duration_seconds',
];

/** Synthetic job series of `targets` targets, `series` in all: a status state set plus timestamps per job. */
export function syntheticSeries(series: number, targets: number): Array<{ target: string; samples: Sample[] }> {
  const perJob = STATES.length + JOB_FAMILIES.length;
  const jobs = Math.ceil(series / perJob);
  const out = Array.from({ length: targets }, (_, t) => ({ target: `target-${t}`, samples: [] as Sample[] }));
  let made = 0;
  for (let j = 0; j < jobs && made < series; j++) {
    const group = out[j % targets]!;
    const labels = {
      tenant: `tenant${j % 50}.onmicrosoft.com`,
      job_id: `6f1c2e3a-0000-4000-a000-${String(j).padStart(12, '0')}`,
      job_name: `Job "${j}" daily`,
      job_type: 'Backup',
    };
    for (const status of STATES) {
      if (made++ >= series) break;
      group.samples.push({
        name: 'backup_job_status',
        labels: { ...labels, status },
        value: status === 'success' ? 1 : 0,
      });
    }
    for (const name of JOB_FAMILIES) {
      if (made++ >= series) break;
      group.samples.push({ name, labels, value: 1_763_800_000 + j });
    }
  }
  return out;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** prom-client registry holding the same series (one gauge per family). */
function promRegistry(groups: ReturnType<typeof syntheticSeries>): Registry {
  const registry = new Registry();
  const gauges = new Map<string, Gauge>();
  for (const g of groups) {
    for (const s of g.samples) {
      let gauge = gauges.get(s.name);
      if (!gauge) {
        gauge = new Gauge({
          name: s.name,
          help: s.name,
          labelNames: ['target', 'product', ...Object.keys(s.labels)],
          registers: [registry],
        });
        gauges.set(s.name, gauge);
      }
      gauge.set({ target: g.target, product: 'synthetic', ...s.labels }, s.value);
    }
  }
  return registry;
}

/** Median over `repeats` runs (after one warm-up) of each way of rendering. */
export async function renderBenchmark(series = 100_000, targets = 4, repeats = 5): Promise<RenderResult> {
  const groups = syntheticSeries(series, targets);
  const render = (): RenderedChunks[] => groups.map((g) => renderTarget(g.target, 'synthetic', g.samples));
  let bytes = joinChunks(render()).length;
  const fresh: number[] = [];
  const joins: number[] = [];
  const chunks = render();
  for (let i = 0; i < repeats; i++) {
    fresh.push(
      time(() => {
        bytes = joinChunks(render()).length;
      }),
    );
    joins.push(time(() => joinChunks(chunks)));
  }
  const registry = promRegistry(groups);
  await registry.metrics();
  const prom: number[] = [];
  for (let i = 0; i < repeats; i++) prom.push(await timeAsync(() => registry.metrics()));
  return {
    series,
    targets,
    repeats,
    bytes,
    renderAndJoinMs: percentile(fresh, 50),
    joinOnlyMs: percentile(joins, 50),
    promClientMs: percentile(prom, 50),
  };
}
