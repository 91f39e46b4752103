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

/**
 * The error with the day its request was for. The failure it becomes already names the user, backup set and
 * destination (the item that failed); the day is what only the request body knew. Login rejections are the
 * target's, not a day's, and stay as they are.
 */
export function withDay(err: unknown, params: Json): unknown {
  const day = isObject(params) ? params.BackupDate : undefined;
  if (typeof day !== 'string' || day === '' || !(err instanceof UpstreamError) || err.details.login === true) {
    return err;
  }
  return new UpstreamError(err.kind, `${err.message} [day ${day}]`, err.details);
}
