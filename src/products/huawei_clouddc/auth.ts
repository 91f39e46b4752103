// The three ways a CloudDC request is authorised: a static IAM token, an IAM password login (project-scoped
// token from the X-Subject-Token header, cached until shortly before expires_at), or AK/SK request signing.
import { isObject, isoTime } from '../../common/decode';
import { decodeError, loginRejected } from '../../common/errors';
import type { StateDeps } from '../../core/module';
import { type Token, TokenManager } from '../../http/token';
import type { HttpClient, HttpResponse, RequestOptions } from '../../http/types';
import { type Authorizer, statusError, vendorErrorOf } from './client';
import type { HuaweiTarget } from './config';
import type { VendorError } from './decode';
import { sdkDate, sign } from './signer';

/** Refresh an IAM token this long before expires_at (capped at half its lifetime by the TokenManager). */
const IAM_REFRESH_MARGIN_MS = 60 * 60_000;
/** The documented lifetime of an IAM token, assumed when the answer has no expires_at. */
const IAM_TOKEN_LIFETIME_MS = 24 * 3_600_000;
/** Huawei's API gateway rejects an X-Sdk-Date more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60_000;
const TOKENS_PATH = '/v3/auth/tokens';

type IamAuth = Extract<HuaweiTarget['auth'], { kind: 'iam' }>;

export function createAuthorizer(target: HuaweiTarget, deps: StateDeps): Authorizer {
  const auth = target.auth;
  switch (auth.kind) {
    case 'token':
      return headerAuthorizer(auth.token);
    case 'aksk':
      return akskAuthorizer(target, auth.accessKey, auth.secretKey);
    case 'iam': {
      const tokens = new TokenManager({
        log: deps.log,
        gate: deps.gate,
        onLogin: deps.onLogin,
        refreshMarginMs: IAM_REFRESH_MARGIN_MS,
        login: (http) => iamLogin(http, target.projectId, auth),
      });
      return iamAuthorizer(tokens);
    }
  }
}

function withHeader(opts: RequestOptions, token: string): RequestOptions {
  return { ...opts, headers: { ...opts.headers, 'X-Auth-Token': token } };
}

function headerAuthorizer(token: string): Authorizer {
  return {
    send: (http, opts) => http.request(withHeader(opts, token)),
    download: (http, opts, file, o) => http.download(withHeader(opts, token), file, o),
    clear: () => undefined,
  };
}

function iamAuthorizer(tokens: TokenManager): Authorizer {
  return {
    // withToken logs in once more when the request throws an `auth` error with status 401.
    send: (http, opts) =>
      tokens.withToken(http, async (t: Token) => {
        const res = await http.request(withHeader(opts, t.value));
        if (res.status === 401) throw statusError(res, opts.method ?? 'GET', opts.path, 'IAM token rejected');
        return res;
      }),
    download: (http, opts, file, o) => tokens.withToken(http, (t) => http.download(withHeader(opts, t.value), file, o)),
    clear: () => tokens.clear(),
  };
}

/** POST <iam>/v3/auth/tokens scoped to the project id; the token is the X-Subject-Token header. */
export async function iamLogin(http: HttpClient, projectId: string, auth: IamAuth): Promise<Token> {
  const user = { name: auth.username, password: auth.password, domain: { name: auth.domain } };
  const body = {
    auth: { identity: { methods: ['password'], password: { user } }, scope: { project: { id: projectId } } },
  };
  const path = `${auth.url.replace(/\/+$/, '').replace(/\/v3$/, '')}${TOKENS_PATH}`;
  // Error statuses are read here so the IAM error body and X-Request-Id reach the message.
  const res = await http.request({
    method: 'POST',
    path,
    query: { nocatalog: 'true' },
    json: body,
    accept: [400, 401, 403, 404],
  });
  if (res.status >= 300) throw iamError(res);
  const value = res.headers['x-subject-token'];
  if (!value) throw decodeError('IAM token response has no X-Subject-Token header', TOKENS_PATH);
  const answer = res.json();
  const token = isObject(answer) && isObject(answer.token) ? answer.token : {};
  const expiresAt = isoTime(token.expires_at);
  return { value, expiresAt: expiresAt !== undefined ? expiresAt * 1000 : Date.now() + IAM_TOKEN_LIFETIME_MS };
}

/**
 * 401 and 403 refuse the credentials; so does a 400 with one of IAM's credential errors (its error-code table
 * answers 400 for `1101 Invalid username` and `1103 Incorrect password`). Other answers are plain failures.
 */
function iamError(res: HttpResponse): Error {
  const vendor = vendorErrorOf(res);
  const rejected = res.status === 401 || res.status === 403 || (res.status === 400 && isCredentialError(vendor));
  if (!rejected) return statusError(res, 'POST', TOKENS_PATH);
  const err = statusError(res, 'POST', TOKENS_PATH, 'check the IAM domain, username and password');
  return loginRejected(err.message, res.status);
}

function isCredentialError(e: VendorError): boolean {
  if (e.code === '1101' || e.code === '1103') return true;
  return /password|user ?name|credential|authenticat|unauthori[sz]ed/i.test(e.message ?? '');
}

function akskAuthorizer(target: HuaweiTarget, accessKey: string, secretKey: string): Authorizer {
  const signed = (opts: RequestOptions): RequestOptions => {
    const url = new URL(/^https?:\/\//i.test(opts.path) ? opts.path : target.url + opts.path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
    const headers = { ...opts.headers, 'X-Project-Id': target.projectId };
    const body = opts.json === undefined ? '' : JSON.stringify(opts.json);
    const method = opts.method ?? 'GET';
    const date = sdkDate(Date.now());
    const s = sign({ method, url: url.toString(), headers, body, accessKey, secretKey, date });
    return { ...opts, headers: { ...headers, ...s.headers } };
  };
  return {
    send: (http, opts) => http.request(signed(opts)),
    download: (http, opts, file, o) => http.download(signed(opts), file, o),
    explain401: (res) => explainSignatureFailure(res, Date.now()),
    clear: () => undefined,
  };
}

/** A 401 to a signed request is a wrong key, or a clock too far from the gateway's: say which. */
function explainSignatureFailure(res: HttpResponse, now: number): string {
  const server = Date.parse(res.headers.date ?? '');
  const skew = Number.isNaN(server) ? undefined : now - server;
  if (skew !== undefined && Math.abs(skew) > MAX_SKEW_MS) {
    return `clock skew: the local clock is ${Math.round(skew / 1000)} s off the API's Date header; X-Sdk-Date must be within 15 min`;
  }
  const e = vendorErrorOf(res);
  if (/sdk-date|expired|time/i.test(`${e.code ?? ''} ${e.message ?? ''}`)) {
    return 'the API gateway rejected X-Sdk-Date: check the clock of the exporter host (NTP)';
  }
  return 'AK/SK signature rejected: check access_key and secret_key';
}
