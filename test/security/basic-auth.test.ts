// Basic authentication with bcrypt hashes: the verdicts, the memory of verified and of wrong passwords (bounded
// in time and size), and the bounded number of comparisons at once.
import bcrypt from 'bcryptjs';
import { BasicAuth, ExpiringSet, FAILURE_MS, SUCCESS_IDLE_MS } from '../../src/server/basic-auth';
import { BcryptPool, BUSY, type PasswordChecker } from '../../src/server/bcrypt-pool';

const HASH = bcrypt.hashSync('right-password', 4);
const USERS = { alice: HASH };
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Real comparisons on the main thread, counted. */
class CountingChecker implements PasswordChecker {
  calls = 0;
  compare(password: string, hash: string): Promise<boolean> {
    this.calls++;
    return bcrypt.compare(password, hash);
  }
  async close(): Promise<void> {}
}

describe('verdicts (comparisons in worker threads)', () => {
  const auth = new BasicAuth(new BcryptPool(1));
  afterAll(() => auth.close());

  test('accepts the right credentials, also when answered from memory', async () => {
    expect(await auth.check(USERS, basic('alice', 'right-password'))).toBe('ok');
    expect(await auth.check(USERS, basic('alice', 'right-password'))).toBe('ok');
  });

  test.each([
    ['wrong password', basic('alice', 'wrong')],
    ['unknown user', basic('mallory', 'right-password')],
    ['no header', undefined],
    ['bearer token', 'Bearer abc'],
    ['no colon', `Basic ${Buffer.from('alice').toString('base64')}`],
    ['prototype key as user', basic('constructor', 'right-password')],
  ])('denies %s', async (_name, header) => {
    expect(await auth.check(USERS, header)).toBe('denied');
  });

  test('a remembered success does not survive a changed hash', async () => {
    expect(await auth.check(USERS, basic('alice', 'right-password'))).toBe('ok');
    const changed = { alice: bcrypt.hashSync('new-password', 4) };
    expect(await auth.check(changed, basic('alice', 'right-password'))).toBe('denied');
    expect(await auth.check(changed, basic('alice', 'new-password'))).toBe('ok');
  });

  test('passwords may contain colons; without users everyone is allowed', async () => {
    expect(await auth.check({ bob: bcrypt.hashSync('a:b:c', 4) }, basic('bob', 'a:b:c'))).toBe('ok');
    expect(await auth.check(undefined, undefined)).toBe('ok');
  });
});

describe('memory of verdicts', () => {
  let now = 1_000_000;
  const clock = (): number => now;

  test('a success is kept while used, and forgotten after SUCCESS_IDLE_MS without use', async () => {
    const checker = new CountingChecker();
    const auth = new BasicAuth(checker, clock);
    const right = basic('alice', 'right-password');
    expect(await auth.check(USERS, right)).toBe('ok');
    for (let i = 0; i < 5; i++) {
      now += SUCCESS_IDLE_MS - 1000;
      expect(await auth.check(USERS, right)).toBe('ok');
    }
    expect(checker.calls).toBe(1);
    now += SUCCESS_IDLE_MS + 1;
    expect(await auth.check(USERS, right)).toBe('ok');
    expect(checker.calls).toBe(2);
  });

  test('a wrong password repeated within FAILURE_MS costs no comparison; after it, one again', async () => {
    const checker = new CountingChecker();
    const auth = new BasicAuth(checker, clock);
    for (let i = 0; i < 20; i++) expect(await auth.check(USERS, basic('alice', 'guess'))).toBe('denied');
    expect(checker.calls).toBe(1);
    now += FAILURE_MS + 1;
    expect(await auth.check(USERS, basic('alice', 'guess'))).toBe('denied');
    expect(checker.calls).toBe(2);
  });

  test('the same credentials arriving together share one comparison', async () => {
    const checker = new CountingChecker();
    const auth = new BasicAuth(checker, clock);
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => auth.check(USERS, basic('alice', 'x'))));
    expect(verdicts).toEqual(Array(10).fill('denied'));
    expect(checker.calls).toBe(1);
  });

  test('bounded in size: the oldest entries go first', () => {
    const set = new ExpiringSet(60_000, 3, false, clock);
    for (const k of ['a', 'b', 'c', 'd']) set.add(k);
    expect(set.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((k) => set.has(k))).toEqual([false, true, true, true]);
  });

  test('a flood of different wrong passwords cannot push out a verified one', async () => {
    const checker = new CountingChecker();
    const auth = new BasicAuth(checker, clock);
    expect(await auth.check(USERS, basic('alice', 'right-password'))).toBe('ok');
    const guesses = Array.from({ length: 1100 }, (_, i) => auth.check({ alice: 'not-a-hash' }, basic('alice', `${i}`)));
    expect(new Set(await Promise.all(guesses))).toEqual(new Set(['denied']));
    const calls = checker.calls;
    expect(await auth.check(USERS, basic('alice', 'right-password'))).toBe('ok');
    expect(checker.calls).toBe(calls);
  });
});

describe('capacity', () => {
  test('past the workers and the queue, attempts are refused at once', async () => {
    const pool = new BcryptPool(1, 2);
    const slow = bcrypt.hashSync('x', 12);
    try {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.compare(`p${i}`, slow)));
      expect(results.filter((r) => r === BUSY)).toHaveLength(3);
      expect(results.filter((r) => r === false)).toHaveLength(3);
      expect(Date.now() - started).toBeLessThan(10_000);
      // Once the queue has drained, comparisons run again.
      expect(await pool.compare('x', bcrypt.hashSync('x', 4))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
