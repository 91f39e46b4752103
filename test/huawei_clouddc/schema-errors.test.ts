// The simulator's error answers, each in the shape its status has in the vendor facts (schemas.ts): the gateway's
// and CloudDC's `{error_code, error_msg}`, IAM's refusals, and the 429 whose body is undocumented.
import type { IamRejection } from '../../src/simulators/huawei_clouddc/world';
import { BASE, type Reader, withReader } from './schema-reader';
import { IamError, VendorError } from './schemas';

/** CloudDC requests refused by the gateway (401) or answered with an error (400, 404). */
async function cloudErrors(r: Reader): Promise<void> {
  const id = encodeURIComponent(r.sim.servers[0]!.id);
  const exports = `${BASE}/${id}/logs/exports`;
  const created = (await r.send('POST', exports, {})).body as { export_id: string };
  r.check('content before completed', await r.send('GET', `${exports}/${created.export_id}/content`), VendorError, 400);
  r.check('invalid marker', await r.send('GET', `${BASE}?limit=10&marker=nope`), VendorError, 400);
  r.check('unknown server', await r.send('GET', `${BASE}/nope`), VendorError, 404);
  r.check('unknown export', await r.send('GET', `${exports}/99`), VendorError, 404);
  r.check('unknown API', await r.send('GET', '/v1/proj1/nothing'), VendorError, 404);
  const signature = 'SDK-HMAC-SHA256 Access=AKDEMO0000000000, SignedHeaders=host;x-sdk-date, Signature=00';
  const sdkDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const signed = { authorization: signature, 'x-sdk-date': sdkDate };
  const token = r.token;
  r.token = '';
  r.check('wrong signature', await r.send('GET', BASE, undefined, signed), VendorError, 401);
  r.check('no credentials', await r.send('GET', BASE), VendorError, 401);
  r.token = 'not-a-token';
  r.check('unknown token', await r.send('GET', BASE), VendorError, 401);
  r.token = token;
  r.sim.expireTokens();
  r.check('expired token', await r.send('GET', BASE), VendorError, 401);
}

test('CloudDC and gateway errors: {error_code, error_msg}', async () => {
  expect(await withReader({}, cloudErrors)).toEqual([]);
});

test('429 from the gateway: any body (documented as "String"), with Retry-After', async () => {
  const problems = await withReader({ throttleEvery: 1 }, async (r) => {
    const reply = await r.send('GET', `${BASE}?limit=10`);
    r.expect(`429: HTTP ${reply.status}`, reply.status === 429);
    r.expect('429: no Retry-After', reply.headers.get('retry-after') !== null);
  });
  expect(problems).toEqual([]);
});

test.each<[string, IamRejection | undefined, number]>([
  ['401 (the default)', undefined, 401],
  ['403', { status: 403, body: { error: { code: 403, message: 'The user is disabled.', title: 'Forbidden' } } }, 403],
  ['400 1103', { status: 400, body: { error_code: '1103', error_msg: 'Incorrect password.' } }, 400],
])('IAM refusing credentials with %s', async (_name, iamRejection, status) => {
  const problems = await withReader(iamRejection ? { iamRejection } : {}, async (r) => {
    r.check('refused', await r.login('wrong'), IamError, status);
  });
  expect(problems).toEqual([]);
});

test('IAM refusing a project scope: 400 in the nested shape', async () => {
  expect(
    await withReader({}, async (r) => void r.check('scope', await r.login('secret-iam', 'other'), IamError, 400)),
  ).toEqual([]);
});
