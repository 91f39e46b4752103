// The YAML schema of the top level and `global:`. Each product's target schema comes from its module, through
// the registry the loader is given.
import { z } from 'zod';
import { globalShape } from './fields';
import type { ConfigRegistry } from './types';

export { errorMap } from './messages';

export const globalSchema = z.strictObject(globalShape);

/** `global:` may be left empty; `targets` is required (an empty list is fine). */
export const rootSchema = z.strictObject({
  global: globalSchema.nullish(),
  targets: z.array(z.unknown()),
});

/** Target-level keys that some product accepts: on another product they "do not apply" rather than being unknown. */
export function allTargetKeys(registry: ConfigRegistry): ReadonlySet<string> {
  return new Set([...registry.values()].flatMap((p) => Object.keys(p.schema.shape)));
}
