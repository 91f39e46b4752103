// Hiding configured secrets in anything the exporter prints. A vendor that echoes a request back quotes the
// password the way it was sent or stored: URL- or form-encoded (`S3cr3t%21pw`), JSON-escaped, with
// backslashes, as \u escapes or HTML entities, sometimes escaped twice. Every one of these forms is hidden,
// and text that was cut short (an excerpt of a body) also loses a secret's beginning left at its end.

export const HIDDEN = '<secret>';

/** Shorter values are not hidden: they would blank out ordinary words and numbers everywhere. */
const MIN_SECRET = 3;
/** Shortest start of a secret hidden at the end of cut text; one character tells nothing. */
const MIN_PARTIAL = 2;

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** application/x-www-form-urlencoded, as URLSearchParams writes it (space as `+`). */
function formEncode(s: string): string {
  return new URLSearchParams({ v: s }).toString().slice(2);
}

function jsonEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** JSON with every non-ASCII character as \uXXXX (Python, Java). */
function jsonAscii(s: string): string {
  return jsonEscape(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${hex(c)}`);
}

/** JSON with HTML-sensitive characters as \uXXXX too (.NET's default encoder). */
function jsonHtmlSafe(s: string): string {
  return jsonAscii(s)
    .replace(/\\"/g, '\\u0022')
    .replace(/['+<>&`]/g, (c) => `\\u${hex(c)}`);
}

function backslashEscape(s: string): string {
  return s.replace(/[\\"']/g, '\\$&');
}

function htmlEscape(s: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return s.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const ENCODINGS: ReadonlyArray<(s: string) => string> = [
  encodeURIComponent,
  formEncode,
  (s) => encodeURIComponent(s).replace(/%20/g, '+'),
  (s) => formEncode(s).replace(/\+/g, '%20'),
  jsonEscape,
  jsonAscii,
  jsonHtmlSafe,
  backslashEscape,
  htmlEscape,
];

/** Hex digits of escapes in lower case too: `%2b`, `\u002b`. */
function withLowerHex(form: string): string[] {
  const lower = form.replace(/%[0-9A-F]{2}|\\u[0-9A-F]{4}/g, (m) => m.toLowerCase());
  return lower === form ? [form] : [form, lower];
}

/** Every form in which `secret` may appear in text: as is, encoded once, or escaped once more after that. */
export function secretForms(secret: string): string[] {
  const once = new Set([secret, ...ENCODINGS.map((encode) => encode(secret))]);
  const twice = new Set(once);
  for (const form of once) for (const again of [jsonEscape, backslashEscape]) twice.add(again(form));
  return [...twice].flatMap(withLowerHex);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The set of secret strings currently configured; replaced on every successful (re)load. */
export class SecretRedactor {
  private pattern?: RegExp;
  private forms: string[] = [];

  constructor(secrets: readonly string[] = []) {
    this.set(secrets);
  }

  set(secrets: readonly string[]): void {
    const forms = new Set(secrets.filter((s) => s.length >= MIN_SECRET).flatMap(secretForms));
    // Longest first, so a secret that contains another is replaced whole.
    this.forms = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = this.forms.length === 0 ? undefined : new RegExp(this.forms.map(escapeRegExp).join('|'), 'g');
  }

  /** The longest form of any secret, in characters (how far a secret may reach past a cut). */
  get longest(): number {
    return this.forms[0]?.length ?? 0;
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, HIDDEN) : text;
  }

  /** For text cut short at its end: also hides the beginning of a secret that the cut left there. */
  redactCut(text: string): string {
    const out = this.redact(text);
    // The longest beginning of any form: one secret's beginning may end with another's.
    let cut = 0;
    for (const form of this.forms) {
      for (let n = Math.min(form.length - 1, out.length); n >= Math.max(MIN_PARTIAL, cut + 1); n--) {
        if (out.endsWith(form.slice(0, n))) cut = n;
      }
    }
    return cut === 0 ? out : `${out.slice(0, out.length - cut)}${HIDDEN}`;
  }

  /** A copy of a log argument with every string in it hidden (errors become copies of the same class). */
  redactValue(value: unknown, copies: Map<object, unknown> = new Map()): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (typeof value !== 'object' || value === null || !this.pattern) return value;
    if (copies.has(value)) return copies.get(value);
    if (Array.isArray(value)) {
      const list: unknown[] = [];
      copies.set(value, list);
      for (const v of value) list.push(this.redactValue(v, copies));
      return list;
    }
    const proto = Object.getPrototypeOf(value) as object | null;
    if (!(value instanceof Error) && proto !== Object.prototype && proto !== null) return value;
    const copy = Object.create(proto) as Record<string, unknown>;
    copies.set(value, copy);
    // Own names, not only enumerable keys: an error's message and stack are not enumerable.
    for (const key of Object.getOwnPropertyNames(value)) {
      copy[key] = this.redactValue((value as Record<string, unknown>)[key], copies);
    }
    return copy;
  }
}
