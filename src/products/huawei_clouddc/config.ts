// Configuration keys of a huawei_clouddc target (Huawei Cloud CloudDC physical servers and log exports).
import { z } from 'zod';
import { formatDuration } from '../../config/duration';
import { commonShape, duration, httpUrl, text } from '../../config/fields';
import type { KeyPath } from '../../config/problems';
import { SECRET } from '../../config/redact';
import { readSecret, resolveCommon, resolvePath, type ResolveContext } from '../../config/resolve';
import type { CollectorSpec, ProductConfig, TargetConfig } from '../../config/types';

/** The CloudDC API version: the path prefix of every call and `api_version` of backup_target_info. */
export const API_VERSION = 'v1';

export type HuaweiAuth =
  | { kind: 'token'; token: string }
  | { kind: 'iam'; url: string; domain: string; username: string; password: string }
  | { kind: 'aksk'; accessKey: string; secretKey: string };

export interface LogExportsConfig {
  everyMs: number;
  downloadDir?: string;
  keep: number;
  stateFile: string;
}

export interface HuaweiTarget extends TargetConfig {
  product: 'huawei_clouddc';
  projectId: string;
  auth: HuaweiAuth;
  /** Physical server ids; empty = all. */
  servers: string[];
  logExports?: LogExportsConfig;
}

export const COLLECTORS: CollectorSpec = { names: ['servers', 'log_exports'] };

// The IAM token is scoped to the target's project_id (`scope.project.id`), so no project name is needed here.
const iamSchema = z.strictObject({
  url: httpUrl(),
  domain: text(),
  username: text(),
  password: text().optional(),
  password_file: text().optional(),
});

const authSchema = z.strictObject({
  token: text().optional(),
  token_file: text().optional(),
  iam: iamSchema.optional(),
  access_key: text().optional(),
  secret_key: text().optional(),
  secret_key_file: text().optional(),
});

const logExportsSchema = z.strictObject({
  every: duration({ min: { ms: 60_000, text: '1m' } }).optional(),
  download_dir: text().optional(),
  keep: z.number().int().min(1).optional(),
  state_file: text(),
});

const schema = z.strictObject({
  ...commonShape,
  project_id: text(),
  auth: authSchema,
  servers: z.array(text()).optional(),
  log_exports: logExportsSchema.optional(),
});

type Raw = z.output<typeof schema>;

async function resolve(raw: Raw, ctx: ResolveContext): Promise<HuaweiTarget> {
  const target: HuaweiTarget = {
    ...(await resolveCommon(raw, 'huawei_clouddc', ctx)),
    projectId: raw.project_id,
    auth: await resolveAuth(raw.auth, ctx, [...ctx.path, 'auth']),
    servers: raw.servers ?? [],
  };
  if (raw.log_exports) target.logExports = logExports(raw.log_exports, ctx);
  return target;
}

const METHODS = 'token (or token_file), iam, or access_key with secret_key (or secret_key_file)';

async function resolveAuth(a: Raw['auth'], ctx: ResolveContext, at: KeyPath): Promise<HuaweiAuth> {
  const used = [
    a.token !== undefined || a.token_file !== undefined ? 'token' : undefined,
    a.iam !== undefined ? 'iam' : undefined,
    [a.access_key, a.secret_key, a.secret_key_file].some((v) => v !== undefined) ? 'access_key' : undefined,
  ].filter((m): m is string => m !== undefined);
  if (used.length !== 1) {
    ctx.problems.add(
      at,
      used.length === 0 ? `set one of ${METHODS}` : `set only one of ${METHODS}; found ${used.join(', ')}`,
    );
    return { kind: 'token', token: '' };
  }
  if (used[0] === 'token') return { kind: 'token', token: await readSecret(ctx, a, 'token', at) };
  if (a.iam) {
    const { url, domain, username } = a.iam;
    return { kind: 'iam', url, domain, username, password: await readSecret(ctx, a.iam, 'password', [...at, 'iam']) };
  }
  if (a.access_key === undefined) ctx.problems.add([...at, 'access_key'], 'missing required key');
  return { kind: 'aksk', accessKey: a.access_key ?? '', secretKey: await readSecret(ctx, a, 'secret_key', at) };
}

function logExports(raw: NonNullable<Raw['log_exports']>, ctx: ResolveContext): LogExportsConfig {
  const out: LogExportsConfig = {
    everyMs: raw.every ?? 86_400_000,
    keep: raw.keep ?? 3,
    stateFile: resolvePath(ctx, raw.state_file),
  };
  if (raw.download_dir !== undefined) out.downloadDir = resolvePath(ctx, raw.download_dir);
  return out;
}

function showAuth(a: HuaweiAuth): Record<string, unknown> {
  switch (a.kind) {
    case 'token':
      return { token: SECRET };
    case 'iam':
      return { iam: { url: a.url, domain: a.domain, username: a.username, password: SECRET } };
    case 'aksk':
      return { access_key: a.accessKey, secret_key: SECRET };
  }
}

function show(t: HuaweiTarget): Record<string, unknown> {
  const out: Record<string, unknown> = { project_id: t.projectId, auth: showAuth(t.auth), servers: [...t.servers] };
  const l = t.logExports;
  if (l) {
    out.log_exports = {
      every: formatDuration(l.everyMs),
      ...(l.downloadDir === undefined ? {} : { download_dir: l.downloadDir }),
      keep: l.keep,
      state_file: l.stateFile,
    };
  }
  return out;
}

/** Two targets writing one state file would corrupt it. */
function exclusiveFiles(t: HuaweiTarget): Array<{ key: KeyPath; file: string }> {
  return t.logExports ? [{ key: ['log_exports', 'state_file'], file: t.logExports.stateFile }] : [];
}

export const config: ProductConfig<HuaweiTarget> = { schema, resolve, show, collectors: COLLECTORS, exclusiveFiles };
