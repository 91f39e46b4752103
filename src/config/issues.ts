// zod issues as configuration problems: one problem per issue at its key path; an unknown key is reported on
// its own line, as not applying to the target's product when another product accepts it, or with the key
// that was probably meant. A bad value's path is spoiled: checks run later on the same value stay quiet.
import type { z } from 'zod';
import { keysAt } from './lenient';
import type { KeyPath, Problems } from './problems';
import { didYouMean } from './suggest';

export interface IssueContext {
  /** The target's product, for "does not apply to product X". */
  product: string;
  /** Keys that some product accepts on a target. */
  known: ReadonlySet<string>;
}

export interface IssueOptions {
  /** The schema the issues come from, for "did you mean" on unknown keys. */
  schema?: z.ZodType;
  target?: IssueContext;
  /** A message of its own for an unknown key at `path` (below the prefix), else undefined. */
  unknown?: (path: KeyPath, key: string) => string | undefined;
}

export function addIssues(
  problems: Problems,
  issues: readonly z.core.$ZodIssue[],
  prefix: KeyPath,
  o: IssueOptions = {},
): void {
  const spoiled: KeyPath[] = [];
  for (const issue of issues) {
    const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
    const at = [...prefix, ...path];
    if (issue.code !== 'unrecognized_keys') {
      problems.add(at, issue.message);
      spoiled.push(at);
      continue;
    }
    const known = o.schema ? keysAt(o.schema, path) : [];
    for (const key of issue.keys) {
      const elsewhere = o.target !== undefined && path.length === 0 && o.target.known.has(key);
      const what = elsewhere
        ? `does not apply to product ${o.target?.product}`
        : (o.unknown?.(path, key) ?? `unknown key${didYouMean(key, known)}`);
      problems.add([...at, key], what, undefined, true);
    }
  }
  for (const at of spoiled) problems.spoil(at);
}
