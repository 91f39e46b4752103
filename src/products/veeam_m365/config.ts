// Configuration keys of a veeam_m365 target (Veeam Backup for Microsoft 365 REST API).
import { z } from 'zod';
import { commonShape, jobsShape, passwordAuthSchema } from '../../config/fields';
import { showJobs, SECRET } from '../../config/redact';
import { readSecret, resolveCommon, resolveJobs, type ResolveContext } from '../../config/resolve';
import type { CollectorSpec, JobsSettings, PasswordAuth, ProductConfig, TargetConfig } from '../../config/types';

/** API versions, newest first: the order of detection. */
export const API_VERSIONS = ['v8', 'v7', 'v6', 'v5', 'v4', 'v3'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface VeeamM365Target extends TargetConfig, JobsSettings {
  product: 'veeam_m365';
  /** Undefined: detected. */
  apiVersion?: ApiVersion;
  auth: PasswordAuth;
}

export const COLLECTORS: CollectorSpec = {
  names: ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'proxies'],
  needs: { logs: ['sessions'] },
};

const schema = z.strictObject({
  ...commonShape,
  ...jobsShape,
  api_version: z.enum([...API_VERSIONS].reverse() as [ApiVersion, ...ApiVersion[]]).optional(),
  auth: passwordAuthSchema,
});

async function resolve(raw: z.output<typeof schema>, ctx: ResolveContext): Promise<VeeamM365Target> {
  return {
    ...(await resolveCommon(raw, 'veeam_m365', ctx)),
    ...resolveJobs(raw, ctx),
    ...(raw.api_version === undefined ? {} : { apiVersion: raw.api_version }),
    auth: { username: raw.auth.username, password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']) },
  };
}

function show(t: VeeamM365Target): Record<string, unknown> {
  return {
    ...(t.apiVersion === undefined ? {} : { api_version: t.apiVersion }),
    auth: { username: t.auth.username, password: SECRET },
    ...showJobs(t),
  };
}

export const config: ProductConfig<VeeamM365Target> = { schema, resolve, show, collectors: COLLECTORS };
