import { selfSignedCert, startSimulator, type Simulator } from '../../src/simulators/common';
import { createTargetHttp } from '../../src/http/client';
import type { TlsConfig } from '../../src/config/types';
import { caught, inSeconds, quietLog, target } from './helpers';

let sim: Simulator;
let wrongHost: Simulator;
let plain: Simulator;

const handler = () => ({ json: { ok: true } });

beforeAll(async () => {
  sim = await startSimulator({ handler, tls: true });
  // Trusted through `ca`, but issued for another name than the `localhost` the client connects to.
  wrongHost = await startSimulator({ handler, tls: await selfSignedCert(['other.example']) });
  plain = await startSimulator({ handler });
});
afterAll(async () => {
  await Promise.all([sim.close(), wrongHost.close(), plain.close()]);
});

async function get(url: string, tls: TlsConfig, path = '/about'): Promise<unknown> {
  const http = createTargetHttp(target(url, { tls }), { log: quietLog });
  try {
    return (await http.forCollection(inSeconds(5)).request({ path })).json();
  } finally {
    await http.close();
  }
}

describe('TLS', () => {
  it('verifies certificates by default: a self-signed one fails as tls', async () => {
    const err = await caught(() => get(sim.url, { insecureSkipVerify: false }));
    expect(err.kind).toBe('tls');
    expect(err.message).toMatch(/^GET \/about: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/);
    expect(err.message).toMatch(/trust its CA with tls\.ca_file/);
  });

  it('trusts a configured CA in addition to the public roots', async () => {
    expect(sim.cert).toBeDefined();
    await expect(get(sim.url, { ca: sim.cert, insecureSkipVerify: false })).resolves.toEqual({ ok: true });
  });

  it('skips verification only when told to', async () => {
    await expect(get(sim.url, { insecureSkipVerify: true })).resolves.toEqual({ ok: true });
  });

  it('rejects a trusted certificate issued for another host', async () => {
    const err = await caught(() => get(wrongHost.url, { ca: wrongHost.cert, insecureSkipVerify: false }));
    expect(err.kind).toBe('tls');
    expect(err.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('applies the target TLS settings to absolute URLs on other hosts', async () => {
    const absolute = `${sim.url}/v3/auth/tokens`;
    await expect(get(plain.url, { ca: sim.cert, insecureSkipVerify: false }, absolute)).resolves.toEqual({ ok: true });
    const err = await caught(() => get(plain.url, { insecureSkipVerify: false }, `${absolute}?password=hunter2`));
    expect(err.kind).toBe('tls');
    expect(err.message).toMatch(new RegExp(`^GET ${sim.url}/v3/auth/tokens: `));
    expect(err.message).not.toContain('hunter2');
  });
});
