// Pure parsers for VB365 values: .NET timestamps, log-item classification, numbers that may arrive as strings.

/**
 * VB365 times look like `2021-02-26T01:00:00.1732347+03:00` (7 fractional digits, an offset or Z).
 * Date.parse keeps the milliseconds and drops the rest. A time without a zone would be read in the exporter
 * host's zone, so it is read as UTC instead. Returns Unix seconds, or undefined for null, absent or garbage.
 */
export function parseTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const s = v.trim();
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) || !s.includes('T') ? s : `${s}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** A non-negative count or byte total; accepts numeric strings (older servers), else undefined. */
export function parseCount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export type EntryClass = 'warning' | 'error' | undefined;

/** v3–v7 log items carry their state as a `[State]` prefix of `title`. */
export function classifyTitle(title: unknown): EntryClass {
  if (typeof title !== 'string') return undefined;
  const m = /^\[(\w+)\]/.exec(title);
  return classifyWord(m?.[1]);
}

/** v8 log items carry it in `type` (Running|Warning|Error|Success|Stop). */
export function classifyType(type: unknown): EntryClass {
  if (typeof type !== 'string') return undefined;
  const t = type.toLowerCase();
  return t === 'warning' ? 'warning' : t === 'error' ? 'error' : undefined;
}

function classifyWord(word: string | undefined): EntryClass {
  const w = word?.toLowerCase();
  if (w === 'warning') return 'warning';
  if (w === 'error' || w === 'failed') return 'error';
  return undefined;
}

/** Classifies one log item of any version: by `type` when the item has one (v8), else by `title`. */
export function classifyLogItem(item: Record<string, unknown>): EntryClass {
  return 'type' in item && !('title' in item) ? classifyType(item.type) : classifyTitle(item.title);
}

/** The job id a pre-v8 session links to (`_links.job.href` = `/v6/Jobs/<uuid>`, absolute before v6). */
export function jobIdFromLinks(links: unknown): string | undefined {
  if (!links || typeof links !== 'object') return undefined;
  for (const [key, link] of Object.entries(links as Record<string, unknown>)) {
    if (!/job/i.test(key) || /session/i.test(key)) continue;
    const href = link && typeof link === 'object' ? (link as { href?: unknown }).href : undefined;
    const m = typeof href === 'string' ? /\/(?:copy)?jobs\/([^/?#]+)/i.exec(href) : null;
    if (m?.[1]) return decodeURIComponent(m[1]);
  }
  return undefined;
}
