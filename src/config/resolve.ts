// Turns a schema-valid target into its runtime form: defaults from `global:` applied, files read (secrets,
// CA bundles), regexes compiled. Problems are collected, never thrown, so one run reports all of them.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { selectCollectors } from './collectors';
import type { CollectorSpec, JobFilter, JobsSettings, TargetConfig } from './types';
import type { CommonRaw, GlobalRaw, JobsRaw } from './fields';
import type { KeyPath, Problems } from './problems';

export const DEFAULTS = {
  timeoutMs: 30_000,
  minIntervalMs: 30_000,
  inventoryTtlMs: 300_000,
  concurrency: 8,
  lookbackMs: 7 * 86_400_000,
  warningIsSuccess: true,
} as const;

export interface ResolveContext {
  /** Key path of the target (`['targets', 2]`). */
  path: KeyPath;
  problems: Problems;
  /** Relative file names are resolved against the configuration file's directory. */
  baseDir: string;
  global: GlobalRaw;
  /** Every secret value read so far. */
  secrets: string[];
  /** The collectors of the target's product. */
  collectors: CollectorSpec;
}

export function resolvePath(ctx: ResolveContext, file: string): string {
  return path.resolve(ctx.baseDir, file);
}

/** Reads a file named in the configuration; undefined (and a problem at `at`) when it cannot be read. */
export async function readConfigFile(ctx: ResolveContext, at: KeyPath, file: string): Promise<string | undefined> {
  try {
    return await readFile(resolvePath(ctx, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    ctx.problems.add(at, `cannot read ${file} (${code})`);
    return undefined;
  }
}

/**
 * A secret given inline (`key`) or as `key_file`: exactly one of them. The file loses one trailing newline
 * and must not be empty. The value is recorded in ctx.secrets.
 */
export async function readSecret(ctx: ResolveContext, obj: object, key: string, at: KeyPath): Promise<string> {
  const values = obj as Record<string, unknown>;
  const inline = values[key];
  const file = values[`${key}_file`];
  let secret: string | undefined;
  if (typeof inline === 'string' && typeof file === 'string') {
    ctx.problems.add([...at, `${key}_file`], `${key} and ${key}_file cannot both be set`);
  } else if (typeof inline === 'string') {
    secret = inline;
  } else if (typeof file === 'string') {
    const content = await readConfigFile(ctx, [...at, `${key}_file`], file);
    if (content !== undefined) {
      secret = content.replace(/\r?\n$/, '');
      if (secret === '') ctx.problems.add([...at, `${key}_file`], `file ${file} is empty`);
    }
  } else {
    ctx.problems.add([...at, key], `missing required key (${key} or ${key}_file)`);
  }
  if (secret) ctx.secrets.push(secret);
  return secret ?? '';
}

export async function resolveCommon<P extends string>(
  raw: CommonRaw,
  product: P,
  ctx: ResolveContext,
): Promise<TargetConfig & { product: P }> {
  const g = ctx.global;
  const tlsRaw = raw.tls ?? {};
  const tls: TargetConfig['tls'] = { insecureSkipVerify: tlsRaw.insecure_skip_verify ?? false };
  if (tlsRaw.ca_file !== undefined) {
    if (tls.insecureSkipVerify) {
      ctx.problems.add([...ctx.path, 'tls', 'insecure_skip_verify'], 'cannot be true together with ca_file');
    }
    tls.caFile = resolvePath(ctx, tlsRaw.ca_file);
    const pem = await readConfigFile(ctx, [...ctx.path, 'tls', 'ca_file'], tlsRaw.ca_file);
    if (pem !== undefined) {
      if (pem.includes('-----BEGIN CERTIFICATE-----')) tls.ca = pem;
      else ctx.problems.add([...ctx.path, 'tls', 'ca_file'], `${tlsRaw.ca_file} contains no PEM certificate`);
    }
  }
  return {
    name: raw.name,
    product,
    url: raw.url,
    timeoutMs: raw.timeout ?? g.timeout ?? DEFAULTS.timeoutMs,
    minIntervalMs: raw.min_interval ?? g.min_interval ?? DEFAULTS.minIntervalMs,
    inventoryTtlMs: raw.inventory_ttl ?? g.inventory_ttl ?? DEFAULTS.inventoryTtlMs,
    concurrency: raw.concurrency ?? g.concurrency ?? DEFAULTS.concurrency,
    tls,
    collectors: selectCollectors(raw.collectors, ctx.collectors, [...ctx.path, 'collectors'], ctx.problems),
  };
}

export function resolveJobs(raw: JobsRaw, ctx: ResolveContext): JobsSettings {
  const g = ctx.global;
  return {
    lookbackMs: raw.lookback ?? g.lookback ?? DEFAULTS.lookbackMs,
    warningIsSuccess: raw.warning_is_success ?? g.warning_is_success ?? DEFAULTS.warningIsSuccess,
    jobs: jobFilter(raw.jobs ?? {}, ctx),
  };
}

/** Omitted or empty `include` selects every job. */
function jobFilter(raw: { include?: string[]; exclude?: string[] }, ctx: ResolveContext): JobFilter {
  const include = raw.include?.length ? raw.include : ['.*'];
  return {
    include: include.map((p, i) => compile(p, [...ctx.path, 'jobs', 'include', i], ctx)),
    exclude: (raw.exclude ?? []).map((p, i) => compile(p, [...ctx.path, 'jobs', 'exclude', i], ctx)),
  };
}

function compile(pattern: string, at: KeyPath, ctx: ResolveContext): RegExp {
  try {
    // Compiled alone first so that a pattern such as `a)|(b` cannot escape the anchoring group.
    new RegExp(pattern);
    // dotAll, as Prometheus anchors its regexes (`^(?s:…)$`): `.*` (the default) must select a job whose
    // name contains a line break too.
    return new RegExp(`^(?:${pattern})$`, 's');
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    ctx.problems.add(at, `invalid regular expression: ${reason}`);
    return /$^/;
  }
}
