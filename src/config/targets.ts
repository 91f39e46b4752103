// The `targets:` list: each target validated by its product's strict schema and resolved by its product's
// module, then the rules across targets (unique names, files no two targets may share).
import { addIssues } from './issues';
import type { KeyPath, Problems } from './problems';
import type { ResolveContext } from './resolve';
import { allTargetKeys, errorMap } from './schema';
import type { ConfigRegistry, TargetConfig } from './types';

type Base = Omit<ResolveContext, 'path' | 'collectors'>;

interface Loaded {
  index: number;
  target: TargetConfig;
}

export async function loadTargets(raw: unknown[], base: Base, registry: ConfigRegistry): Promise<TargetConfig[]> {
  const loaded: Loaded[] = [];
  for (const [index, item] of raw.entries()) {
    const target = await loadTarget(item, ['targets', index], base, registry);
    if (target) loaded.push({ index, target });
  }
  checkNames(raw, base.problems);
  checkExclusiveFiles(loaded, registry, base.problems);
  return loaded.map((l) => l.target);
}

async function loadTarget(raw: unknown, at: KeyPath, base: Base, registry: ConfigRegistry) {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    base.problems.add(at, 'expected a mapping (a target)');
    return undefined;
  }
  const product = (raw as Record<string, unknown>).product;
  const spec = typeof product === 'string' ? registry.get(product) : undefined;
  if (!spec) {
    const why = product === undefined ? 'missing required key' : `must be one of: ${[...registry.keys()].join(', ')}`;
    base.problems.add([...at, 'product'], why);
    return undefined;
  }
  const parsed = spec.schema.safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    addIssues(base.problems, parsed.error.issues, at, {
      product: String(product),
      known: allTargetKeys(registry),
    });
    return undefined;
  }
  return spec.resolve(parsed.data as never, { ...base, path: at, collectors: spec.collectors });
}

function checkNames(raw: unknown[], problems: Problems): void {
  const names = new Map<string, number>();
  raw.forEach((r, i) => {
    const name = (r as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else problems.add(['targets', i, 'name'], `duplicate target name (also used by targets[${first}])`);
  });
}

/** Two targets writing one state file would corrupt it. */
function checkExclusiveFiles(loaded: Loaded[], registry: ConfigRegistry, problems: Problems): void {
  const owners = new Map<string, number>();
  for (const { index, target } of loaded) {
    for (const { key, file } of registry.get(target.product)?.exclusiveFiles?.(target) ?? []) {
      const first = owners.get(file);
      if (first === undefined) owners.set(file, index);
      else problems.add(['targets', index, ...key], `already used by targets[${first}]`);
    }
  }
}
