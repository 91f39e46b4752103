// The answer envelope of every CBS call: HTTP 200 with {"Status":"OK",…} or {"Status":"Error","Message":…},
// and which errors mean that the system user's credentials were refused. Only those take the target down
// and start the login gate's wait (contract section 2); any other error is about what the call names (one
// backup user, backup set or job) and fails that item only.
import type { Json } from '../../common/decode';
import { decodeError } from '../../common/errors';

/**
 * Messages of the vendor's v10 API documentation (help centre, pages dated July and October 2025) that
 * refuse the system user, matched case-insensitively anywhere in `Message`:
 * - "Incorrect system username/password": AuthSystemUser (…/api/system/user/auth-system-user), for a wrong
 *   SysUser/SysPwd and, in its second example, for a role without API access (a Read-Only Admin).
 * - "Your password has expired and must be changed. Please update in web console or by UpdateSysUser API":
 *   AddSysUser (…/api/system/user/add-sys-user), "starting with AhsayCBS v8.3.4.0 affecting all APIs" when
 *   Administrative Access password policies are on.
 * Words such as "user" or "password" alone prove nothing: an unknown backup user is
 * "[UserCacheManager.NoSuchUserExpt] User ‘…’ not found." (AuthUser, …/api/user/backup-user/auth-user).
 */
const REFUSED = ['incorrect system username/password', 'your password has expired and must be changed'];

/** ListBackupJobStatus answers a day without jobs with this error; it is an empty list, not a failure. */
const NO_JOB = /no backup job/i;
const MAX_MESSAGE = 200;

export type Envelope =
  | { kind: 'ok' }
  /** The benign "No Backup Job on that day". */
  | { kind: 'no-job' }
  /** The credentials were refused. */
  | { kind: 'refused'; message: string }
  /** An error about what the call names. */
  | { kind: 'error'; message: string };

/**
 * Reads `Status`. `credentialsCall`: the collection's first call, ListUsers, names nothing but the system
 * user, so any error it answers refuses the credentials (a message we cannot quote, such as another role's).
 */
export function readEnvelope(name: string, path: string, body: Json, credentialsCall: boolean): Envelope {
  const status = typeof body.Status === 'string' ? body.Status.trim().toUpperCase() : '';
  if (status === 'OK') return { kind: 'ok' };
  if (status !== 'ERROR') throw decodeError(`${name}: response without Status OK/Error`, path);
  const message = typeof body.Message === 'string' ? body.Message.trim().slice(0, MAX_MESSAGE) : '';
  if (NO_JOB.test(message)) return { kind: 'no-job' };
  const lower = message.toLowerCase();
  if (credentialsCall || REFUSED.some((m) => lower.includes(m))) return { kind: 'refused', message };
  return { kind: 'error', message };
}
