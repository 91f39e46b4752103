// The configuration of a product whose target is a REST API with a user name and password, a detected or fixed
// API version, and job filters: its schema, how it resolves, and how it is shown with the password hidden.
import { z } from 'zod';
import { commonShape, jobsShape, passwordAuthSchema } from './fields';
import { SECRET, showJobs } from './redact';
import { readSecret, resolveCommon, resolveJobs } from './resolve';
import type { CollectorSpec, JobsSettings, PasswordAuth, ProductConfig, TargetConfig } from './types';

export interface PasswordTarget<P extends string, V extends string> extends TargetConfig, JobsSettings {
  product: P;
  /** Undefined: detected. */
  apiVersion?: V;
  auth: PasswordAuth;
}

/** `versions` newest first (the order of detection); `api_version` accepts any of them. */
export function passwordTargetConfig<P extends string, V extends string>(
  product: P,
  versions: readonly [V, ...V[]],
  collectors: CollectorSpec,
): ProductConfig<PasswordTarget<P, V>> {
  const schema = z.strictObject({
    ...commonShape,
    ...jobsShape,
    api_version: z.enum([...versions].reverse() as [V, ...V[]]).optional(),
    auth: passwordAuthSchema,
  });
  return {
    schema,
    resolve: async (raw: z.output<typeof schema>, ctx) => ({
      ...(await resolveCommon(raw, product, ctx)),
      ...resolveJobs(raw, ctx),
      ...(raw.api_version === undefined ? {} : { apiVersion: raw.api_version as V }),
      auth: {
        username: raw.auth.username,
        password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']),
      },
    }),
    show: (t) => ({
      ...(t.apiVersion === undefined ? {} : { api_version: t.apiVersion }),
      auth: { username: t.auth.username, password: SECRET },
      ...showJobs(t),
    }),
    collectors,
  };
}
