// What the loader needs to know about a strict schema beyond pass or fail. A target that breaks its schema is
// still read leniently (every broken value left out, every unknown key dropped) so that its files, regexes
// and collectors are checked in the same run: one run reports every problem. And the keys a mapping accepts,
// for "did you mean" on an unknown one.
import { z } from 'zod';

type Schema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  in?: Schema;
}

const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const cache = new WeakMap<Schema, Schema>();

/** A schema that never fails: broken values become undefined (a required mapping becomes `{}`). */
export function lenient(schema: Schema): Schema {
  let out = cache.get(schema);
  if (!out) {
    out = build(schema);
    cache.set(schema, out);
  }
  return out;
}

function build(schema: Schema): Schema {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape: Record<string, Schema> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) shape[key] = lenient(field);
      // Not strict: unknown keys are dropped here (the strict schema reported them).
      return z.object(shape).catch({});
    }
    case 'optional':
      return lenient(def.innerType as Schema)
        .optional()
        .catch(undefined);
    case 'nullable':
      return lenient(def.innerType as Schema)
        .nullable()
        .catch(undefined);
    case 'array':
      // Broken items stay as holes, so that the other items keep their positions in messages.
      return z.array(lenient(def.element as Schema)).catch(undefined as never);
    default:
      return schema.catch(undefined as never);
  }
}

/** The keys of the mapping at `path` below `schema` (list items by number), or none when it is not one. */
export function keysAt(schema: Schema, path: ReadonlyArray<string | number>): string[] {
  let node: Schema | undefined = schema;
  for (let i = 0; node !== undefined; ) {
    const def = defOf(node);
    if (['optional', 'nullable', 'default'].includes(def.type)) node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else if (i === path.length) return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
    else if (def.type === 'object') node = def.shape?.[String(path[i++])];
    else if (def.type === 'array' && typeof path[i] === 'number') {
      node = def.element;
      i++;
    } else return [];
  }
  return [];
}
