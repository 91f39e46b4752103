// Collects configuration problems and turns them into one ConfigError whose lines read
// `<file>:<line>: <key.path>: <what is wrong>`. Lines come from the YAML node ranges, so a problem found
// after parsing (by zod, or while reading a secret file) still points at the key in the user's file.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';
import { SecretRedactor } from '../common/secrets';

export type PathSeg = string | number;
export type KeyPath = readonly PathSeg[];

/** An invalid configuration. `message` holds one problem per line; no secret value is ever part of it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** `targets[0].auth.password` */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(top level)' : out;
}

interface Problem {
  path: KeyPath;
  message: string;
  line: number | undefined;
}

/** A problem that has a line but no key path (a YAML syntax error). */
export interface LineProblem {
  line: number;
  what: string;
}

export interface ErrorOptions {
  /** Known secret values, hidden in every form as a last guard. */
  secrets?: readonly string[];
  /** YAML syntax errors, reported with the rest. */
  syntax?: readonly LineProblem[];
  /** Lines whose problems are left out: a part that a syntax error damaged reads as anything. */
  skip?: (line: number) => boolean;
}

const within = (key: string, spoiled: string): boolean =>
  key === spoiled || key.startsWith(`${spoiled}.`) || key.startsWith(`${spoiled}[`);

export class Problems {
  private readonly list: Problem[] = [];
  /** Paths with a reported bad value: later complaints about it or below it would only repeat that. */
  private readonly spoiled = new Set<string>();

  /** `aboutKey`: the problem is the key itself (unknown, not applicable), so a bad value does not hide it. */
  add(path: KeyPath, message: string, line?: number, aboutKey = false): void {
    const key = formatPath(path);
    if (!aboutKey && [...this.spoiled].some((s) => within(key, s))) return;
    if (this.list.some((p) => formatPath(p.path) === key && p.message === message)) return;
    this.list.push({ path, message, line });
  }

  /** Suppresses further problems at `path` and below it. */
  spoil(path: KeyPath): void {
    this.spoiled.add(formatPath(path));
  }

  /** Records a problem and suppresses any further one at the same path or below it. */
  addFinal(path: KeyPath, message: string, line?: number): void {
    this.add(path, message, line);
    this.spoil(path);
  }

  get size(): number {
    return this.list.length;
  }

  /** The ConfigError for everything collected (and the syntax errors), sorted by line and key. */
  toError(file: string, locate: (path: KeyPath) => number, opts: ErrorOptions = {}): ConfigError {
    const rows = this.list
      .map((p) => ({ line: p.line ?? locate(p.path), key: formatPath(p.path), what: p.message }))
      .filter((r) => !opts.skip?.(r.line))
      .map((r) => ({ line: r.line, key: r.key, text: `${r.key}: ${r.what}` }));
    for (const s of opts.syntax ?? []) rows.push({ line: s.line, key: '', text: s.what });
    rows.sort((a, b) => a.line - b.line || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const redactor = new SecretRedactor(opts.secrets ?? []);
    return new ConfigError([...new Set(rows.map((r) => redactor.redact(`${file}:${r.line}: ${r.text}`)))]);
  }
}

/**
 * The line of the deepest part of `path` present in the document: the key's line for a key that exists,
 * and for a missing key the line of the key (or list item) holding the parent mapping.
 */
export function lineOf(doc: Document, lc: LineCounter, path: KeyPath): number {
  let node: unknown = doc.contents;
  let line = startLine(node, lc) ?? 1;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) break;
      line = startLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      if (item === undefined) break;
      line = startLine(item, lc) ?? line;
      node = item;
    } else break;
  }
  return line;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

export function startLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}

/** Parser messages may quote source text (which can hold a secret): only their description is kept. */
export function syntaxProblems(errors: readonly YAMLError[], lc: LineCounter, text: string): LineProblem[] {
  return errors.map((e) => {
    const line = lc.linePos(e.pos[0]).line;
    const what =
      e.code === 'MULTIPLE_DOCS'
        ? 'only one YAML document is allowed'
        : e.message.replace(/:\s*".*$/s, '').split('\n')[0];
    return { line, what: `YAML syntax error: ${what}${flowHint(text, lc, line)}` };
  });
}

export function syntaxError(errors: readonly YAMLError[], lc: LineCounter, file: string, text: string): ConfigError {
  return new Problems().toError(file, () => 1, { syntax: syntaxProblems(errors, lc, text) });
}

// `{ password: ${VAR} }` is not valid YAML: braces end a plain value inside a flow mapping. Say so, because
// the message from the parser alone ("Unexpected flow-map-start") does not point at the cause.
function flowHint(text: string, lc: LineCounter, line: number): string {
  const start = lc.lineStarts[line - 1] ?? 0;
  const end = lc.lineStarts[line] ?? text.length;
  const source = text.slice(start, end);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows the YAML placeholder syntax.
  const hint = ' (inside { } or [ ], quote a value that contains ${...}: "${VAR}")';
  return /[[{].*\$\{/.test(source) ? hint : '';
}

/** The document as plain data; an alias problem (unknown anchor, too many expansions) is a ConfigError. */
export function toData(doc: Document, lc: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const line = startLine(doc.contents, lc) ?? 1;
    throw new ConfigError([`${file}:${line}: YAML: ${(err as Error).message}`]);
  }
}
