// The `collectors:` key of a target (contract section 3): include or exclude fixed collector names, as
// node_exporter users switch collectors off. The inventory collector always runs; a collector that needs
// another goes with it.
import type { KeyPath, Problems } from './problems';
import { didYouMean } from './suggest';
import type { CollectorSpec } from './types';

interface Selection {
  include?: string[];
  exclude?: string[];
}

/** The selected collectors in the product's order; problems are recorded at their key paths. */
export function selectCollectors(raw: Selection | undefined, spec: CollectorSpec, at: KeyPath, problems: Problems) {
  const all = spec.names;
  if (!raw || (raw.include === undefined && raw.exclude === undefined)) return [...all];
  if (raw.include !== undefined && raw.exclude !== undefined) {
    problems.add([...at, 'exclude'], 'set include or exclude, not both');
    return [...all];
  }
  const known = (list: string[], key: string): string[] =>
    list.filter((name, i) => {
      if (all.includes(name)) return true;
      const hint = didYouMean(name, all);
      problems.add([...at, key, i], `unknown collector "${name}"${hint || ` (this product has: ${all.join(', ')})`}`);
      return false;
    });
  if (raw.include !== undefined) return included(known(raw.include, 'include'), spec, [...at, 'include'], problems);
  return excluded(known(raw.exclude ?? [], 'exclude'), spec, [...at, 'exclude'], problems);
}

function included(names: string[], spec: CollectorSpec, at: KeyPath, problems: Problems): string[] {
  const chosen = new Set([spec.names[0] ?? '', ...names]);
  names.forEach((name, i) => {
    const missing = (spec.needs?.[name] ?? []).filter((n) => !chosen.has(n));
    if (missing.length > 0) problems.add([...at, i], `${name} needs ${missing.join(', ')}: list it too`);
  });
  return spec.names.filter((n) => chosen.has(n));
}

function excluded(names: string[], spec: CollectorSpec, at: KeyPath, problems: Problems): string[] {
  const inventory = spec.names[0];
  names.forEach((name, i) => {
    if (name === inventory) problems.add([...at, i], `the inventory collector ${name} cannot be excluded`);
  });
  const out = new Set(names.filter((n) => n !== inventory));
  // Dependants go with what they depend on.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, needs] of Object.entries(spec.needs ?? {})) {
      if (out.has(name) || !needs.some((n) => out.has(n))) continue;
      out.add(name);
      grew = true;
    }
  }
  return spec.names.filter((n) => !out.has(n));
}
