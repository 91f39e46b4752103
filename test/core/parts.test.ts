// Every outcome a part can have, recorded once by the engine (contract sections 2 and 4.1).
import { loginRejected, UpstreamError } from '../../src/common/errors';
import { PartLedger } from '../../src/core/parts';

const SPEC = { names: ['jobs', 'sessions', 'logs', 'extra'], needs: { logs: ['sessions'] } };

function ledger(selected = SPEC.names, expired = new Promise<void>(() => undefined)) {
  return new PartLedger(SPEC, selected, expired, new AbortController().signal);
}

const fail = (msg: string) => async (): Promise<never> => {
  throw new UpstreamError('http', msg);
};

describe('parts', () => {
  test('a successful part returns its value; nothing is reported', async () => {
    const l = ledger();
    expect(await l.part('sessions', async () => 42)).toBe(42);
    expect(l.failures()).toEqual([]);
  });

  test('a failed part returns undefined and is reported with its reason', async () => {
    const l = ledger();
    expect(await l.part('sessions', fail('boom'))).toBeUndefined();
    expect(l.failures()).toEqual([{ collector: 'sessions', reason: 'http: boom', error: expect.any(UpstreamError) }]);
  });

  test('a part that needs a failed one is not run and fails with the reason', async () => {
    const l = ledger();
    await l.part('sessions', fail('boom'));
    let ran = false;
    expect(await l.part('logs', async () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);
    expect(l.failures().map((f) => [f.collector, f.reason])).toEqual([
      ['sessions', 'http: boom'],
      ['logs', 'internal: not run: the sessions collector failed'],
    ]);
  });

  test('a part the configuration does not select is neither run nor reported', async () => {
    const l = ledger(['jobs', 'logs']);
    let ran = false;
    expect(await l.part('sessions', async () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);
    expect(l.selected('sessions')).toBe(false);
    expect(l.failures()).toEqual([]);
  });
});

describe('parts: items, logins and the deadline', () => {
  test('a failed item fails the part but keeps the value of the others', async () => {
    const l = ledger();
    const value = await l.part('extra', async (scope) => {
      scope.itemFailed('user a', new UpstreamError('http', 'gone'));
      scope.itemFailed('user b', new UpstreamError('http', 'gone too'));
      return ['user c'];
    });
    expect(value).toEqual(['user c']);
    expect(l.failures()).toEqual([
      { collector: 'extra', reason: 'http: user a: gone (and 1 more items)', error: expect.any(UpstreamError) },
    ]);
  });

  test('a part whose items failed in part still feeds the collectors that need it', async () => {
    const l = ledger();
    await l.part('sessions', async (scope) => {
      scope.itemFailed('job a', new UpstreamError('http', 'gone'));
      return ['job b'];
    });
    expect(await l.part('logs', async () => 'counts of job b')).toBe('counts of job b');
    expect(l.failures().map((f) => f.collector)).toEqual(['sessions']);
  });

  test('a login rejected during a part takes the target down', async () => {
    const l = ledger();
    await l.part('extra', async () => {
      throw loginRejected('password expired', 401);
    });
    expect(l.loginError?.message).toBe('password expired');
  });

  test('after the deadline a running part fails with timeout; the inventory throws', async () => {
    let expire = (): void => undefined;
    const expired = new Promise<void>((r) => {
      expire = r;
    });
    const l = ledger(SPEC.names, expired);
    const never = () => new Promise<never>(() => undefined);
    const part = l.part('sessions', never);
    const inventory = l.inventory(never);
    expire();
    expect(await part).toBeUndefined();
    await expect(inventory).rejects.toMatchObject({ kind: 'timeout' });
    expect(l.inventoryDone).toBe(false);
    expect(l.timedOut).toBe(true);
    expect(l.failures()[0]?.reason).toMatch(/^timeout: the sessions collector did not finish/);
  });
});
