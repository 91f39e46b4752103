// The layer order of docs/architecture.md, checked on every import of src/: no import runs upward, products
// never import each other, simulators never import product code, and only src/products/ names a product.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTS } from '../../src/products';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Rank of each runtime layer; a file may import its own rank or lower. */
const LAYERS: Array<[string, number]> = [
  ['common', 1],
  ['config', 2],
  ['http', 3],
  ['core', 4],
  ['products', 5],
  ['server', 6],
  ['cli', 7],
  ['main', 7],
];
/** Development-only folders: anything may be imported, except that simulators stay apart from product code. */
const DEV = ['simulators', 'demo', 'bench', 'tools'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The first path segment below src/, without `.ts` (`core`, `cli`). */
function top(file: string): string {
  return (path.relative(SRC, file).split(path.sep)[0] ?? '').replace(/\.ts$/, '');
}

function rank(file: string): number | undefined {
  return LAYERS.find(([name]) => top(file) === name)?.[1];
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\b[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

const ALL = files(SRC);

test('no import runs upward', () => {
  const upward: string[] = [];
  for (const file of ALL) {
    const from = rank(file);
    if (from === undefined) continue;
    for (const target of imports(file)) {
      const to = rank(target) ?? Number.POSITIVE_INFINITY;
      if (to > from) upward.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`);
    }
  }
  expect(upward).toEqual([]);
});

test('runtime layers never import development folders', () => {
  const wrong = ALL.filter((f) => rank(f) !== undefined).flatMap((f) =>
    imports(f)
      .filter((t) => DEV.includes(top(t)))
      .map((t) => `${path.relative(SRC, f)} -> ${path.relative(SRC, t)}`),
  );
  expect(wrong).toEqual([]);
});

test('a product imports no other product; simulators import no product code', () => {
  const wrong: string[] = [];
  for (const file of ALL) {
    const rel = path.relative(SRC, file).split(path.sep);
    for (const target of imports(file)) {
      const t = path.relative(SRC, target).split(path.sep);
      const crossProduct = rel[0] === 'products' && t[0] === 'products' && rel.length > 2 && t[1] !== rel[1];
      const simToProduct = rel[0] === 'simulators' && !['common', 'simulators'].includes(t[0] ?? '');
      if (crossProduct || simToProduct) wrong.push(`${rel.join('/')} -> ${t.join('/')}`);
    }
  }
  expect(wrong).toEqual([]);
});

const PRODUCT_WORDS = [
  'veeam',
  'vb365',
  'm365',
  'azure',
  'ahsay',
  'cbs',
  'huawei',
  'clouddc',
  ...PRODUCTS.filter(Boolean).map((p) => p.product),
];
const PRODUCT_NAME = new RegExp(`\\b(?:${PRODUCT_WORDS.join('|')})`, 'i');

/** Lines of `files` that name a product. */
function naming(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (PRODUCT_NAME.test(line) ? [`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

test('only src/products/ names a product among the runtime layers', () => {
  const runtime = ALL.filter((f) => rank(f) !== undefined && top(f) !== 'products' && top(f) !== 'main');
  expect(naming(runtime)).toEqual([]);
});

test('the benchmark and the demo know products through the simulator registry only', () => {
  expect(naming(ALL.filter((f) => top(f) === 'bench' || top(f) === 'demo'))).toEqual([]);
});
