// The deadline of a collection's requests: one timer for all of them, each request stopped when it passes.
import v8 from 'node:v8';
import vm from 'node:vm';
import { Agent, EnvHttpProxyAgent } from 'undici';
import { DeadlineWatch } from '../../src/http/deadline';
import { createDispatcher } from '../../src/http/dispatcher';

describe('DeadlineWatch', () => {
  it('stops every request still registered when the deadline passes, and none that left', async () => {
    const watch = new DeadlineWatch(Date.now() + 50);
    const stopped: string[] = [];
    const item = (name: string) => ({ expire: (reason: Error) => stopped.push(`${name}: ${reason.message}`) });
    const b = item('b');
    watch.add(item('a'));
    watch.add(b);
    watch.add(item('c'));
    watch.delete(b);
    await new Promise((r) => setTimeout(r, 80));
    expect(stopped.sort()).toEqual(['a: the deadline passed', 'c: the deadline passed']);
  });

  it('stops a request at once when the deadline has already passed', () => {
    const watch = new DeadlineWatch(Date.now() - 1);
    const stopped: Error[] = [];
    watch.add({ expire: (reason) => stopped.push(reason) });
    expect(stopped).toHaveLength(1);
  });

  it('keeps nothing of a request once it is deleted, though its timer waits for the deadline', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const watch = new DeadlineWatch(Date.now() + 60_000);
    // The first request arms the timer: the timer must not keep it (nor its response) until the deadline.
    let item: { expire(): void; body: Buffer } | undefined = { expire: () => undefined, body: Buffer.alloc(1) };
    const gone = new WeakRef(item);
    watch.add(item);
    watch.delete(item);
    item = undefined;
    await new Promise((r) => setImmediate(r));
    gc();
    expect(gone.deref()).toBeUndefined();
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
