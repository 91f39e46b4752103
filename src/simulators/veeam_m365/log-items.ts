// Log items of the simulated sessions, generated on demand (the benchmark estate has millions of them) and the
// same on every request: a start item, processing items, and the session's warnings and errors at fixed places.
import { seededRandom } from '../random';
import type { SimLogItem, SimSession } from './data';
import { uuid } from './ids';

/** Log items of a session: a start item, processing items, its warnings and errors at fixed places. */
export function logItems(s: SimSession): SimLogItem[] {
  const r = seededRandom(hash(s.id));
  const end = s.end ?? s.start + 10 * 60_000;
  const out: SimLogItem[] = [];
  for (let u = 1; u <= s.logItems; u++) {
    const at = s.start + Math.floor(((end - s.start) * (u - 1)) / Math.max(1, s.logItems));
    const fromEnd = s.logItems - u;
    let type: SimLogItem['type'] = 'Success';
    let message =
      u === 1 ? `Job started at ${new Date(s.start).toUTCString()}` : `Processing mailbox user${u}@contoso.com`;
    if (fromEnd < s.errors) {
      type = 'Error';
      message = `Failed to process site https://contoso.sharepoint.com/sites/s${u}`;
    } else if (fromEnd < s.errors + s.warnings) {
      type = 'Warning';
      message = `Processing mailbox user${u}@contoso.com finished with warning`;
    } else if (s.end === null && u === s.logItems) {
      type = 'Running';
      message = 'Processing mailboxes';
    }
    // Pre-v8 titles: the second error item uses the `[Failed]` prefix, which also counts as an error.
    const prefix = type === 'Error' && fromEnd === 1 ? 'Failed' : type;
    out.push({ id: uuid(r), usn: u, type, message, prefix, start: at, end: at + Math.floor(r() * 5000) });
  }
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
