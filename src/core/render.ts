// Text exposition of target samples. Each collection is rendered once, per family, into text chunks that are
// kept with the collection; a response concatenates the chunks of all its targets family by family, so every
// family appears once (one HELP, one TYPE, its samples together) and a reused collection costs no re-render.
import { FAMILIES, type FamilyName } from './families';
import type { Sample } from './samples';

const FAMILY_ORDER = Object.keys(FAMILIES) as FamilyName[];

/**
 * Rendered sample lines of one target, per family, as UTF-8 blocks. Kept outside the JS heap on purpose: a
 * large estate's exposition is tens of MB, and as strings it (and every line it was built from) would be
 * promoted to the old generation, which V8 then lets grow to several times that before collecting it. The
 * blocks are the ones the lines were written to (no copy into one buffer: that would double the allocation).
 */
export type RenderedChunks = Map<FamilyName, Buffer[]>;

/**
 * Appends lines to growing UTF-8 blocks. A line's pieces are collected and joined into one string of a few KB
 * per batch: one encoding call per batch instead of one per line, and no intermediate string per line (`a + b`
 * makes a node of a string tree for every piece, which the encoder then flattens into a copy).
 */
class ChunkWriter {
  private blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(0);
  private pos = 0;
  private readonly pieces: string[] = [];
  private pendingLength = 0;

  /** `name{labels} value\n`. */
  line(name: string, labelText: string, value: string): void {
    const p = this.pieces;
    p.push(name, '{', labelText, '} ', value, '\n');
    this.pendingLength += name.length + labelText.length + value.length + 4;
    if (this.pendingLength >= BATCH) this.flush();
  }

  private flush(): void {
    const text = this.pieces.join('');
    this.pieces.length = 0;
    this.pendingLength = 0;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.pos + text.length * 3 > this.block.length) this.grow(text.length * 3);
    this.pos += this.block.write(text, this.pos, 'utf8');
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
    if (this.pendingLength > 0) this.flush();
    if (this.pos > 0) {
      const used = this.block.subarray(0, this.pos);
      this.blocks.push(this.pos < this.block.length / 2 ? Buffer.from(used) : used);
    }
    this.block = Buffer.allocUnsafe(0);
    return this.blocks;
  }
}

const BATCH = 8 * 1024;
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

/**
 * Renders one target's samples; `target` and `product` come first in every label set. Products build label
 * sets from shared pieces (a job's identity, then `status`, `change`, ...), so the label text of the previous
 * sample is reused up to the first label that differs; samples of one family are usually contiguous.
 */
export function renderTarget(target: string, product: string, samples: readonly Sample[]): RenderedChunks {
  const prefix = `target="${escapeLabelValue(target)}",product="${escapeLabelValue(product)}"`;
  const lines = new Map<FamilyName, ChunkWriter>();
  const prevKeys: string[] = [];
  const prevValues: string[] = [];
  /** texts[i]: label text up to and including the i-th label of the previous sample (texts[0] = prefix). */
  const texts: string[] = [prefix];
  let prevCount = 0;
  let family: FamilyName | undefined;
  let writer = new ChunkWriter();
  for (const s of samples) {
    const l = s.labels;
    let i = 0;
    let same = true;
    let labelText = prefix;
    for (const k in l) {
      const v = l[k]!;
      if (same && i < prevCount && prevKeys[i] === k && prevValues[i] === v) {
        labelText = texts[++i]!;
        continue;
      }
      same = false;
      labelText += `,${k}="${escapeLabelValue(v)}"`;
      prevKeys[i] = k;
      prevValues[i] = v;
      texts[++i] = labelText;
    }
    prevCount = i;
    if (s.name !== family) {
      family = s.name;
      const known = lines.get(family);
      writer = known ?? new ChunkWriter();
      if (!known) lines.set(family, writer);
    }
    writer.line(family, labelText, formatValue(s.value));
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
