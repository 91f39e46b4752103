// Listen addresses as exporters write them: `host:port`, `:port` (all interfaces) or `[v6]:port`.

export class ListenAddressError extends Error {}

export function parseListenAddress(addr: string): { host?: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(addr);
  const port = m ? Number(m[3]) : Number.NaN;
  if (!m || port > 65535) throw new ListenAddressError(`--web.listen-address: "${addr}" is not host:port`);
  const host = m[1] ?? m[2];
  return host ? { host, port } : { port };
}
