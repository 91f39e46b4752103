// zod issues as configuration problems: one problem per issue at its key path; an unknown key is reported on
// its own line, or as not applying to the target's product when another product accepts it.
import type { z } from 'zod';
import type { KeyPath, Problems } from './problems';

export interface IssueContext {
  /** The target's product, for "does not apply to product X". */
  product: string;
  /** Keys that some product accepts on a target. */
  known: ReadonlySet<string>;
}

export function addIssues(
  problems: Problems,
  issues: readonly z.core.$ZodIssue[],
  prefix: KeyPath,
  target?: IssueContext,
): void {
  for (const issue of issues) {
    const at = [...prefix, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
    if (issue.code !== 'unrecognized_keys') {
      problems.add(at, issue.message);
      continue;
    }
    for (const key of issue.keys) {
      const applies = target !== undefined && issue.path.length === 0 && target.known.has(key);
      problems.add([...at, key], applies ? `does not apply to product ${target.product}` : 'unknown key', undefined, true);
    }
  }
}
