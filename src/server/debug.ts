// /probe?debug=true: the target's configuration with secrets hidden, every upstream request, the errors and
// the exposition, as plain text a person can read when a target misbehaves.
import { stringify } from 'yaml';
import { showTarget } from '../config/redact';
import type { ConfigRegistry, TargetConfig } from '../config/types';
import type { Collection } from '../core/target';

export function debugReport(
  target: TargetConfig,
  registry: ConfigRegistry,
  collection: Collection,
  exposition: string,
): string {
  const config = stringify(showTarget(target, registry)).trimEnd();
  const lines: string[] = ['# configuration', config, '', '# upstream requests'];
  for (const t of collection.trace) lines.push(`${t.method} ${t.path} ${t.outcome} ${t.durationMs.toFixed(0)}ms`);
  if (collection.trace.length === 0) lines.push('(none)');
  lines.push('', '# errors');
  if (collection.error) lines.push(`target down: ${collection.error.kind}: ${collection.error.message}`);
  for (const f of collection.failures) lines.push(`collector ${f.collector}: ${f.reason}`);
  if (!collection.error && collection.failures.length === 0) lines.push('(none)');
  lines.push('', '# exposition', exposition);
  return lines.join('\n');
}
