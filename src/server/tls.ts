// Server TLS options from the exporter-toolkit web config.
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import type { WebConfig } from '../config/web';

type ServerTls = NonNullable<WebConfig['tls']>;

const VERSIONS = { TLS10: 'TLSv1', TLS11: 'TLSv1.1', TLS12: 'TLSv1.2', TLS13: 'TLSv1.3' } as const;

export function tlsOptions(t: ServerTls): TlsOptions & SecureContextOptions {
  const auth = t.clientAuthType ?? 'NoClientCert';
  return {
    cert: t.cert,
    key: t.key,
    ...(t.clientCa ? { ca: t.clientCa } : {}),
    minVersion: VERSIONS[t.minVersion ?? 'TLS12'],
    requestCert: auth !== 'NoClientCert',
    // Node rejects unverified peers during the handshake only for RequireAndVerifyClientCert; the other
    // types are enforced per request by clientCertAllowed().
    rejectUnauthorized: auth === 'RequireAndVerifyClientCert',
  };
}

/** Per-request check of the client certificate for the client_auth_type values Node cannot enforce itself. */
export function clientCertAllowed(
  t: ServerTls | undefined,
  socket: { authorized?: boolean; getPeerCertificate?: () => object },
): boolean {
  const auth = t?.clientAuthType ?? 'NoClientCert';
  const cert = socket.getPeerCertificate?.();
  const presented = cert !== undefined && Object.keys(cert).length > 0;
  if (auth === 'RequireAnyClientCert') return presented;
  if (auth === 'VerifyClientCertIfGiven') return !presented || socket.authorized === true;
  return true;
}
