// VB365 login: the OAuth password grant at the versioned `/vN/token`, and API version detection by probing it
// (contract section 2: N = 8 down to 3; the first answer that is not 404 decides).
import { loginRejected, UpstreamError } from '../../common/errors';
import type { PasswordAuth } from '../../config/types';
import type { Token } from '../../http/token';
import type { HttpClient, HttpResponse } from '../../http/types';
import { API_VERSIONS, type ApiVersion } from './config';
import { decodeToken } from './decode';

/** `v7` → 7. */
export function versionNumber(v: ApiVersion): number {
  return Number(v.slice(1));
}

function grantForm(version: ApiVersion, auth: PasswordAuth): Record<string, string> {
  const form: Record<string, string> = { grant_type: 'password', username: auth.username, password: auth.password };
  // v7+ also issues an antiforgery cookie that a refresh would need; the exporter never refreshes (it logs in
  // again with the password), and turning the antiforgery token off keeps plain bearer calls working.
  if (versionNumber(version) >= 7) form.disable_antiforgery_token = 'true';
  return form;
}

function oauthReason(res: HttpResponse): string {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return 'credentials rejected';
  }
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = [b.error, b.error_description, b.message].filter((x) => typeof x === 'string').join(': ');
  return text || 'credentials rejected';
}

/** One POST of the grant; 404 is returned (detection goes on), 400/401/403 are login rejections. */
async function post(http: HttpClient, version: ApiVersion, auth: PasswordAuth): Promise<Token | 'not-found'> {
  const path = `/${version}/token`;
  const form = grantForm(version, auth);
  const res = await http.request({ method: 'POST', path, form, accept: [400, 401, 403, 404], retry: false });
  if (res.status === 404) return 'not-found';
  if (res.status !== 200) {
    throw loginRejected(`VB365 login at ${path} failed with ${res.status}: ${oauthReason(res)}`, res.status);
  }
  const t = decodeToken(res.json(), path);
  return { value: t.accessToken, expiresAt: Date.now() + t.expiresInSeconds * 1000 };
}

/** One password grant at the known version. */
export async function passwordGrant(http: HttpClient, version: ApiVersion, auth: PasswordAuth): Promise<Token> {
  const token = await post(http, version, auth);
  if (token === 'not-found') {
    throw new UpstreamError('http', `VB365 login at /${version}/token answered 404`, { status: 404 });
  }
  return token;
}

/** The first version whose token endpoint is not 404; its token is kept. */
export async function detectVersion(
  http: HttpClient,
  auth: PasswordAuth,
): Promise<{ version: ApiVersion; token: Token }> {
  for (const version of API_VERSIONS) {
    const token = await post(http, version, auth);
    if (token !== 'not-found') return { version, token };
  }
  throw new UpstreamError('http', 'no VB365 REST API version between v3 and v8 answered at /vN/token (all 404)', {
    status: 404,
  });
}
