// The `targets:` list: each target validated by its product's strict schema and resolved by its product's
// module, then the rules across targets (unique names, files no two targets may share).
import { z } from 'zod';
import { type CommonRaw, commonShape } from './fields';
import { addIssues } from './issues';
import { lenient } from './lenient';
import type { KeyPath, Problems } from './problems';
import { type ResolveContext, resolveCommon } from './resolve';
import { allTargetKeys, errorMap } from './schema';
import { didYouMean } from './suggest';
import type { ConfigRegistry, ProductConfig, TargetConfig } from './types';

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
    const products = [...registry.keys()];
    const why =
      product === undefined
        ? 'missing required key'
        : `must be one of: ${products.join(', ')}${typeof product === 'string' ? didYouMean(product, products) : ''}`;
    base.problems.add([...at, 'product'], why);
    await checkCommon(raw as Record<string, unknown>, at, base, registry);
    return undefined;
  }
  const parsed = spec.schema.safeParse(raw, { error: errorMap });
  const ctx = { ...base, path: at, collectors: spec.collectors };
  if (parsed.success) return spec.resolve(parsed.data as never, ctx);
  const known = allTargetKeys(registry);
  addIssues(base.problems, parsed.error.issues, at, {
    schema: spec.schema,
    target: { product: String(product), known },
  });
  await resolveLeniently(spec, raw, ctx);
  return undefined;
}

/**
 * A target that broke its schema is resolved all the same on what is left of it, so that its files, regexes
 * and collectors are checked in this run too; the result is dropped. Problems at the broken values' paths
 * were reported already and stay quiet (spoiled).
 */
async function resolveLeniently(spec: ProductConfig, raw: unknown, ctx: ResolveContext): Promise<void> {
  try {
    await spec.resolve(lenient(spec.schema).parse(raw) as never, ctx);
  } catch {
    // A key the product's resolve needs is broken, which was reported above.
  }
}

/** A target of no known product: the keys every target has are checked, and keys no product knows. */
async function checkCommon(raw: Record<string, unknown>, at: KeyPath, base: Base, registry: ConfigRegistry) {
  const known = allTargetKeys(registry);
  const common = z.object(commonShape).omit({ product: true, collectors: true });
  const parsed = common.safeParse(raw, { error: errorMap });
  if (!parsed.success) addIssues(base.problems, parsed.error.issues, at, { schema: common });
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) base.problems.add([...at, key], `unknown key${didYouMean(key, known)}`, undefined, true);
  }
  const { collectors: _ignored, ...rest } = lenient(common).parse(raw) as CommonRaw;
  try {
    await resolveCommon(rest, '', { ...base, path: at, collectors: { names: [] } });
  } catch {
    // As in resolveLeniently.
  }
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
