// Loads the YAML configuration: parse (keeping node ranges for line numbers), substitute `${VAR}`, validate
// with the strict schemas, then resolve files and defaults. Every problem found is reported at once.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { substituteDocument } from './env';
import { ConfigError, lineOf, Problems, syntaxError, toData, type KeyPath } from './problems';
import type { GlobalRaw } from './fields';
import { ALL_TARGET_KEYS, errorMap, isProduct, PRODUCT_CONFIGS, rootSchema, globalSchema } from './schema';
import { PRODUCTS, type Config, type TargetConfig } from './types';
import type { ResolveContext } from './resolve';

export { ConfigError } from './problems';

type Env = Record<string, string | undefined>;

interface Loaded {
  index: number;
  target: TargetConfig;
}

/** Reads and loads a configuration file; throws ConfigError when it cannot be read or is invalid. */
export async function loadConfigFile(file: string, env: Env = process.env): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError([
      `${file}: cannot read configuration file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  return loadConfigText(text, file, env);
}

/**
 * Loads configuration text. `file` names it in messages, and relative file names in it (secrets, CA bundles,
 * state files) are resolved against its directory.
 */
export async function loadConfigText(text: string, file: string, env: Env = process.env): Promise<Config> {
  let lc = new LineCounter();
  let doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // `{ password: ${PW} }` is what users write (and what the docs show), but in YAML a `{` cannot start a
    // plain scalar inside a flow mapping. Quoting such whole-value placeholders keeps every line number.
    const quoted = quoteFlowPlaceholders(text);
    const lc2 = new LineCounter();
    const retry =
      quoted === text ? undefined : parseDocument(quoted, { lineCounter: lc2, prettyErrors: false, uniqueKeys: true });
    if (!retry || retry.errors.length > 0) throw syntaxError(doc.errors, lc, file, text);
    [doc, lc] = [retry, lc2];
  }
  const problems = new Problems();
  substituteDocument(doc, lc, env, problems);
  const data = toData(doc, lc, file);
  const locate = (p: KeyPath): number => lineOf(doc, lc, p);
  const secrets: string[] = [];
  const root = rootSchema.safeParse(data ?? {}, { error: errorMap });
  if (!root.success) addIssues(problems, root.error.issues, []);
  const obj = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<
    string,
    unknown
  >;
  const global: GlobalRaw = root.success
    ? (root.data.global ?? {})
    : (globalSchema.safeParse(obj.global ?? {}).data ?? {});
  const baseDir = path.dirname(path.resolve(file));
  const rawTargets = Array.isArray(obj.targets) ? (obj.targets as unknown[]) : [];
  const loaded: Loaded[] = [];
  for (const [index, raw] of rawTargets.entries()) {
    const ctx: ResolveContext = { path: ['targets', index], problems, baseDir, global, secrets };
    const target = await loadTarget(raw, ctx);
    if (target) loaded.push({ index, target });
  }
  checkUnique(loaded, rawTargets, problems);
  if (problems.size > 0) throw problems.toError(file, locate, secrets);
  return { targets: loaded.map((l) => l.target), secrets: [...new Set(secrets)] };
}

/** Wraps `${VAR}` in double quotes where it is a whole value inside `{ }` or `[ ]`. */
export function quoteFlowPlaceholders(text: string): string {
  return text.replace(/([{[,]\s*(?:[\w.-]+\s*:\s*)?)(\$\{[A-Za-z_][A-Za-z0-9_]*\})(?=\s*[,}\]])/g, '$1"$2"');
}

async function loadTarget(raw: unknown, ctx: ResolveContext): Promise<TargetConfig | undefined> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    ctx.problems.add(ctx.path, 'expected a mapping (a target)');
    return undefined;
  }
  const product = (raw as Record<string, unknown>).product;
  if (!isProduct(product)) {
    const why = product === undefined ? 'missing required key' : `must be one of: ${PRODUCTS.join(', ')}`;
    ctx.problems.add([...ctx.path, 'product'], why);
    return undefined;
  }
  const { schema, resolve } = PRODUCT_CONFIGS[product];
  const parsed = schema.safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    addIssues(ctx.problems, parsed.error.issues, ctx.path, product);
    return undefined;
  }
  return resolve(parsed.data as never, ctx);
}

/** One problem per zod issue; an unknown key is reported on its own line, or as not applying to the product. */
function addIssues(problems: Problems, issues: readonly z.core.$ZodIssue[], prefix: KeyPath, product?: string): void {
  for (const issue of issues) {
    const at = [...prefix, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
    if (issue.code !== 'unrecognized_keys') {
      problems.add(at, issue.message);
      continue;
    }
    for (const key of issue.keys) {
      const applies = product !== undefined && issue.path.length === 0 && ALL_TARGET_KEYS.has(key);
      problems.add([...at, key], applies ? `does not apply to product ${product}` : 'unknown key', undefined, true);
    }
  }
}

/** Names are unique; so are log-export state files (two targets writing one file would corrupt it). */
function checkUnique(loaded: Loaded[], raw: unknown[], problems: Problems): void {
  const names = new Map<string, number>();
  const stateFiles = new Map<string, number>();
  raw.forEach((r, i) => {
    const name = (r as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else problems.add(['targets', i, 'name'], `duplicate target name (also used by targets[${first}])`);
  });
  for (const { index: i, target } of loaded) {
    const file = target.product === 'huawei_clouddc' ? target.logExports?.stateFile : undefined;
    if (file === undefined) continue;
    const first = stateFiles.get(file);
    if (first === undefined) stateFiles.set(file, i);
    else problems.add(['targets', i, 'log_exports', 'state_file'], `already used by targets[${first}]`);
  }
}

export { redactTarget } from './redact';
