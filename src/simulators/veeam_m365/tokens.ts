// The simulator's OAuth endpoint: password and refresh grants, tokens that expire, and the v7+ antiforgery
// rule (a refresh needs the antiforgery cookie unless the login turned it off).
import { randomBytes } from 'node:crypto';
import type { SimReply, SimRequest } from '../common';

interface Issued {
  expiresAt: number;
  refresh: string;
  antiforgery?: string;
  /** Requests made with the token. */
  uses: number;
}

export interface TokenModes {
  /** A token dies (401) after this many requests: a server that keeps forgetting sessions. */
  tokenUses?: number;
  /**
   * Text of `.issued`/`.expires` (default `iso`): the documents declare `date-time`; OWIN servers are known to
   * send RFC 1123 (`Mon, 02 Mar 2026 12:00:00 GMT`). The exporter reads neither.
   */
  tokenTimes?: 'iso' | 'rfc1123';
}

export class TokenStore {
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, string>();
  readonly logins: Array<{ version: number; ok: boolean; antiforgeryDisabled: boolean }> = [];

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly username: string,
    private readonly password: string,
    private readonly modes: TokenModes = {},
  ) {}

  valid(req: SimRequest): boolean {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    const t = m ? this.access.get(m[1]!) : undefined;
    if (t === undefined || Date.now() >= t.expiresAt) return false;
    t.uses++;
    return this.modes.tokenUses === undefined || t.uses <= this.modes.tokenUses;
  }

  expireAll(): void {
    for (const t of this.access.values()) t.expiresAt = 0;
  }

  grant(req: SimRequest, version: number): SimReply {
    const form = String(req.headers['content-type'] ?? '').includes('json')
      ? new URLSearchParams(req.json<Record<string, string>>())
      : req.form();
    const grant = form.get('grant_type');
    const disabled = version >= 7 && form.get('disable_antiforgery_token')?.toLowerCase() === 'true';
    if (grant === 'password') {
      const ok = form.get('username') === this.username && form.get('password') === this.password;
      this.logins.push({ version, ok, antiforgeryDisabled: disabled });
      if (!ok)
        return {
          status: 400,
          json: { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' },
        };
      return this.issue(!disabled && version >= 7);
    }
    if (grant === 'refresh_token') {
      const access = this.refresh.get(form.get('refresh_token') ?? '');
      const issued = access ? this.access.get(access) : undefined;
      if (!issued)
        return { status: 400, json: { error: 'invalid_grant', error_description: 'Invalid refresh token.' } };
      if (issued.antiforgery && req.headers['x-xsrf-token'] !== issued.antiforgery) {
        return {
          status: 400,
          json: { error: 'invalid_request', error_description: 'The antiforgery token is missing or invalid.' },
        };
      }
      return this.issue(issued.antiforgery !== undefined);
    }
    return { status: 400, json: { error: 'unsupported_grant_type' } };
  }

  private issue(antiforgery: boolean): SimReply {
    const value = randomBytes(24).toString('base64url');
    const refresh = randomBytes(24).toString('base64url');
    const issuedAt = Date.now();
    const expiresAt = issuedAt + this.lifetimeSeconds * 1000;
    const xsrf = antiforgery ? randomBytes(16).toString('hex') : undefined;
    this.access.set(value, { expiresAt, refresh, uses: 0, ...(xsrf ? { antiforgery: xsrf } : {}) });
    const stamp = (ms: number) =>
      this.modes.tokenTimes === 'rfc1123' ? new Date(ms).toUTCString() : new Date(ms).toISOString();
    this.refresh.set(refresh, value);
    return {
      headers: xsrf
        ? {
            'set-cookie': `.AspNetCore.Antiforgery.vb365=${xsrf}; path=/; secure; samesite=strict; httponly`,
            'x-xsrf-token': xsrf,
          }
        : {},
      json: {
        access_token: value,
        token_type: 'bearer',
        expires_in: this.lifetimeSeconds,
        refresh_token: refresh,
        userName: this.username,
        '.issued': stamp(issuedAt),
        '.expires': stamp(expiresAt),
      },
    };
  }
}
