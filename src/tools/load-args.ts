// The flags of `npm run test:load` (see load.ts).
import { ALL_PRODUCTS } from './load-env';

/**
 * Default warm-up: RSS settles over the first few hundred collections without any leak (the allocator's arenas,
 * the immutable caches filling): read every 100 collections it rose from 157–158 MB to 168–171 MB by the 400th
 * and by 1–2 MB more by the 1,000th. The bound is measured after that, over 900 collections (C: 1,300).
 */
const WARMUP = 400;

export interface Options {
  seconds: number;
  clients: number;
  collections: number;
  /** The soak's first reading, after this many collections (it must be below `collections`). */
  warmup: number;
  minInterval: number;
  products: string[];
}

export function parseArgs(argv: string[]): Options {
  const get = (name: string, def: string): string => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
  const products = get('products', ALL_PRODUCTS.join(','))
    .split(',')
    .filter((p) => ALL_PRODUCTS.includes(p));
  const o = {
    seconds: Number(get('seconds', '60')),
    clients: Number(get('clients', '50')),
    collections: Number(get('collections', '1300')),
    warmup: Number(get('warmup', String(WARMUP))),
    minInterval: Number(get('min-interval', '5')),
    products,
  };
  if (!(o.warmup >= 1 && o.warmup < o.collections))
    throw new Error('--warmup must be at least 1 and below --collections');
  return o;
}
