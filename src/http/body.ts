// Response bodies: read into memory up to a cap (a broken or hostile upstream cannot exhaust memory), streamed
// to a file with a checksum for downloads, and decoded as JSON with a message a user can act on.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UpstreamError } from '../common/errors';
import type { SecretRedactor } from '../common/secrets';
import type { HttpResponse } from './types';
import { describeRequest, excerpt, stripQuery } from './errors';

/** The body's size as announced by Content-Length, when it is a plain number. */
export function declaredLength(headers: Record<string, string | undefined>): number | undefined {
  const value = headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Collects a body of at most `maxBytes`. A larger Content-Length is refused before anything is read; a body
 * without one is read up to the cap and then dropped with its connection. Either way `decode` is thrown.
 */
export async function readCapped(
  body: Readable,
  maxBytes: number,
  req: { method: string; path: string; declared?: number },
): Promise<Buffer> {
  const tooLarge = (what: string): UpstreamError => {
    body.destroy();
    const where = describeRequest(req.method, req.path);
    return new UpstreamError('decode', `${where}: response body${what} exceeds ${maxBytes} bytes`, {
      method: req.method,
      path: stripQuery(req.path),
    });
  };
  if (req.declared !== undefined && req.declared > maxBytes) throw tooLarge(` of ${req.declared} bytes`);
  // With a known length the body goes straight into one buffer: no second copy when the chunks are joined.
  const out = req.declared !== undefined ? Buffer.allocUnsafe(req.declared) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > (out?.length ?? maxBytes)) throw tooLarge('');
    if (out) chunk.copy(out, size);
    else chunks.push(chunk);
    size += chunk.length;
  }
  return out ? out.subarray(0, size) : Buffer.concat(chunks, size);
}

/** The first `maxBytes` of a body (for the excerpt of an error); the rest is not read and the connection dropped. */
export async function readPrefix(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      body.destroy();
      break;
    }
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
  req: { method: string; path: string; redactor?: SecretRedactor },
): HttpResponse {
  return {
    status,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => parseJson<T>(body, headers['content-type'], req),
  };
}

function parseJson<T>(
  body: Buffer,
  contentType: string | undefined,
  req: { method: string; path: string; redactor?: SecretRedactor },
): T {
  const where = describeRequest(req.method, req.path);
  const type = contentType?.split(';')[0]?.trim() || 'no content type';
  const details = { method: req.method, path: stripQuery(req.path) };
  if (body.length === 0) throw new UpstreamError('decode', `expected JSON from ${where}, got an empty body`, details);
  const looksJson = /[/+]json$/i.test(type);
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch (err) {
    // V8 quotes a cut piece of the text (`Unexpected token 'p', "password=S3cr"... is not valid JSON`):
    // only the part before the quote is kept, and the excerpt shows the text with secrets hidden.
    const why = (err as Error).message.replace(/, ".*$/s, '');
    const reason = looksJson ? `invalid JSON from ${where} (${why})` : `expected JSON from ${where}, got ${type}`;
    throw new UpstreamError('decode', `${reason}: ${excerpt(body, 80, req.redactor)}`, details);
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
