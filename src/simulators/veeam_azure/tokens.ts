// The token endpoint of the simulated appliance: `POST /api/oauth2/token` with the capitalised grant types
// `Password` and `Refresh_token`, access tokens that expire, refresh tokens that work once.
import type { SimReply, SimRequest } from '../common';
import { problem, tokenProblem } from './shapes';

export class TokenStore {
  /** Grants answered, by grant type. */
  readonly grants = { Password: 0, Refresh_token: 0 };
  private readonly access = new Map<string, number>();
  private readonly refresh = new Set<string>();
  private issued = 0;

  constructor(
    private readonly lifetimeS: number,
    private readonly username: string,
    private readonly password: string,
    private readonly now: () => number,
  ) {}

  /** Answers a request to the token endpoint. */
  grant(req: SimRequest): SimReply {
    if (req.method !== 'POST') return problem(405, 'Method Not Allowed');
    const f = req.form();
    const grant = f.get('grant_type');
    if (grant === 'Password') {
      if (f.get('username') !== this.username || f.get('password') !== this.password)
        return tokenProblem(401, 'Unauthorized', 'Invalid user name or password.');
      this.grants.Password++;
      return this.issue();
    }
    if (grant === 'Refresh_token') {
      if (!this.refresh.delete(f.get('refresh_token') ?? ''))
        return tokenProblem(401, 'Unauthorized', 'The refresh token is invalid or expired.');
      this.grants.Refresh_token++;
      return this.issue();
    }
    return tokenProblem(400, 'Bad Request', `Unsupported grant_type '${grant ?? ''}'.`);
  }

  /** True when the request carries an access token that has not expired. */
  authorised(req: SimRequest): boolean {
    const m = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    const exp = m ? this.access.get(m[1]!) : undefined;
    return exp !== undefined && Date.now() < exp;
  }

  /** Every access token issued so far answers 401 from now on. */
  expire(): void {
    for (const k of this.access.keys()) this.access.set(k, 0);
  }

  /** Refresh tokens stop working. */
  revokeRefresh(): void {
    this.refresh.clear();
  }

  private issue(): SimReply {
    this.issued++;
    const at = `at-${this.issued}`;
    const rt = `rt-${this.issued}`;
    this.access.set(at, Date.now() + this.lifetimeS * 1000);
    this.refresh.add(rt);
    const t = this.now();
    return {
      json: {
        access_token: at,
        token_type: 'Bearer',
        refresh_token: rt,
        expires_in: this.lifetimeS,
        '.issued': new Date(t).toISOString(),
        '.expires': new Date(t + this.lifetimeS * 1000).toISOString(),
        userId: '6b1f0c2e-0000-4000-a000-000000000001',
        username: this.username,
        roleName: 'Viewer',
        userType: 'Internal',
        mfa_enabled: false,
        shortLived: false,
        latestNewsShown: true,
      },
    };
  }
}
