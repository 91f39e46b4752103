// Rejected credentials (contract section 2). CBS has no login call, but an authentication error is a login
// rejection all the same: the target's login gate then lets no call through for 1 minute (doubling up to 15
// while rejections go on), the target reads as down with the last reason, and an accepted call ends the wait.
import { isLoginRejection, type UpstreamError } from '../../src/common/errors';
import { type Harness, harness } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Puts the target's login gate on a clock the test moves. */
function gateClock(target: Harness): { advance(ms: number): void } {
  let now = Date.now();
  (target.gate as unknown as { now: () => number }).now = () => now;
  return {
    advance: (ms) => {
      now += ms;
    },
  };
}

/** The reason of a collection that must find the target down. */
async function down(target: Harness): Promise<UpstreamError> {
  const err = await target.collect().then(
    () => undefined,
    (e: unknown) => e as UpstreamError,
  );
  if (!err) throw new Error('the target is up');
  return err;
}

test('a rejected password: no call for 1 minute, then 2 after the next rejection; the target is down meanwhile', async () => {
  h = await harness({ password: 'rotated' });
  const clock = gateClock(h);
  const first = await down(h);
  expect(isLoginRejection(first)).toBe(true);
  expect(first.message).toContain('Incorrect system username/password');
  const sent = h.sim.requests.length;
  const waiting = await down(h);
  expect(isLoginRejection(waiting)).toBe(true);
  expect(waiting.message).toMatch(/Incorrect system username\/password \(no login tried until .+\)/);
  expect(h.sim.requests.length).toBe(sent);
  clock.advance(61_000);
  await down(h);
  expect(h.sim.requests.length).toBe(sent + 1);
  clock.advance(61_000);
  await down(h);
  expect(h.sim.requests.length).toBe(sent + 1);
  clock.advance(60_000);
  h.sim.password = 'secret-cbs';
  expect((await h.collect()).failed).toEqual([]);
});

test('an accepted call ends the wait: the next rejection waits 1 minute again', async () => {
  h = await harness();
  const clock = gateClock(h);
  h.sim.password = 'rotated';
  await down(h);
  clock.advance(61_000);
  h.sim.password = 'secret-cbs';
  await h.collect();
  h.sim.password = 'rotated';
  await down(h);
  const sent = h.sim.requests.length;
  clock.advance(61_000);
  await down(h);
  expect(h.sim.requests.length).toBe(sent + 1);
});

test('a rejection in a part takes the target down and stops the calls of the other users', async () => {
  h = await harness();
  await h.collect();
  const walked = h.sim.count('ListBackupJobStatus');
  h.sim.passwordExpired = true;
  const err = await down(h);
  expect(isLoginRejection(err)).toBe(true);
  expect(err.message).toMatch(/password has expired/);
  // The inventory comes from its cache; the first call goes alone and its rejection stops every other one.
  expect(h.sim.count('ListBackupJobStatus')).toBe(walked + 1);
  h.sim.passwordExpired = false;
  const sent = h.sim.requests.length;
  expect((await down(h)).message).toMatch(/password has expired .*no login tried until/);
  expect(h.sim.requests.length).toBe(sent);
});
