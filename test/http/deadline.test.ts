// The deadline of a collection's requests: one timer for all of them, each request stopped when it passes.
import { Agent, EnvHttpProxyAgent } from 'undici';
import { DeadlineWatch } from '../../src/http/deadline';
import { createDispatcher } from '../../src/http/dispatcher';

describe('DeadlineWatch', () => {
  it('stops every request still registered when the deadline passes, and none that left', async () => {
    const watch = new DeadlineWatch(Date.now() + 50);
    const stopped: string[] = [];
    const item = (name: string) => ({ expire: (reason: Error) => stopped.push(`${name}: ${reason.message}`) });
    watch.add(item('a'));
    const forgetB = watch.add(item('b'));
    watch.add(item('c'));
    forgetB();
    await new Promise((r) => setTimeout(r, 80));
    expect(stopped.sort()).toEqual(['a: the deadline passed', 'c: the deadline passed']);
  });

  it('stops a request at once when the deadline has already passed', () => {
    const watch = new DeadlineWatch(Date.now() - 1);
    const stopped: Error[] = [];
    watch.add({ expire: (reason) => stopped.push(reason) });
    expect(stopped).toHaveLength(1);
  });

  it('arms one timer for all the requests of a deadline', () => {
    const spy = jest.spyOn(global, 'setTimeout');
    try {
      const watch = new DeadlineWatch(Date.now() + 60_000);
      for (let i = 0; i < 10; i++) watch.add({ expire: () => undefined });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('createDispatcher', () => {
  const tls = { insecureSkipVerify: false };
  it('uses a plain agent without proxy variables (no per-request proxy decision)', async () => {
    const d = createDispatcher(tls, 2, {});
    expect(d).toBeInstanceOf(Agent);
    await d.close();
  });

  it('uses the proxy-aware agent when a proxy variable is set', async () => {
    const d = createDispatcher(tls, 2, { https_proxy: 'http://127.0.0.1:3128' });
    expect(d).toBeInstanceOf(EnvHttpProxyAgent);
    await d.close();
  });
});
