// Configuration keys of an ahsay target (AhsayCBS JSON API, authenticated with a system user).
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { commonShape, jobsShape, passwordAuthSchema, text } from '../../config/fields';
import { SECRET, showJobs } from '../../config/redact';
import { type ResolveContext, readSecret, resolveCommon, resolveJobs } from '../../config/resolve';
import type { CollectorSpec, JobsSettings, PasswordAuth, ProductConfig, TargetConfig } from '../../config/types';

/** The `api_version` of `backup_target_info`: CBS has one JSON API generation per server. */
export const API_VERSION = 'json';

export interface AhsayTarget extends TargetConfig, JobsSettings {
  product: 'ahsay';
  /** IANA zone of the CBS server's timestamps. */
  timezone: string;
  auth: PasswordAuth;
  /** Backup-user login names; empty = all. */
  users: string[];
}

export const COLLECTORS: CollectorSpec = {
  names: ['jobs', 'runs', 'reports', 'progress'],
  needs: { reports: ['runs'], progress: ['runs'] },
};

const schema = z.strictObject({
  ...commonShape,
  ...jobsShape,
  // CBS timestamps carry no offset: the zone they are in is required, not guessed.
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'not a valid IANA time zone (e.g. Asia/Hong_Kong)' }),
  auth: passwordAuthSchema,
  users: z.array(text()).optional(),
});

async function resolve(raw: z.output<typeof schema>, ctx: ResolveContext): Promise<AhsayTarget> {
  return {
    ...(await resolveCommon(raw, 'ahsay', ctx)),
    ...resolveJobs(raw, ctx),
    timezone: raw.timezone,
    auth: { username: raw.auth.username, password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']) },
    users: raw.users ?? [],
  };
}

function show(t: AhsayTarget): Record<string, unknown> {
  return {
    timezone: t.timezone,
    auth: { username: t.auth.username, password: SECRET },
    users: [...t.users],
    ...showJobs(t),
  };
}

export const config: ProductConfig<AhsayTarget> = { schema, resolve, show, collectors: COLLECTORS };
