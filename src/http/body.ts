// Response bodies: read into memory up to a cap (a broken or hostile upstream cannot exhaust memory), streamed
// to a file with a checksum for downloads, and decoded as JSON with a message a user can act on.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UpstreamError } from '../common/errors';
import type { HttpResponse } from './types';
import { describeRequest, excerpt, stripQuery } from './errors';

/** Collects a body; past `maxBytes` the stream is destroyed (the connection is dropped) and `decode` thrown. */
export async function readCapped(body: Readable, maxBytes: number, method: string, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new UpstreamError('decode', `${describeRequest(method, path)}: response body exceeds ${maxBytes} bytes`, {
        method,
        path: stripQuery(path),
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Streams a body to `file`, hashing it on the way. No size cap: archives are large by design. */
export async function streamToFile(body: Readable, file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, tap, createWriteStream(file));
  } catch (err) {
    // A local disk problem is ours, not the vendor's: keep it apart from network failures.
    if ((err as { path?: unknown }).path === file) {
      throw new UpstreamError('internal', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export function createResponse(
  status: number,
  headers: Record<string, string | undefined>,
  body: Buffer,
  method: string,
  path: string,
): HttpResponse {
  return {
    status,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => parseJson<T>(body, headers['content-type'], method, path),
  };
}

function parseJson<T>(body: Buffer, contentType: string | undefined, method: string, path: string): T {
  const where = describeRequest(method, path);
  const type = contentType?.split(';')[0]?.trim() || 'no content type';
  const details = { method, path: stripQuery(path) };
  if (body.length === 0) throw new UpstreamError('decode', `expected JSON from ${where}, got an empty body`, details);
  const looksJson = /[/+]json$/i.test(type);
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch (err) {
    const reason = looksJson
      ? `invalid JSON from ${where} (${(err as Error).message})`
      : `expected JSON from ${where}, got ${type}`;
    throw new UpstreamError('decode', `${reason}: ${excerpt(body, 80)}`, { ...details, cause: err });
  }
}

/** undici header values as one lower-cased record (repeated headers joined with `, `). */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
