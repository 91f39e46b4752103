// The connection pool of one target: keep-alive connections, the target's TLS settings, and the proxy
// variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and their lower-case forms) read the way curl reads them.

import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { TlsConfig } from '../config/types';

export interface TlsOptions {
  ca?: string[];
  rejectUnauthorized: boolean;
  /** Set when the target has an extra CA; without one Node's shared default roots are used. */
  secureContext?: tls.SecureContext;
}

/**
 * Node's TLS options for the target: an extra CA adds to the public roots instead of replacing them. The
 * context is built once here: given only `ca`, every new connection would parse the ~140 public roots again.
 */
export function tlsOptions(config: TlsConfig): TlsOptions {
  const options: TlsOptions = { rejectUnauthorized: !config.insecureSkipVerify };
  if (config.ca !== undefined && config.ca.trim() !== '') {
    const ca = [...tls.rootCertificates, config.ca];
    try {
      options.secureContext = tls.createSecureContext({ ca });
    } catch {
      // A PEM that does not parse: left to each connection, which then fails as a TLS error of that target.
      options.ca = ca;
    }
  }
  return options;
}

/** The variables that make undici's EnvHttpProxyAgent use a proxy (NO_PROXY only narrows them). */
const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * One dispatcher per target. The same TLS options go to direct connections (`connect`) and to connections
 * tunnelled through a proxy (`requestTls`), for the target URL and for absolute URLs (a separate identity service).
 * Without a proxy variable a plain Agent does the same work as the proxy-aware one (which reads the proxy
 * variables once, when it is made) without parsing each request's origin and NO_PROXY again.
 */
export function createDispatcher(config: TlsConfig, connections: number, env = process.env): Dispatcher {
  const options = tlsOptions(config);
  const common = {
    connect: options,
    connections: Math.max(1, connections),
    keepAliveTimeout: 4_000,
    // Deadlines are enforced by the client; these only catch stalls in background work.
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  };
  const proxied = PROXY_VARS.some((name) => env[name]);
  return proxied ? new EnvHttpProxyAgent({ ...common, requestTls: options }) : new Agent(common);
}
