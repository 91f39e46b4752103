// `${VAR}` substitution in string values. It runs on the parsed YAML nodes rather than on the raw text, so
// line numbers stay right and a variable's value can never break the YAML structure.
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { keyText, startLine, type KeyPath, type Problems } from './problems';

const REF = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Env = Record<string, string | undefined>;

/** Replaces `${VAR}` with the variable's value and `$${` with a literal `${`; throws a message on failure. */
export function substitute(text: string, env: Env): string {
  return text.replace(REF, (whole: string, name: string | undefined) => {
    if (whole === '$${') return '${';
    if (name === undefined) throw new Error('unterminated "${" (write "$${" for a literal "${")');
    // The text between the braces is not echoed: it may be a literal secret that happens to contain "${".
    if (!NAME.test(name)) throw new Error('invalid environment variable name (write "$${" for a literal "${")');
    const value = env[name];
    if (value === undefined) throw new Error(`environment variable ${name} is not set`);
    return value;
  });
}

/** Substitutes every string scalar value of the document in place, recording problems with their lines. */
export function substituteDocument(doc: Document, lc: LineCounter, env: Env, problems: Problems): void {
  const walk = (node: unknown, path: KeyPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value, [...path, keyText(pair.key) ?? '?']);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${')) {
      try {
        node.value = substitute(node.value, env);
      } catch (err) {
        problems.addFinal(path, (err as Error).message, startLine(node, lc));
      }
    }
  };
  walk(doc.contents, []);
}
