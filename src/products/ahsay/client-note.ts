// What an AhsayCBS request is about. The path of every call is the same for all users and days (they are in
// the POST body, beside the password, which is never shown), so debug lines and error messages carry these
// words instead.
import { isObject, type Json } from '../../common/decode';
import { UpstreamError } from '../../common/errors';

/** The parameters a request body names besides the credentials, as words: `user alice, day 2026-12-01`. */
const NOTED: ReadonlyArray<readonly [string, string]> = [
  ['LoginName', 'user'],
  ['Owner', 'owner'],
  ['BackupDate', 'day'],
  ['BackupSetID', 'set'],
  ['DestinationID', 'destination'],
  ['BackupJobID', 'job'],
];

export function about(params: Json): string {
  if (!isObject(params)) return '';
  const words: string[] = [];
  for (const [key, word] of NOTED) {
    const v = params[key];
    if (typeof v === 'string' && v !== '') words.push(`${word} ${v}`);
  }
  return words.join(', ');
}

/** The error with what the request was about, so a failed call names its user and day (not the login gate's). */
export function withNote(err: unknown, note: string): unknown {
  if (note === '' || !(err instanceof UpstreamError) || err.details.login === true) return err;
  return new UpstreamError(err.kind, `${err.message} [${note}]`, err.details);
}
