// Sending an exposition: the pieces of each target's rendered collection, gzipped piece by piece when the
// client accepts it, so the whole text (tens of MB for a large estate) never exists as one string.
import zlib from 'node:zlib';
import type Koa from 'koa';
import type { CollectOptions } from '../core/target';

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The collection options a scrape asks for: its X-Prometheus-Scrape-Timeout-Seconds header. */
export function scrapeOptions(ctx: Koa.Context): CollectOptions {
  const header = Number(ctx.get('X-Prometheus-Scrape-Timeout-Seconds'));
  return Number.isFinite(header) && header > 0 ? { scrapeTimeoutSeconds: header } : {};
}

export async function sendExposition(ctx: Koa.Context, parts: readonly Buffer[]): Promise<void> {
  ctx.set('Content-Type', CONTENT_TYPE);
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = await gzipParts(parts);
  } else {
    ctx.body = Buffer.concat(parts);
  }
}

/**
 * zlib's fastest level: an exposition is highly repetitive text, and level 1 compresses it almost as well as
 * the default (6) for a third of the CPU (about 22:1 against 26:1 for 9 MB of job series, 26 ms against 85 ms).
 */
const GZIP_LEVEL = 1;

/** The parts through one gzip stream, written at once (they are in memory already; no copy is queued). */
function gzipParts(parts: readonly Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gzip = zlib.createGzip({ level: GZIP_LEVEL });
    const out: Buffer[] = [];
    gzip.on('data', (c: Buffer) => out.push(c));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    for (const part of parts) gzip.write(part);
    gzip.end();
  });
}
