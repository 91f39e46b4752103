// Small builders for samples, so products describe facts and never hand-assemble label sets.
import type { FamilyName } from './families';

export type Labels = Record<string, string>;

/** One series. `labels` never contains `target` or `product` (the engine adds them). */
export interface Sample {
  readonly name: FamilyName;
  readonly labels: Labels;
  readonly value: number;
}

/** Labels with undefined values dropped: an omitted label is absent, never an empty string. */
export function labels(l: Record<string, string | undefined>): Labels {
  const out: Labels = {};
  for (const [k, v] of Object.entries(l)) if (v !== undefined) out[k] = v;
  return out;
}

/** A sample, or nothing when the value is unknown (left out, never faked as 0). */
export function sample(name: FamilyName, l: Labels, value: number | undefined | null): Sample[] {
  return value === undefined || value === null || !Number.isFinite(value) ? [] : [{ name, labels: l, value }];
}

/**
 * `l` plus one label (replacing a label of that name in place). Copied key by key on purpose: V8 gives each
 * `{ ...l, [k]: v }` made in a loop its own hidden class, which for 100k series costs tens of MB and slow
 * property access; objects built from `{}` with the same keys in the same order share one.
 */
export function withLabel(l: Labels, key: string, value: string): Labels {
  const out: Labels = {};
  for (const k in l) out[k] = l[k]!;
  out[key] = value;
  return out;
}

/** One series per state, 1 for `current` (a state set). */
export function stateSet(
  name: FamilyName,
  l: Labels,
  labelName: string,
  states: readonly string[],
  current: string,
): Sample[] {
  return states.map((s) => ({ name, labels: withLabel(l, labelName, s), value: s === current ? 1 : 0 }));
}

/** A vendor's name as a label value of contract sections 4.4–4.7: lower-case snake_case (`SomeValue` → `some_value`). */
export function snakeCase(s: string): string | undefined {
  const out = s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return out === '' ? undefined : out;
}
