// The zod error map: one wording for every generic problem, in the configuration and the web configuration.
// Values are never echoed (they may be secrets); only their kind is named.
import type { z } from 'zod';

const KIND: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return KIND[typeof value] ?? typeof value;
}

/** Generic wording for zod issues; schemas that need a specific message set their own `error`. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'missing required key';
      // YAML reads `password: 123456` or `domain: yes` as a number or boolean; quoting fixes it.
      if (iss.expected === 'string' && ['number', 'boolean'].includes(typeof iss.input)) {
        return `expected a string, got ${kindOf(iss.input)} (put the value in quotes)`;
      }
      return `expected ${KIND[iss.expected] ?? iss.expected}, got ${kindOf(iss.input)}`;
    case 'invalid_value':
      return `must be one of: ${iss.values.map(String).join(', ')}`;
    case 'too_small':
      return iss.origin === 'string' ? 'must not be empty' : `must be at least ${String(iss.minimum)}`;
    case 'too_big':
      return `must be at most ${String(iss.maximum)}`;
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return undefined;
  }
};
