// Login back-off with IAM (contract section 2): after a refused IAM token request no other is made for 1 minute,
// the wait doubling up to 15 minutes while refusals go on; the target is down with the last reason meanwhile,
// and a reload (the same gate, cleared) logs in again. Every way IAM refuses credentials is a simulator mode.
import { isLoginRejection, type UpstreamError } from '../../src/common/errors';
import type { IamRejection } from '../../src/simulators/huawei_clouddc/world';
import { useFakeDate } from './clock';
import { type Harness, harness, NOW } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  jest.useRealTimers();
});

const REFUSALS: Array<[string, IamRejection | undefined]> = [
  ['401 (the default)', undefined],
  ['403', { status: 403, body: { error: { code: 403, message: 'The user is disabled.', title: 'Forbidden' } } }],
  ['400 1103', { status: 400, body: { error_code: '1103', error_msg: 'Incorrect password.' } }],
  [
    '400 about authentication',
    { status: 400, body: { error: { code: 400, message: 'The request you have made requires authentication.' } } },
  ],
];
const MINUTE = 60_000;

/** A collection at `ms` (the exporter's clock); its error, or undefined when the target is up. */
async function at(x: Harness, ms: number): Promise<UpstreamError | undefined> {
  jest.setSystemTime(ms);
  return x.main.collect(ms).then(
    () => undefined,
    (e: unknown) => e as UpstreamError,
  );
}

const tokenRequests = (x: Harness): number => x.sim.requests.filter((r) => r.path.startsWith('/v3/auth/tokens')).length;

test.each(REFUSALS)(
  'IAM refusing with %s: 1, 2, 4, 8, 15, 15 minutes without a request; a reload logs in',
  async (_n, iamRejection) => {
    useFakeDate(NOW);
    const x = await harness(iamRejection ? { iamRejection } : {}, (sim) => ({
      auth: { kind: 'iam', url: sim.url, domain: 'acme', username: 'monitor', password: 'changed-since' },
    }));
    h = x;
    const first = await at(x, NOW);
    expect(isLoginRejection(first)).toBe(true);
    expect(tokenRequests(x)).toBe(1);
    let last = NOW;
    for (const [i, minutes] of [1, 2, 4, 8, 15, 15].entries()) {
      const waiting = await at(x, last + minutes * MINUTE - 1000);
      expect(tokenRequests(x)).toBe(i + 1);
      // Down with the last reason, and when the next login will be tried.
      expect(waiting).toMatchObject({ kind: 'auth', details: { login: true } });
      expect(waiting?.message).toContain('check the IAM domain, username and password');
      expect(waiting?.message).toContain('no login tried until');
      last += minutes * MINUTE + 1000;
      expect(isLoginRejection(await at(x, last))).toBe(true);
      expect(tokenRequests(x)).toBe(i + 2);
    }
    // The password is fixed at the IAM side; the wait still holds until a reload clears the gate.
    x.sim.credentials.iam.password = 'changed-since';
    expect(await at(x, last + MINUTE)).toMatchObject({ kind: 'auth' });
    expect(tokenRequests(x)).toBe(7);
    x.main.gate.clear();
    expect(await at(x, last + MINUTE)).toBeUndefined();
    expect(tokenRequests(x)).toBe(8);
  },
);
