// Which Error answers are authentication failures. Only the texts the vendor documents for refused system
// credentials, and any error of ListUsers (the collection's first call, which names nothing else), take the
// target down and start the login gate's wait; an error about one backup user (deleted, or any other trouble
// worded with "user" or "password") fails that user's data and leaves every other user exported.
import { isLoginRejection, type UpstreamError } from '../../src/common/errors';
import { type Harness, harness, LAPTOP, statusOf } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const has = (samples: { labels: Record<string, string> }[], login: string): boolean =>
  samples.some((s) => s.labels.tenant === login);

async function downWith(target: Harness): Promise<UpstreamError> {
  const err = await target.collect().then(
    () => undefined,
    (e: unknown) => e as UpstreamError,
  );
  if (!err) throw new Error('the target is up');
  return err;
}

describe('errors about one backup user', () => {
  test('a user deleted between ListUsers and ListBackupSets: `jobs` fails that user, the others are exported', async () => {
    h = await harness();
    h.sim.deletedUsers = ['carol'];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, f.reason])).toEqual([
      ['jobs', 'http: user carol: ListBackupSets: [UserCacheManager.NoSuchUserExpt] User ‘carol’ not found.'],
    ]);
    expect(has(samples, 'carol')).toBe(false);
    for (const login of ['alice', 'bob', 'dave', 'erin', 'frank']) expect(has(samples, login)).toBe(true);
    expect(statusOf(samples, LAPTOP)).toBe('success');
    expect(() => h.gate.check()).not.toThrow();
  });

  test('a user deleted after the inventory was read: `runs` fails that user, the others are exported', async () => {
    h = await harness();
    await h.collect();
    h.sim.deletedUsers = ['bob'];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.collector)).toEqual(['runs']);
    expect(failed[0]!.reason).toMatch(/^http: user bob: ListBackupJobStatus: .*User ‘bob’ not found/);
    expect(samples.some((s) => s.labels.tenant === 'bob' && s.labels.job_id !== undefined)).toBe(false);
    expect(statusOf(samples, '1700000000001', '-1700000000101')).toBe('success');
    expect(() => h.gate.check()).not.toThrow();
  });

  test('an error mentioning users and passwords that is not about the system user fails that user only', async () => {
    h = await harness();
    h.sim.troubledUsers = ['alice'];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.collector)).toEqual(['runs']);
    expect(failed[0]!.reason).toContain('username or password of its network drive is wrong');
    expect(isLoginRejection(failed[0]!.error)).toBe(false);
    expect(samples.some((s) => s.labels.tenant === 'alice' && s.labels.job_id !== undefined)).toBe(false);
    expect(statusOf(samples, LAPTOP)).toBe('success');
    // Nothing waits: the next collection asks again.
    h.sim.troubledUsers = [];
    expect((await h.collect()).failed).toEqual([]);
  });

  test('a configured user the server does not list is a failed item of `jobs`', async () => {
    h = await harness({}, { users: ['alice', 'zed'] });
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, f.reason])).toEqual([['jobs', 'http: user zed: not listed by ListUsers']]);
    expect(has(samples, 'alice')).toBe(true);
    expect(h.sim.count('ListBackupSets', { LoginName: 'zed' })).toBe(0);
  });
});

describe('authentication failures', () => {
  test('the documented answer to wrong credentials takes the target down and starts the wait', async () => {
    h = await harness({ password: 'rotated' });
    const err = await downWith(h);
    expect(isLoginRejection(err)).toBe(true);
    expect(err.message).toBe('2/ListUsers: Incorrect system username/password');
    expect(() => h.gate.check()).toThrow(/no login tried until/);
  });

  test('the documented expired-password answer on any call is a rejection', async () => {
    h = await harness();
    await h.collect();
    h.sim.passwordExpired = true;
    const err = await downWith(h);
    expect(isLoginRejection(err)).toBe(true);
    expect(err.message).toMatch(
      /^ListBackupJobStatus: Your password has expired and must be changed\. Please update in web console/,
    );
    expect(() => h.gate.check()).toThrow(/no login tried until/);
  });

  test('any error of ListUsers refuses the credentials, whatever its words', async () => {
    h = await harness();
    h.sim.errorFor = (api) => (api.endsWith('ListUsers') ? 'Access is not allowed from this IP address' : undefined);
    const err = await downWith(h);
    expect(isLoginRejection(err)).toBe(true);
    expect(err.message).toBe('2/ListUsers: Access is not allowed from this IP address');
    const sent = h.sim.requests.length;
    await downWith(h);
    expect(h.sim.requests.length).toBe(sent);
  });

  test('the documented refusal of a later call (credentials changed mid-collection) is a rejection too', async () => {
    h = await harness();
    h.sim.errorFor = (api, p) =>
      api === 'ListBackupSets' && p.LoginName === 'dave' ? 'Incorrect system username/password' : undefined;
    const err = await downWith(h);
    expect(isLoginRejection(err)).toBe(true);
    expect(err.message).toBe('ListBackupSets: Incorrect system username/password');
  });
});
