// Logging in to the appliance: a form POST to the unversioned `/api/oauth2/token`. The grant types are
// capitalised (`Password`, `Refresh_token`), unlike VB365. The target's TokenManager uses the refresh token
// while it works and falls back to the password grant when a refresh is refused, so an expired refresh token
// never takes the target down; a refused password grant is a login rejection (contract section 2).
import { authError, loginRejected } from '../../common/errors';
import type { PasswordAuth } from '../../config/types';
import type { Token } from '../../http/token';
import type { HttpClient, HttpResponse } from '../../http/types';
import { decodeToken } from './decode';

export const TOKEN_PATH = '/api/oauth2/token';

/** The password grant: 400, 401 and 403 are login rejections. */
export async function passwordGrant(http: HttpClient, auth: PasswordAuth): Promise<Token> {
  const res = await post(http, { grant_type: 'Password', username: auth.username, password: auth.password });
  if (res.status !== 200) throw loginRejected(refused('Password', res), res.status);
  return decodeToken(res.json(), Date.now(), TOKEN_PATH);
}

/** The refresh grant: a refusal is an auth error after which the token manager tries the password. */
export async function refreshGrant(http: HttpClient, refreshToken: string): Promise<Token> {
  const res = await post(http, { grant_type: 'Refresh_token', refresh_token: refreshToken });
  if (res.status !== 200) throw authError(refused('Refresh_token', res), res.status);
  return decodeToken(res.json(), Date.now(), TOKEN_PATH);
}

function post(http: HttpClient, form: Record<string, string>): Promise<HttpResponse> {
  return http.request({ method: 'POST', path: TOKEN_PATH, form, accept: [400, 401, 403], retry: false });
}

function refused(grant: string, res: HttpResponse): string {
  return `${grant} grant refused (${res.status}${problemText(res)})`;
}

/** `: title - detail` of a ProblemDetails body, when there is one; never the request. */
export function problemText(res: HttpResponse): string {
  try {
    const p = res.json<Record<string, unknown>>();
    const text = [p.title, p.detail].filter((x) => typeof x === 'string' && x !== '').join(' - ');
    return text ? `: ${text.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
