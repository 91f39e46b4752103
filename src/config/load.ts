// Loads the YAML configuration: parse (keeping node ranges for line numbers), substitute `${VAR}`, validate
// with the strict schemas, then resolve files and defaults. Every problem found is reported at once.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type Document, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { substituteDocument } from './env';
import type { GlobalRaw } from './fields';
import { addIssues } from './issues';
import { lenient } from './lenient';
import { ConfigError, type KeyPath, type LineProblem, lineOf, Problems, syntaxProblems, toData } from './problems';
import { errorMap, globalSchema, rootSchema } from './schema';
import { loadTargets } from './targets';
import type { Config, ConfigRegistry, TargetConfig } from './types';

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
 * state files) are resolved against its directory. Every problem is reported in one ConfigError: a syntax
 * error hides only the part of the file it damaged (its target, or `global:`), not the other targets.
 */
export async function loadConfigText(
  text: string,
  file: string,
  registry: ConfigRegistry,
  env: Env = process.env,
): Promise<Config> {
  const { doc, lc, syntax } = parse(text);
  const skip = damaged(doc, lc, syntax);
  const problems = new Problems();
  const secrets: string[] = [];
  const targets = skip === 'all' ? [] : await check(doc, lc, file, { problems, secrets, env, registry });
  const locate = (p: KeyPath): number => lineOf(doc, lc, p);
  if (problems.size > 0 || syntax.length > 0) {
    throw problems.toError(file, locate, { secrets, syntax, ...(skip === 'all' ? {} : { skip }) });
  }
  return { targets, secrets: [...new Set(secrets)] };
}

interface CheckContext {
  problems: Problems;
  secrets: string[];
  env: Env;
  registry: ConfigRegistry;
}

/** Substitutes, validates and resolves the document; problems are collected, never thrown. */
async function check(doc: Document, lc: LineCounter, file: string, c: CheckContext): Promise<TargetConfig[]> {
  substituteDocument(doc, lc, c.env, c.problems);
  const data = toData(doc, lc, file);
  const root = rootSchema.safeParse(data ?? {}, { error: errorMap });
  if (!root.success) addIssues(c.problems, root.error.issues, [], { schema: rootSchema });
  const obj = isMapping(data) ? data : {};
  const global: GlobalRaw = root.success
    ? (root.data.global ?? {})
    : ((lenient(globalSchema).parse(obj.global ?? {}) as GlobalRaw | undefined) ?? {});
  const rawTargets = Array.isArray(obj.targets) ? (obj.targets as unknown[]) : [];
  const base = { problems: c.problems, baseDir: path.dirname(path.resolve(file)), global, secrets: c.secrets };
  return loadTargets(rawTargets, base, c.registry);
}

/** Parses the text; on a syntax error, the document as far as the parser could read it. */
function parse(text: string): { doc: Document; lc: LineCounter; syntax: LineProblem[] } {
  const options = { prettyErrors: false, uniqueKeys: true } as const;
  const lc = new LineCounter();
  const doc = parseDocument(text, { ...options, lineCounter: lc });
  if (doc.errors.length === 0) return { doc, lc, syntax: [] };
  // `{ password: ${PW} }` is what users write (and what the docs show), but in YAML a `{` cannot start a
  // plain scalar inside a flow mapping. Quoting such whole-value placeholders keeps every line number.
  const quoted = quoteFlowPlaceholders(text);
  const lc2 = new LineCounter();
  const retry = quoted === text ? undefined : parseDocument(quoted, { ...options, lineCounter: lc2 });
  if (retry && retry.errors.length === 0) return { doc: retry, lc: lc2, syntax: [] };
  return { doc, lc, syntax: syntaxProblems(doc.errors, lc, text) };
}

/**
 * The lines whose problems a syntax error makes meaningless: each target (or `global:`) holding an error.
 * An error anywhere else may have thrown the whole structure off: then only the syntax errors are reported.
 */
function damaged(doc: Document, lc: LineCounter, syntax: readonly LineProblem[]): 'all' | ((line: number) => boolean) {
  if (syntax.length === 0) return () => false;
  const targets = doc.get('targets', true);
  const blocks = [doc.get('global', true), ...(isSeq(targets) ? targets.items : [])]
    .map((node) => lineSpan(node, lc))
    .filter((span): span is [number, number] => span !== undefined);
  const hit: Array<[number, number]> = [];
  for (const { line } of syntax) {
    const block = blocks.find(([from, to]) => line >= from && line <= to);
    if (!block) return 'all';
    hit.push(block);
  }
  return (line) => hit.some(([from, to]) => line >= from && line <= to);
}

function lineSpan(node: unknown, lc: LineCounter): [number, number] | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  // The end offset is exclusive: its line may already be the next block's.
  return [lc.linePos(range[0]).line, lc.linePos(Math.max(range[0], range[2] - 1)).line];
}

/** Wraps `${VAR}` in double quotes where it is a whole value inside `{ }` or `[ ]`. */
export function quoteFlowPlaceholders(text: string): string {
  return text.replace(/([{[,]\s*(?:[\w.-]+\s*:\s*)?)(\$\{[A-Za-z_][A-Za-z0-9_]*\})(?=\s*[,}\]])/g, '$1"$2"');
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
