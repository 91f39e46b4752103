// VB365 login: the OAuth password grant at the versioned `/vN/token`, and API version detection by probing it.
import { authError, UpstreamError } from '../../core/errors';
import type { PasswordAuth } from '../../config/types';
import type { Token } from '../../http/token';
import type { HttpClient } from '../../http/types';
import { decodeToken } from './decode';

export const VERSIONS = [8, 7, 6, 5, 4, 3] as const;

/** `v3`..`v8` → 3..8; anything else undefined. */
export function parseVersion(v: string | undefined): number | undefined {
  const m = v === undefined ? null : /^v([3-8])$/i.exec(v.trim());
  return m ? Number(m[1]) : undefined;
}

function grantForm(version: number, auth: PasswordAuth): Record<string, string> {
  const form: Record<string, string> = { grant_type: 'password', username: auth.username, password: auth.password };
  // v7+ also issues an antiforgery cookie that a refresh would need; the exporter never refreshes (it logs in
  // again with the password), and turning the antiforgery token off keeps plain bearer calls working.
  if (version >= 7) form.disable_antiforgery_token = 'true';
  return form;
}

function toToken(body: unknown, path: string, now = Date.now()): Token {
  const t = decodeToken(body, path);
  return { value: t.accessToken, expiresAt: now + t.expiresInSeconds * 1000 };
}

function oauthReason(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    const text = [b.error, b.error_description, b.message].filter((x) => typeof x === 'string').join(': ');
    if (text) return text;
  }
  return 'credentials rejected';
}

function safeJson(res: { json(): unknown }): unknown {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

/** One password grant at `/v{version}/token`. 400/401/403 are authentication failures (kind `auth`). */
export async function passwordGrant(http: HttpClient, version: number, auth: PasswordAuth): Promise<Token> {
  const path = `/v${version}/token`;
  const res = await http.request({
    method: 'POST',
    path,
    form: grantForm(version, auth),
    accept: [400, 401, 403],
    retry: false,
  });
  if (res.status !== 200) {
    throw authError(`VB365 login at ${path} failed with ${res.status}: ${oauthReason(safeJson(res))}`, res.status);
  }
  return toToken(res.json(), path);
}

/**
 * Contract rule: POST the password grant to `/vN/token` for N = 8 down to 3; the first answer that is not 404
 * decides: 200 = that version (its token is kept), 400/401 = authentication failure.
 */
export async function detectVersion(http: HttpClient, auth: PasswordAuth): Promise<{ version: number; token: Token }> {
  for (const version of VERSIONS) {
    const path = `/v${version}/token`;
    const res = await http.request({
      method: 'POST',
      path,
      form: grantForm(version, auth),
      accept: [400, 401, 403, 404],
      retry: false,
    });
    if (res.status === 404) continue;
    if (res.status !== 200) {
      throw authError(`VB365 login at ${path} failed with ${res.status}: ${oauthReason(safeJson(res))}`, res.status);
    }
    return { version, token: toToken(res.json(), path) };
  }
  throw new UpstreamError('http', 'no VB365 REST API version between v3 and v8 answered at /vN/token (all 404)', {
    status: 404,
  });
}
