// Zod building blocks shared by the global section and the four products' target schemas. Messages never
// echo the value: it may have come from a secret or an environment variable.
import { z } from 'zod';
import { parseDuration } from './duration';

export const DURATION_HINT = 'use e.g. 500ms, 30s, 5m, 1h, 7d, 1w, 1y or 1h30m';

export interface DurationRule {
  /** `0s` is accepted (min_interval, inventory_ttl). */
  allowZero?: boolean;
  /** Smallest accepted value, in ms, and how to say it. */
  min?: { ms: number; text: string };
}

/** A Prometheus duration string, output in milliseconds. */
export function duration(rule: DurationRule = {}) {
  return z.string({ error: `expected a duration (${DURATION_HINT})` }).transform((s, ctx) => {
    let ms: number;
    try {
      ms = parseDuration(s);
    } catch {
      ctx.issues.push({ code: 'custom', message: `not a valid duration (${DURATION_HINT})`, input: s });
      return z.NEVER;
    }
    if (ms === 0 && !rule.allowZero) {
      ctx.issues.push({ code: 'custom', message: 'must be greater than 0s', input: s });
    } else if (rule.min && ms < rule.min.ms) {
      ctx.issues.push({ code: 'custom', message: `must be at least ${rule.min.text}`, input: s });
    }
    return ms;
  });
}

/** A non-empty string. */
export const text = () => z.string().min(1, { error: 'must not be empty' });

/** http(s) base URL without credentials, query or fragment; trailing slashes removed. */
export const httpUrl = () =>
  z.string().transform((s, ctx) => {
    const problem = urlProblem(s);
    if (problem) {
      ctx.issues.push({ code: 'custom', message: problem, input: s });
      return z.NEVER;
    }
    return s.replace(/\/+$/, '');
  });

function urlProblem(s: string): string | undefined {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must start with http:// or https://';
  if (s.includes('?') || s.includes('#')) return 'must not contain a query or fragment';
  if (u.username !== '' || u.password !== '') return 'must not contain credentials (use auth)';
  return undefined;
}

/** The keys of `global:`; each may also be set on a target (where the product allows it). */
export const globalShape = {
  timeout: duration().optional(),
  min_interval: duration({ allowZero: true }).optional(),
  inventory_ttl: duration({ allowZero: true }).optional(),
  concurrency: z.number().int().min(1).optional(),
  lookback: duration({ min: { ms: 86_400_000, text: '1d' } }).optional(),
  warning_is_success: z.boolean().optional(),
};

export const tlsSchema = z.strictObject({
  ca_file: text().optional(),
  insecure_skip_verify: z.boolean().optional(),
});

export const jobsSchema = z.strictObject({
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
});

/** `collectors: { include: [...] }` or `{ exclude: [...] }` (the names are checked against the product). */
export const collectorsSchema = z.strictObject({
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
});

/** Keys every target has, whatever its product. */
export const commonShape = {
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'must match [A-Za-z0-9][A-Za-z0-9_.-]*' }),
  product: z.string(),
  url: httpUrl(),
  tls: tlsSchema.optional(),
  timeout: globalShape.timeout,
  min_interval: globalShape.min_interval,
  inventory_ttl: globalShape.inventory_ttl,
  concurrency: globalShape.concurrency,
  collectors: collectorsSchema.optional(),
};

/** Keys of the products whose unit of work is a job. */
export const jobsShape = {
  lookback: globalShape.lookback,
  warning_is_success: globalShape.warning_is_success,
  jobs: jobsSchema.optional(),
};

/** username + password or password_file (the either-or rule is checked when the file is read). */
export const passwordAuthSchema = z.strictObject({
  username: text(),
  password: text().optional(),
  password_file: text().optional(),
});

export type CommonRaw = z.output<z.ZodObject<typeof commonShape>>;
export type JobsRaw = z.output<z.ZodObject<typeof jobsShape>>;
export type PasswordAuthRaw = z.output<typeof passwordAuthSchema>;
export type GlobalRaw = z.output<z.ZodObject<typeof globalShape>>;
