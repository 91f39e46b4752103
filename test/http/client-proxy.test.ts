import { startSimulator, type Simulator } from '../../src/simulators/common';
import { createTargetHttp } from '../../src/http/client';
import type { TargetConfig } from '../../src/config/types';
import { inSeconds, quietLog, startProxy, target, type CountingProxy } from './helpers';

const VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
let tlsSim: Simulator;
let plainSim: Simulator;
let proxy: CountingProxy;

beforeAll(async () => {
  tlsSim = await startSimulator({ handler: () => ({ json: { via: 'tls' } }), tls: true });
  plainSim = await startSimulator({ handler: () => ({ json: { via: 'plain' } }) });
  proxy = await startProxy();
});
afterAll(async () => {
  await Promise.all([tlsSim.close(), plainSim.close(), proxy.close()]);
});
beforeEach(() => {
  for (const v of VARS) delete process.env[v];
  proxy.tunnels.length = 0;
  proxy.forwarded.length = 0;
});
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

async function fetchOnce(t: TargetConfig): Promise<unknown> {
  const http = createTargetHttp(t, { log: quietLog });
  try {
    return (await http.forCollection(inSeconds(5)).request({ path: '/about' })).json();
  } finally {
    await http.close();
  }
}

const tlsTarget = () => target(tlsSim.url, { tls: { ca: tlsSim.cert, insecureSkipVerify: false } });

describe('proxy from the environment', () => {
  it('tunnels HTTPS through HTTPS_PROXY with the target TLS settings', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    expect(await fetchOnce(tlsTarget())).toEqual({ via: 'tls' });
    expect(proxy.tunnels).toEqual([`localhost:${tlsSim.port}`]);
  });

  it('honours the lower-case form', async () => {
    process.env.https_proxy = proxy.url;
    expect(await fetchOnce(tlsTarget())).toEqual({ via: 'tls' });
    expect(proxy.tunnels).toHaveLength(1);
  });

  it('verifies the target certificate through the tunnel', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    await expect(fetchOnce(target(tlsSim.url))).rejects.toMatchObject({ kind: 'tls' });
    expect(proxy.tunnels).toHaveLength(1);
  });

  it('sends plain HTTP through HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    expect(await fetchOnce(target(plainSim.url))).toEqual({ via: 'plain' });
    expect(proxy.tunnels.length + proxy.forwarded.length).toBe(1);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'example.com,localhost';
    expect(await fetchOnce(tlsTarget())).toEqual({ via: 'tls' });
    process.env.NO_PROXY = `127.0.0.1:${plainSim.port}`;
    expect(await fetchOnce(target(plainSim.url))).toEqual({ via: 'plain' });
    expect(proxy.tunnels.length + proxy.forwarded.length).toBe(0);
  });

  it('connects directly without proxy variables', async () => {
    expect(await fetchOnce(tlsTarget())).toEqual({ via: 'tls' });
    expect(proxy.tunnels).toHaveLength(0);
  });

  it('reports an unreachable proxy as unreachable', async () => {
    const dead = await startProxy();
    await dead.close();
    process.env.HTTPS_PROXY = dead.url;
    await expect(fetchOnce(tlsTarget())).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
