// Text exposition of target samples. Each collection is rendered once, per family, into text chunks that are
// kept with the collection; a response concatenates the chunks of all its targets family by family, so every
// family appears once (one HELP, one TYPE, its samples together) and a reused collection costs no re-render.
import { FAMILIES, type FamilyName } from './families';
import type { Labels, Sample } from './samples';

const FAMILY_ORDER = Object.keys(FAMILIES) as FamilyName[];

/**
 * Rendered sample lines of one target, per family, as UTF-8 blocks. Kept outside the JS heap on purpose: a
 * large estate's exposition is tens of MB, and as strings it (and every line it was built from) would be
 * promoted to the old generation, which V8 then lets grow to several times that before collecting it. The
 * blocks are the ones the lines were written to (no copy into one buffer: that would double the allocation).
 */
export type RenderedChunks = Map<FamilyName, Buffer[]>;

/**
 * Appends lines to growing UTF-8 blocks, written byte by byte from the label keys and values: no string is made
 * per line or per label set (a collection of 50,000 series would otherwise allocate tens of MB of label texts
 * and joined batches, and the garbage collector's work grows with them). A line may span two blocks: the blocks
 * are only ever sent or joined in order.
 */
class ChunkWriter {
  private blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(0);
  private pos = 0;

  /** `head`: what every line of the family starts with, `name{target="…",product="…"`, as bytes. */
  constructor(private readonly head: Uint8Array) {}

  /** `<head>,k="v",...} value\n`. */
  line(labels: Labels, value: string): void {
    this.bytes(this.head);
    for (const k in labels) this.label(k, labels[k] as string);
    this.reserve(value.length + 3);
    const b = this.block;
    let p = this.pos;
    b[p++] = 125; // }
    b[p++] = 32;
    for (let i = 0; i < value.length; i++) b[p++] = value.charCodeAt(i);
    b[p++] = 10;
    this.pos = p;
  }

  private bytes(src: Uint8Array): void {
    this.reserve(src.length);
    const b = this.block;
    let p = this.pos;
    for (let i = 0; i < src.length; i++) b[p++] = src[i] as number;
    this.pos = p;
  }

  /** `,k="v"`: label names are ASCII (contract); a value is escaped, and UTF-8 encoded when not ASCII. */
  private label(k: string, v: string): void {
    // An escaped ASCII character takes 2 bytes, any other UTF-16 code unit at most 3.
    this.reserve(k.length + 3 * v.length + 4);
    const b = this.block;
    let p = this.pos;
    b[p++] = 44; // ,
    for (let i = 0; i < k.length; i++) b[p++] = k.charCodeAt(i);
    b[p++] = 61; // =
    b[p++] = 34; // "
    p = writeValue(b, p, v);
    b[p++] = 34;
    this.pos = p;
  }

  private reserve(n: number): void {
    if (this.pos + n > this.block.length) this.grow(n);
  }

  private grow(min: number): void {
    let size = this.pos;
    for (const b of this.blocks) size += b.length;
    if (this.pos > 0) this.blocks.push(this.block.subarray(0, this.pos));
    this.block = Buffer.allocUnsafe(Math.max(Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, size)), min));
    this.pos = 0;
  }

  /** The blocks; the last one is copied to its used size when most of it would be wasted. */
  finish(): Buffer[] {
    if (this.pos > 0) {
      const used = this.block.subarray(0, this.pos);
      this.blocks.push(this.pos < this.block.length / 2 ? Buffer.from(used) : used);
    }
    this.block = Buffer.allocUnsafe(0);
    return this.blocks;
  }
}

/** Writes an escaped label value at `p` and returns the position after it. */
function writeValue(b: Buffer, p: number, v: string): number {
  const start = p;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x80) return start + b.write(escapeLabelValue(v), start, 'utf8');
    if (c === 92 || c === 34) {
      b[p++] = 92;
      b[p++] = c;
    } else if (c === 10) {
      b[p++] = 92;
      b[p++] = 110;
    } else b[p++] = c;
  }
  return p;
}

const MIN_BLOCK = 16 * 1024;
const MAX_BLOCK = 1024 * 1024;

const NEEDS_ESCAPE = /[\\\n"]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '"': '\\"' };

export function escapeLabelValue(v: string): string {
  // Most values need no escaping: one scan instead of three replacements and their copies.
  return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\n"]/g, (c) => ESCAPES[c]!) : v;
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Renders one target's samples; `target` and `product` come first in every label set. */
export function renderTarget(target: string, product: string, samples: readonly Sample[]): RenderedChunks {
  const own = `target="${escapeLabelValue(target)}",product="${escapeLabelValue(product)}"`;
  const lines = new Map<FamilyName, ChunkWriter>();
  let family: FamilyName | undefined;
  let writer: ChunkWriter | undefined;
  for (const s of samples) {
    if (s.name !== family || writer === undefined) {
      family = s.name;
      writer = lines.get(family);
      if (!writer) {
        writer = new ChunkWriter(Buffer.from(`${family}{${own}`, 'utf8'));
        lines.set(family, writer);
      }
    }
    writer.line(s.labels, formatValue(s.value));
  }
  const chunks: RenderedChunks = new Map();
  for (const [name, w] of lines) chunks.set(name, w.finish());
  return chunks;
}

/**
 * The pieces of one exposition in order (HELP and TYPE, then each target's chunk of that family), families in
 * a fixed order. A response can send or compress them one by one instead of building the whole text first.
 */
export function expositionParts(targets: readonly RenderedChunks[]): Buffer[] {
  const out: Buffer[] = [];
  for (const name of FAMILY_ORDER) {
    let header = false;
    for (const t of targets) {
      const c = t.get(name);
      if (!c || c.length === 0) continue;
      if (!header) {
        out.push(familyHeader(name));
        header = true;
      }
      for (const block of c) out.push(block);
    }
  }
  return out;
}

const headers = new Map<FamilyName, Buffer>();

function familyHeader(name: FamilyName): Buffer {
  let h = headers.get(name);
  if (!h) {
    const def = FAMILIES[name];
    h = Buffer.from(`# HELP ${name} ${escapeHelp(def.help)}\n# TYPE ${name} ${def.type}\n`, 'utf8');
    headers.set(name, h);
  }
  return h;
}

/** Joins the chunks of several targets into one exposition, families in a fixed order. */
export function joinChunks(targets: readonly RenderedChunks[]): string {
  return Buffer.concat(expositionParts(targets)).toString('utf8');
}

/** Convenience for tests and tools: samples of several targets straight to text. */
export function renderExposition(
  groups: ReadonlyArray<{ target: string; product: string; samples: readonly Sample[] }>,
): string {
  return joinChunks(groups.map((g) => renderTarget(g.target, g.product, g.samples)));
}
