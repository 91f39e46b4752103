// One cached API token per target. Vendors limit sessions per user (VB365 counts every password grant), so the
// token is reused across collections, refreshed shortly before it expires, and concurrent collectors that need
// a token share one login instead of each starting their own.

import type { Logger } from 'pino';
import { UpstreamError } from '../core/errors';
import type { SelfMetrics } from '../core/self-metrics';
import type { HttpClient } from './types';

export interface Token {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
}

export interface TokenManagerOptions {
  target: string;
  product: string;
  metrics?: SelfMetrics;
  log?: Logger;
  /** Obtains a token; `previous` (possibly expired) is passed so its refresh token can be used. */
  login: (http: HttpClient, previous?: Token) => Promise<Token>;
  /** Refresh this long before expiry; default 60 s, at most half the token's lifetime. */
  refreshMarginMs?: number;
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000;

export class TokenManager {
  private current?: { token: Token; refreshAt: number };
  private pending?: Promise<Token>;
  /** Bumped by clear(): a login that was in flight then does not bring its token back. */
  private generation = 0;

  constructor(private readonly opts: TokenManagerOptions) {}

  /** The cached token, or a new one when there is none or it is about to expire (single flight). */
  get(http: HttpClient): Promise<Token> {
    if (this.current && Date.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    this.pending ??= this.login(http).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
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
      this.opts.log?.debug({ target: this.opts.target }, 'token rejected with 401; logging in again');
      this.invalidate(token);
      return fn(await this.get(http));
    }
  }

  clear(): void {
    this.current = undefined;
    this.pending = undefined;
    this.generation++;
  }

  private async login(http: HttpClient): Promise<Token> {
    const previous = this.current?.token;
    const generation = this.generation;
    const obtainedAt = Date.now();
    let token: Token;
    try {
      token = await this.opts.login(http, previous);
    } catch (err) {
      this.count('failure');
      // A failed refresh leaves nothing usable behind: the next attempt starts from a full login.
      if (generation === this.generation) this.current = undefined;
      throw err;
    }
    this.count('success');
    if (generation === this.generation)
      this.current = {
        token,
        refreshAt: refreshAt(token, obtainedAt, this.opts.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS),
      };
    return token;
  }

  private count(result: 'success' | 'failure'): void {
    this.opts.metrics?.logins.inc({ target: this.opts.target, product: this.opts.product, result });
  }
}

/** The margin is capped at half the lifetime so a short-lived token is not refreshed on every use. */
function refreshAt(token: Token, obtainedAt: number, marginMs: number): number {
  const lifetime = Math.max(0, token.expiresAt - obtainedAt);
  return token.expiresAt - Math.min(marginMs, lifetime / 2);
}

function isUnauthorized(err: unknown): boolean {
  return err instanceof UpstreamError && err.kind === 'auth' && err.details.status === 401;
}
