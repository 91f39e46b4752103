// The three ways a CloudDC request is authorised: a static IAM token, an IAM password login (project-scoped
// token from the X-Subject-Token header, cached until shortly before expires_at), or AK/SK request signing.
import type { Logger } from 'pino';
import type { HuaweiTarget } from '../../config/types';
import { decodeError } from '../../common/errors';
import type { SelfMetrics } from '../../core/self-metrics';
import type { HttpClient, HttpResponse, RequestOptions } from '../../http/types';
import { TokenManager, type Token } from '../../http/token';
import { readVendorError, statusError } from './errors';
import { parseTime } from './parse';
import { sdkDate, sign } from './signer';

/** Refresh an IAM token this long before expires_at (capped at half its lifetime by the TokenManager). */
const IAM_REFRESH_MARGIN_MS = 60 * 60_000;
/** Huawei's API gateway rejects an X-Sdk-Date more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60_000;

/** Sends one request with credentials; `send` returns every status the caller accepts. */
export interface Authorizer {
  send(http: HttpClient, opts: RequestOptions): Promise<HttpResponse>;
  download(http: HttpClient, opts: RequestOptions, file: string): Promise<{ bytes: number; sha256: string }>;
  /** Called with a 401 response, for a clear log line (clock skew with AK/SK). */
  explain401?(res: HttpResponse): string | undefined;
  clear(): void;
}

export function createAuthorizer(
  target: HuaweiTarget,
  deps: { log: Logger; metrics?: SelfMetrics; now?: () => number },
): Authorizer {
  const auth = target.auth;
  switch (auth.kind) {
    case 'token':
      return headerAuthorizer(async () => auth.token);
    case 'aksk':
      return akskAuthorizer(target, auth.accessKey, auth.secretKey, deps.now ?? Date.now);
    case 'iam': {
      const tokens = new TokenManager({
        target: target.name,
        product: target.product,
        metrics: deps.metrics,
        log: deps.log,
        refreshMarginMs: IAM_REFRESH_MARGIN_MS,
        login: (http) => iamLogin(http, target, auth),
      });
      return iamAuthorizer(tokens);
    }
  }
}

function headerAuthorizer(token: () => Promise<string>): Authorizer {
  const withHeader = async (opts: RequestOptions): Promise<RequestOptions> => ({
    ...opts,
    headers: { ...opts.headers, 'X-Auth-Token': await token() },
  });
  return {
    send: async (http, opts) => http.request(await withHeader(opts)),
    download: async (http, opts, file) => http.download(await withHeader(opts), file),
    clear: () => undefined,
  };
}

function iamAuthorizer(tokens: TokenManager): Authorizer {
  const withToken = (opts: RequestOptions, t: Token): RequestOptions => ({
    ...opts,
    headers: { ...opts.headers, 'X-Auth-Token': t.value },
  });
  return {
    // withToken re-logs in once when the request throws an `auth` error with status 401.
    send: (http, opts) =>
      tokens.withToken(http, async (t) => {
        const res = await http.request(withToken(opts, t));
        if (res.status === 401) throw statusError(res, opts.method ?? 'GET', opts.path, 'IAM token rejected');
        return res;
      }),
    download: (http, opts, file) => tokens.withToken(http, (t) => http.download(withToken(opts, t), file)),
    clear: () => tokens.clear(),
  };
}

/** POST <iam>/v3/auth/tokens scoped to the project id; the token is the X-Subject-Token header. */
export async function iamLogin(
  http: HttpClient,
  target: HuaweiTarget,
  auth: { url: string; domain: string; username: string; password: string },
): Promise<Token> {
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: auth.username, password: auth.password, domain: { name: auth.domain } } },
      },
      scope: { project: { id: target.projectId } },
    },
  };
  const path = `${auth.url.replace(/\/+$/, '').replace(/\/v3$/, '')}/v3/auth/tokens`;
  // Error statuses are read here so the IAM error body and X-Request-Id reach the message.
  const res = await http.request({
    method: 'POST',
    path,
    query: { nocatalog: 'true' },
    json: body,
    accept: [400, 401, 403, 404],
  });
  if (res.status >= 300)
    throw statusError(
      res,
      'POST',
      '/v3/auth/tokens',
      res.status === 401 ? 'check the IAM domain, username and password' : undefined,
    );
  const value = res.headers['x-subject-token'];
  if (!value) throw decodeError('IAM token response has no X-Subject-Token header', '/v3/auth/tokens');
  const expiresAt = parseTime(res.json<{ token?: { expires_at?: unknown } }>()?.token?.expires_at);
  // Without expires_at, assume the documented 24 h lifetime.
  return { value, expiresAt: expiresAt !== undefined ? expiresAt * 1000 : Date.now() + 24 * 3_600_000 };
}

function akskAuthorizer(target: HuaweiTarget, accessKey: string, secretKey: string, now: () => number): Authorizer {
  const signed = (opts: RequestOptions): RequestOptions => {
    const url = new URL(/^https?:\/\//i.test(opts.path) ? opts.path : target.url + opts.path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
    const headers = { ...opts.headers, 'X-Project-Id': target.projectId };
    const body = opts.json === undefined ? '' : JSON.stringify(opts.json);
    const s = sign({
      method: opts.method ?? 'GET',
      url: url.toString(),
      headers,
      body,
      accessKey,
      secretKey,
      date: sdkDate(now()),
    });
    return { ...opts, headers: { ...headers, ...s.headers } };
  };
  return {
    send: (http, opts) => http.request(signed(opts)),
    download: (http, opts, file) => http.download(signed(opts), file),
    explain401: (res) => explainSignatureFailure(res, now()),
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
  const e = readVendorError(res);
  if (/sdk-date|expired|time/i.test(`${e.code ?? ''} ${e.message ?? ''}`)) {
    return 'the API gateway rejected X-Sdk-Date: check the clock of the exporter host (NTP)';
  }
  return 'AK/SK signature rejected: check access_key and secret_key';
}
