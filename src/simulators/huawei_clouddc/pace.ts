// An archive body at the pace of a slow link: a chunk every so often, and optionally a link that stalls (sends
// nothing more after some bytes while the connection stays open), so clients' timeouts can be seen at work.
import { Readable } from 'node:stream';

export interface ContentPace {
  /** Bytes per chunk. */
  chunkBytes: number;
  /** Pause before each chunk. */
  everyMs: number;
  /** After this many bytes nothing more is sent; the connection stays open until the client leaves. */
  stallAfterBytes?: number;
}

export function pacedBody(bytes: Buffer, pace: ContentPace): Readable {
  const end = Math.min(bytes.length, pace.stallAfterBytes ?? bytes.length);
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Readable({
    read() {
      if (timer || sent >= end) return;
      timer = setTimeout(() => {
        timer = undefined;
        const next = Math.min(end, sent + pace.chunkBytes);
        const chunk = bytes.subarray(sent, next);
        sent = next;
        this.push(chunk);
        if (sent >= bytes.length) this.push(null);
      }, pace.everyMs);
    },
    destroy(err, done) {
      clearTimeout(timer);
      done(err);
    },
  });
}
