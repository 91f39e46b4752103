// Configuration keys of a veeam_azure target (Veeam Backup for Microsoft Azure REST API).
import { z } from 'zod';
import { commonShape, jobsShape, passwordAuthSchema } from '../../config/fields';
import { readSecret, resolveCommon, resolveJobs, type ResolveContext } from '../../config/resolve';
import type { VeeamAzureTarget } from '../../config/types';

export const API_VERSIONS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v8.1'] as const;

export const schema = z.strictObject({
  ...commonShape,
  ...jobsShape,
  api_version: z.enum(API_VERSIONS).optional(),
  auth: passwordAuthSchema,
});

export async function resolve(raw: z.output<typeof schema>, ctx: ResolveContext): Promise<VeeamAzureTarget> {
  return {
    ...(await resolveCommon(raw, 'veeam_azure', ctx)),
    ...resolveJobs(raw, ctx),
    ...(raw.api_version === undefined ? {} : { apiVersion: raw.api_version }),
    auth: { username: raw.auth.username, password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']) },
  };
}
