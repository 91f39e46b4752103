// One cached API token per target. Vendors limit sessions per user (some count every password grant) and
// service accounts lock out after rejected passwords, so the token is reused across collections, refreshed
// shortly before it expires, concurrent collectors that need a token share one login, and every password grant
// passes the target's login gate (contract section 2: at most two per collection, none while a rejection's
// wait lasts).

import type { Logger } from 'pino';
import { isLoginRejection, UpstreamError } from '../common/errors';
import { LoginGate } from './login-gate';
import type { HttpClient } from './types';

export interface Token {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
}

export type LoginResult = 'success' | 'failure';

export interface TokenManagerOptions {
  log?: Logger;
  /** The target's login gate (one per target, shared with nothing else). */
  gate?: LoginGate;
  /** Told about every password grant and refresh (backup_exporter_logins_total). */
  onLogin?: (result: LoginResult) => void;
  /** A password grant (or IAM token request). Throws a login rejection when the credentials are refused. */
  login: (http: HttpClient) => Promise<Token>;
  /** Exchanges a refresh token; when it fails for any reason but the network, a password grant follows. */
  refresh?: (http: HttpClient, refreshToken: string) => Promise<Token>;
  /** Refresh this long before expiry; default 60 s, at most half the token's lifetime. */
  refreshMarginMs?: number;
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000;
/** The first grant of a collection, and one more after a token died during it. */
export const GRANTS_PER_COLLECTION = 2;
/** Kinds after which a password grant cannot do better than the refresh did: the server is not answering. */
const NO_FALLBACK = new Set(['timeout', 'unreachable', 'tls']);

export class TokenManager {
  private current?: { token: Token; refreshAt: number };
  /** The login in flight and the client (so the deadline) it runs on. */
  private pending?: { token: Promise<Token>; http: HttpClient };
  /** Bumped by clear(): a login that was in flight then does not bring its token back. */
  private generation = 0;
  readonly gate: LoginGate;

  constructor(private readonly opts: TokenManagerOptions) {
    this.gate = opts.gate ?? new LoginGate();
  }

  /**
   * The cached token, or a new one when there is none or it is about to expire (single flight). A login that
   * another collection started runs under that collection's deadline: when it runs out of time (a scrape with
   * a short timeout header), this caller logs in under its own deadline rather than failing with it.
   */
  get(http: HttpClient): Promise<Token> {
    if (this.current && Date.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    const pending = this.pending ?? this.start(http);
    if (pending.http === http) return pending.token;
    return pending.token.catch((err: unknown) => {
      if (err instanceof UpstreamError && err.kind === 'timeout') return this.get(http);
      throw err;
    });
  }

  /** Drops the cached token; with an argument, only when it is still the current one (a newer one stays). */
  invalidate(token?: Token): void {
    if (token === undefined || this.current?.token === token) this.current = undefined;
  }

  /**
   * Runs `fn` with a token. A 401 means the server forgot the session (restart, session limit): the token is
   * dropped and `fn` runs once more with a fresh one. A second 401 is a real authentication problem.
   */
  async withToken<T>(http: HttpClient, fn: (token: Token) => Promise<T>): Promise<T> {
    const token = await this.get(http);
    try {
      return await fn(token);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      this.opts.log?.debug('token rejected with 401; logging in again');
      this.invalidate(token);
      return fn(await this.get(http));
    }
  }

  private start(http: HttpClient): { token: Promise<Token>; http: HttpClient } {
    const pending = {
      http,
      token: this.obtain(http).finally(() => {
        if (this.pending === pending) this.pending = undefined;
      }),
    };
    this.pending = pending;
    return pending;
  }

  clear(): void {
    this.current = undefined;
    this.pending = undefined;
    this.generation++;
  }

  private async obtain(http: HttpClient): Promise<Token> {
    const generation = this.generation;
    const obtainedAt = Date.now();
    const previous = this.current?.token;
    // A failed refresh or login leaves nothing usable behind: the next attempt starts from a full login.
    if (generation === this.generation) this.current = undefined;
    const token = (previous && (await this.tryRefresh(http, previous))) ?? (await this.grant(http));
    if (generation === this.generation) {
      const margin = this.opts.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
      this.current = { token, refreshAt: refreshAt(token, obtainedAt, margin) };
    }
    return token;
  }

  /** The refreshed token, or undefined when a password grant should follow. */
  private async tryRefresh(http: HttpClient, previous: Token): Promise<Token | undefined> {
    const refresh = this.opts.refresh;
    if (!refresh || !previous.refreshToken) return undefined;
    try {
      const token = await refresh(http, previous.refreshToken);
      this.opts.onLogin?.('success');
      return token;
    } catch (err) {
      this.opts.onLogin?.('failure');
      if (err instanceof UpstreamError && NO_FALLBACK.has(err.kind)) throw err;
      this.opts.log?.debug({ err: (err as Error).message }, 'token refresh failed, logging in with the password');
      return undefined;
    }
  }

  private async grant(http: HttpClient): Promise<Token> {
    this.gate.check();
    const budget = http.loginBudget;
    if (budget && budget.used >= GRANTS_PER_COLLECTION) {
      throw new UpstreamError('auth', `no further login in this collection (at most ${GRANTS_PER_COLLECTION})`);
    }
    if (budget) budget.used++;
    try {
      const token = await this.opts.login(http);
      this.opts.onLogin?.('success');
      this.gate.record();
      return token;
    } catch (err) {
      this.opts.onLogin?.('failure');
      if (isLoginRejection(err)) this.gate.record(err);
      throw err;
    }
  }
}

/** The margin is capped at half the lifetime so a short-lived token is not refreshed on every use. */
function refreshAt(token: Token, obtainedAt: number, marginMs: number): number {
  const lifetime = Math.max(0, token.expiresAt - obtainedAt);
  return token.expiresAt - Math.min(marginMs, lifetime / 2);
}

function isUnauthorized(err: unknown): boolean {
  return err instanceof UpstreamError && err.kind === 'auth' && err.details.status === 401 && !err.details.login;
}
