// Loads the YAML configuration: parse (keeping node ranges for line numbers), substitute `${VAR}`, validate
// with the strict schemas, then resolve files and defaults. Every problem found is reported at once.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { substituteDocument } from './env';
import type { GlobalRaw } from './fields';
import { addIssues } from './issues';
import { ConfigError, lineOf, Problems, syntaxError, toData, type KeyPath } from './problems';
import { errorMap, globalSchema, rootSchema } from './schema';
import { loadTargets } from './targets';
import type { Config, ConfigRegistry } from './types';

export { ConfigError } from './problems';

type Env = Record<string, string | undefined>;

/** Reads and loads a configuration file; throws ConfigError when it cannot be read or is invalid. */
export async function loadConfigFile(file: string, registry: ConfigRegistry, env: Env = process.env): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError([`${file}: cannot read configuration file (${code})`]);
  }
  return loadConfigText(text, file, registry, env);
}

/**
 * Loads configuration text. `file` names it in messages, and relative file names in it (secrets, CA bundles,
 * state files) are resolved against its directory.
 */
export async function loadConfigText(
  text: string,
  file: string,
  registry: ConfigRegistry,
  env: Env = process.env,
): Promise<Config> {
  const { doc, lc } = parse(text, file);
  const problems = new Problems();
  substituteDocument(doc, lc, env, problems);
  const data = toData(doc, lc, file);
  const root = rootSchema.safeParse(data ?? {}, { error: errorMap });
  if (!root.success) addIssues(problems, root.error.issues, []);
  const obj = isMapping(data) ? data : {};
  const global: GlobalRaw = root.success
    ? (root.data.global ?? {})
    : (globalSchema.safeParse(obj.global ?? {}).data ?? {});
  const rawTargets = Array.isArray(obj.targets) ? (obj.targets as unknown[]) : [];
  const secrets: string[] = [];
  const base = { problems, baseDir: path.dirname(path.resolve(file)), global, secrets };
  const targets = await loadTargets(rawTargets, base, registry);
  const locate = (p: KeyPath): number => lineOf(doc, lc, p);
  if (problems.size > 0) throw problems.toError(file, locate, secrets);
  return { targets, secrets: [...new Set(secrets)] };
}

function parse(text: string, file: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) return { doc, lc };
  // `{ password: ${PW} }` is what users write (and what the docs show), but in YAML a `{` cannot start a
  // plain scalar inside a flow mapping. Quoting such whole-value placeholders keeps every line number.
  const quoted = quoteFlowPlaceholders(text);
  const lc2 = new LineCounter();
  const retry = quoted === text ? undefined : parseDocument(quoted, { lineCounter: lc2, prettyErrors: false, uniqueKeys: true });
  if (!retry || retry.errors.length > 0) throw syntaxError(doc.errors, lc, file, text);
  return { doc: retry, lc: lc2 };
}

/** Wraps `${VAR}` in double quotes where it is a whole value inside `{ }` or `[ ]`. */
export function quoteFlowPlaceholders(text: string): string {
  return text.replace(/([{[,]\s*(?:[\w.-]+\s*:\s*)?)(\$\{[A-Za-z_][A-Za-z0-9_]*\})(?=\s*[,}\]])/g, '$1"$2"');
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
