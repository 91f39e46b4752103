// Configuration keys of a huawei_clouddc target (Huawei Cloud CloudDC physical servers and log exports).
import { z } from 'zod';
import { commonShape, duration, httpUrl, text } from '../../config/fields';
import { readSecret, resolveCommon, resolvePath, type ResolveContext } from '../../config/resolve';
import type { HuaweiAuth, HuaweiTarget, LogExportsConfig } from '../../config/types';
import type { KeyPath } from '../../config/problems';

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

export const schema = z.strictObject({
  ...commonShape,
  project_id: text(),
  auth: authSchema,
  servers: z.array(text()).optional(),
  log_exports: logExportsSchema.optional(),
});

type Raw = z.output<typeof schema>;

export async function resolve(raw: Raw, ctx: ResolveContext): Promise<HuaweiTarget> {
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
