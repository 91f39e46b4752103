// Logging in to the appliance: a form POST to the unversioned `/api/oauth2/token`. The grant types are
// capitalised (`Password`, `Refresh_token`), unlike VB365. A refresh token is used while it works; when the
// refresh is refused the password grant runs instead, so an expired refresh token never takes the target down.

import type { Logger } from 'pino';
import type { VeeamAzureTarget } from '../../config/types';
import { authError, decodeError, UpstreamError } from '../../common/errors';
import type { HttpClient, HttpResponse } from '../../http/types';

export const TOKEN_PATH = '/api/oauth2/token';
/** Lifetime assumed when the response carries none (the appliance default is 60 minutes). */
const DEFAULT_LIFETIME_S = 3600;

export interface AzureToken {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
}

/** The `login` function of the target's TokenManager. */
export interface LoginHooks {
  log: Logger;
  /** A refresh that failed before the password grant (counted as a failed login). */
  onRefreshFailed?: () => void;
}

/** Kinds after which a password grant cannot do better: the server is not answering at all. */
const NO_FALLBACK = new Set(['timeout', 'unreachable', 'tls']);

export async function login(
  http: HttpClient,
  target: VeeamAzureTarget,
  hooks: LoginHooks,
  previous?: { refreshToken?: string },
): Promise<AzureToken> {
  if (previous?.refreshToken) {
    try {
      return await grant(http, { grant_type: 'Refresh_token', refresh_token: previous.refreshToken });
    } catch (err) {
      if (err instanceof UpstreamError && NO_FALLBACK.has(err.kind)) throw err;
      hooks.onRefreshFailed?.();
      hooks.log.debug(
        { err: err instanceof Error ? err.message : String(err) },
        'token refresh failed, logging in with the password',
      );
    }
  }
  return grant(http, { grant_type: 'Password', username: target.auth.username, password: target.auth.password });
}

async function grant(http: HttpClient, form: Record<string, string>): Promise<AzureToken> {
  const res = await http.request({ method: 'POST', path: TOKEN_PATH, form, accept: [400, 401, 403], retry: false });
  if (res.status !== 200)
    throw authError(`${form.grant_type} grant refused (${res.status}${problemText(res)})`, res.status);
  return decodeToken(res.json(), Date.now());
}

/** Reads the `Login` schema: `access_token`, `refresh_token`, `expires_in`, `.expires` (leading dot). */
export function decodeToken(body: unknown, now: number): AzureToken {
  if (typeof body !== 'object' || body === null) throw decodeError('token response is not a JSON object', TOKEN_PATH);
  const b = body as Record<string, unknown>;
  const value = b.access_token;
  if (typeof value !== 'string' || value === '') {
    // An account with MFA gets an mfa_token instead of an access token: say so, it is a configuration problem.
    if (b.mfa_enabled === true) throw authError('the account requires MFA; use an account without MFA for monitoring');
    throw decodeError('token response has no access_token', TOKEN_PATH);
  }
  const token: AzureToken = { value, expiresAt: now + lifetimeSeconds(b) * 1000 };
  if (typeof b.refresh_token === 'string' && b.refresh_token !== '') token.refreshToken = b.refresh_token;
  return token;
}

// expires_in is relative, so it is immune to clock skew between the appliance and the exporter; `.expires`
// (an absolute server time) minus `.issued` is the fallback.
function lifetimeSeconds(b: Record<string, unknown>): number {
  const n = Number(b.expires_in);
  if (b.expires_in !== null && b.expires_in !== '' && Number.isFinite(n) && n > 0) return n;
  const issued = typeof b['.issued'] === 'string' ? Date.parse(b['.issued']) : NaN;
  const expires = typeof b['.expires'] === 'string' ? Date.parse(b['.expires']) : NaN;
  if (Number.isFinite(issued) && Number.isFinite(expires) && expires > issued) return (expires - issued) / 1000;
  return DEFAULT_LIFETIME_S;
}

/** `: title/detail` of a ProblemDetails body, when there is one; never the request. */
export function problemText(res: HttpResponse): string {
  try {
    const p = res.json<Record<string, unknown>>();
    const text = [p.title, p.detail].filter((x) => typeof x === 'string' && x !== '').join(' - ');
    return text ? `: ${text.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
