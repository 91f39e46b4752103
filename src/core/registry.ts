// The product registry as the loader, the engine and the server use it. Built once by main.ts from the list
// in src/products/index.ts; nothing below src/products names a product.
import type { ConfigRegistry } from '../config/types';
import type { ModuleAction, ProductModule } from './module';

export interface Registry {
  readonly modules: ReadonlyMap<string, ProductModule>;
  readonly config: ConfigRegistry;
  /** Every action some product declares, once per path. */
  readonly actions: ReadonlyArray<{ path: string; what: string }>;
}

export function createRegistry(list: readonly ProductModule[]): Registry {
  const byName = new Map(list.map((m) => [m.product, m]));
  if (byName.size !== list.length) throw new Error('two product modules share a product name');
  const actions = new Map<string, string>();
  for (const a of list.flatMap((m): readonly ModuleAction[] => m.actions ?? [])) actions.set(a.path, a.what);
  return {
    modules: byName,
    config: new Map(list.map((m) => [m.product, m.config])),
    actions: [...actions].map(([path, what]) => ({ path, what })),
  };
}
