// Configuration keys of a veeam_azure target (Veeam Backup for Microsoft Azure REST API).
import { z } from 'zod';
import { commonShape, jobsShape, passwordAuthSchema } from '../../config/fields';
import { SECRET, showJobs } from '../../config/redact';
import { type ResolveContext, readSecret, resolveCommon, resolveJobs } from '../../config/resolve';
import type { CollectorSpec, JobsSettings, PasswordAuth, ProductConfig, TargetConfig } from '../../config/types';

/** API versions the appliance may serve, newest first: the order of detection. */
export const API_VERSIONS = ['v8.1', 'v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface VeeamAzureTarget extends TargetConfig, JobsSettings {
  product: 'veeam_azure';
  /** Undefined: detected. */
  apiVersion?: ApiVersion;
  auth: PasswordAuth;
}

export const COLLECTORS: CollectorSpec = {
  names: ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'storage'],
  needs: { logs: ['sessions'] },
};

const schema = z.strictObject({
  ...commonShape,
  ...jobsShape,
  api_version: z.enum([...API_VERSIONS].reverse() as [ApiVersion, ...ApiVersion[]]).optional(),
  auth: passwordAuthSchema,
});

async function resolve(raw: z.output<typeof schema>, ctx: ResolveContext): Promise<VeeamAzureTarget> {
  return {
    ...(await resolveCommon(raw, 'veeam_azure', ctx)),
    ...resolveJobs(raw, ctx),
    ...(raw.api_version === undefined ? {} : { apiVersion: raw.api_version }),
    auth: { username: raw.auth.username, password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']) },
  };
}

function show(t: VeeamAzureTarget): Record<string, unknown> {
  return {
    ...(t.apiVersion === undefined ? {} : { api_version: t.apiVersion }),
    auth: { username: t.auth.username, password: SECRET },
    ...showJobs(t),
  };
}

export const config: ProductConfig<VeeamAzureTarget> = { schema, resolve, show, collectors: COLLECTORS };
