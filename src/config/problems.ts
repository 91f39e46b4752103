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

export class Problems {
  private readonly list: Problem[] = [];
  /** Paths whose value could not be substituted: later complaints about the same value would only repeat it. */
  private readonly spoiled = new Set<string>();

  /** `aboutKey`: the problem is the key itself (unknown, not applicable), so a bad value does not hide it. */
  add(path: KeyPath, message: string, line?: number, aboutKey = false): void {
    const key = formatPath(path);
    if (this.spoiled.has(key) && !aboutKey) return;
    if (this.list.some((p) => formatPath(p.path) === key && p.message === message)) return;
    this.list.push({ path, message, line });
  }

  /** Records a problem and suppresses any further one on the same path. */
  addFinal(path: KeyPath, message: string, line?: number): void {
    this.add(path, message, line);
    this.spoiled.add(formatPath(path));
  }

  get size(): number {
    return this.list.length;
  }

  /** The ConfigError for everything collected, sorted by line and key; known secret values are masked as a last guard. */
  toError(file: string, locate: (path: KeyPath) => number, secrets: readonly string[] = []): ConfigError {
    const rows = this.list.map((p) => ({ line: p.line ?? locate(p.path), key: formatPath(p.path), what: p.message }));
    rows.sort((a, b) => a.line - b.line || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const redactor = new SecretRedactor(secrets);
    return new ConfigError(rows.map((r) => redactor.redact(`${file}:${r.line}: ${r.key}: ${r.what}`)));
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
export function syntaxError(errors: readonly YAMLError[], lc: LineCounter, file: string, text: string): ConfigError {
  const lines = errors.map((e) => {
    const line = lc.linePos(e.pos[0]).line;
    const what =
      e.code === 'MULTIPLE_DOCS'
        ? 'only one YAML document is allowed'
        : e.message.replace(/:\s*".*$/s, '').split('\n')[0];
    return `${file}:${line}: YAML syntax error: ${what}${flowHint(text, lc, line)}`;
  });
  return new ConfigError([...new Set(lines)]);
}

// `{ password: ${VAR} }` is not valid YAML: braces end a plain value inside a flow mapping. Say so, because
// the message from the parser alone ("Unexpected flow-map-start") does not point at the cause.
function flowHint(text: string, lc: LineCounter, line: number): string {
  const start = lc.lineStarts[line - 1] ?? 0;
  const end = lc.lineStarts[line] ?? text.length;
  const source = text.slice(start, end);
  return /[[{].*\$\{/.test(source) ? ' (inside { } or [ ], quote a value that contains ${...}: "${VAR}")' : '';
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
