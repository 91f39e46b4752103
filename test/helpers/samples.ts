// Lookups in a collection's samples, shared by every product's tests.
import type { Sample } from '../../src/core/samples';

/** Label values to match; an undefined value matches any (or no) value of that label. */
export type LabelFilter = Record<string, string | undefined>;

function matches(s: Sample, l: LabelFilter): boolean {
  return Object.entries(l).every(([k, v]) => v === undefined || s.labels[k] === v);
}

/** The value of the first series of `name` whose labels include the given ones, or undefined. */
export function value(samples: readonly Sample[], name: string, l: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && matches(s, l))?.value;
}

/** Every series (of any name) whose labels include the given ones. */
export function seriesWith(samples: readonly Sample[], l: LabelFilter): Sample[] {
  return samples.filter((s) => matches(s, l));
}

/** In a state set (`name`, one series per state), the `stateLabel` of the series that is 1. */
export function stateIn(
  samples: readonly Sample[],
  name: string,
  l: LabelFilter,
  stateLabel: string,
): string | undefined {
  return samples.find((s) => s.name === name && matches(s, l) && s.value === 1)?.labels[stateLabel];
}

/** Every series of one job, by name. */
export function seriesOf(samples: readonly Sample[], jobName: string): Sample[] {
  return seriesWith(samples, { job_name: jobName });
}

/** The state whose series is 1 in a job's status set, by job name. */
export function statusOf(samples: readonly Sample[], jobName: string): string | undefined {
  return stateIn(samples, 'backup_job_status', { job_name: jobName }, 'status');
}

/** Samples as sorted text lines, to compare two collections regardless of the API's list order. */
export function canonical(samples: readonly Sample[]): string[] {
  return samples.map((s) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())} ${s.value}`).sort();
}
