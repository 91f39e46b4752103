// Configuration keys of an ahsay target (AhsayCBS JSON API, authenticated with a system user).
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { commonShape, jobsShape, passwordAuthSchema, text } from '../../config/fields';
import { readSecret, resolveCommon, resolveJobs, type ResolveContext } from '../../config/resolve';
import type { AhsayTarget } from '../../config/types';

export const schema = z.strictObject({
  ...commonShape,
  ...jobsShape,
  // CBS timestamps carry no offset: the zone they are in is required, not guessed.
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'not a valid IANA time zone (e.g. Asia/Hong_Kong)' }),
  auth: passwordAuthSchema,
  users: z.array(text()).optional(),
});

export async function resolve(raw: z.output<typeof schema>, ctx: ResolveContext): Promise<AhsayTarget> {
  return {
    ...(await resolveCommon(raw, 'ahsay', ctx)),
    ...resolveJobs(raw, ctx),
    timezone: raw.timezone,
    auth: { username: raw.auth.username, password: await readSecret(ctx, raw.auth, 'password', [...ctx.path, 'auth']) },
    users: raw.users ?? [],
  };
}
