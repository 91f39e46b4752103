// Our SDK-HMAC-SHA256 signer against Huawei's own Node.js SDK signer (an independent implementation).
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { canonicalQuery, canonicalUri, sdkDate, sign } from '../../src/products/huawei_clouddc/signer';

const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'mVbk4exampleSecretKeyPlaceholder0123456789';
const credential = {
  getAk: () => AK,
  getSk: () => SK,
  processAuthRequest: async (_c: never, r: never) => r,
  processAuthParams: async () => credential,
} as never;

function sdkAuthorization(
  method: string,
  url: string,
  query: Record<string, string | string[]>,
  headers: Record<string, string>,
  body?: unknown,
): string {
  const signed = AKSKSigner.sign(
    {
      endpoint: url,
      method,
      headers: { ...headers },
      queryParams: query,
      ...(body === undefined ? {} : { data: body }),
    },
    credential,
  ) as Record<string, string>;
  return signed.Authorization ?? '';
}

const date = '20250110T080000Z';

const cases: Array<{
  name: string;
  method: string;
  base: string;
  query: Record<string, string | string[]>;
  body?: unknown;
}> = [
  {
    name: 'list servers, no query',
    method: 'GET',
    base: 'https://clouddc.ap-southeast-3.myhuaweicloud.com/v1/0a1b2c3d4e5f/physicalservers',
    query: {},
  },
  {
    name: 'list servers with marker and limit',
    method: 'GET',
    base: 'https://clouddc.ap-southeast-3.myhuaweicloud.com/v1/0a1b2c3d4e5f/physicalservers',
    query: { marker: '6f1c2a9e-0b4d-4c1e-9f3a-2d7b8e5a1c00', limit: '1000' },
  },
  {
    name: 'query needing escapes, repeated key',
    method: 'GET',
    base: 'https://127.0.0.1:8443/v1/p/physicalservers',
    query: { name: 'rack 1/ä*', tag: ['b', 'a'] },
  },
  {
    name: 'create export with a JSON body',
    method: 'POST',
    base: 'https://localhost:9443/v1/proj1/physicalservers/abc/logs/exports',
    query: {},
    body: {},
  },
  {
    name: 'export status',
    method: 'GET',
    base: 'https://clouddc.cn-east-3.myhuaweicloud.com/v1/p/physicalservers/abc/logs/exports/17',
    query: {},
  },
];

describe('SDK-HMAC-SHA256 signer', () => {
  test.each(cases)('matches the Huawei SDK: $name', ({ method, base, query, body }) => {
    const headers = { 'X-Sdk-Date': date, 'X-Project-Id': '0a1b2c3d4e5f' };
    const url = new URL(base);
    for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) url.searchParams.append(k, x);
    const ours = sign({
      method,
      url: url.toString(),
      headers: { 'X-Project-Id': '0a1b2c3d4e5f' },
      body: body === undefined ? '' : JSON.stringify(body),
      accessKey: AK,
      secretKey: SK,
      date,
    });
    expect(ours.headers.Authorization).toBe(sdkAuthorization(method, base, query, headers, body));
    expect(ours.signedHeaders).toBe('host;x-project-id;x-sdk-date');
  });

  test('a different secret key gives a different signature (the comparison can fail)', () => {
    const a = sign({
      method: 'GET',
      url: 'https://h/v1/p/physicalservers',
      headers: {},
      body: '',
      accessKey: AK,
      secretKey: SK,
      date,
    });
    const b = sign({
      method: 'GET',
      url: 'https://h/v1/p/physicalservers',
      headers: {},
      body: '',
      accessKey: AK,
      secretKey: `${SK}x`,
      date,
    });
    expect(a.headers.Authorization).not.toBe(b.headers.Authorization);
    expect(a.headers.Authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK1234567, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });

  test('pieces', () => {
    expect(sdkDate(Date.UTC(2025, 0, 10, 8, 0, 0, 999))).toBe('20250110T080000Z');
    expect(canonicalUri('/v1/p/physicalservers')).toBe('/v1/p/physicalservers/');
    expect(canonicalUri('/v1/p%20q/')).toBe('/v1/p%20q/');
    expect(canonicalQuery(new URLSearchParams('b=2&a=3&a=1&c=x%20y*'))).toBe('a=1&a=3&b=2&c=x%20y%2A');
  });
});
