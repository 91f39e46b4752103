// Text exposition of target samples. Each collection is rendered once, per family, into text chunks that are
// kept with the collection; a response concatenates the chunks of all its targets family by family, so every
// family appears once (one HELP, one TYPE, its samples together) and a reused collection costs no re-render.
import { FAMILIES, type FamilyName } from './families';
import type { Sample } from './types';

const FAMILY_ORDER = Object.keys(FAMILIES) as FamilyName[];

/** Rendered sample lines of one target, per family. */
export type RenderedChunks = Map<FamilyName, string>;

export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
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
  const prefix = `target="${escapeLabelValue(target)}",product="${escapeLabelValue(product)}"`;
  const lines = new Map<FamilyName, string[]>();
  for (const s of samples) {
    let labelText = prefix;
    for (const k in s.labels) labelText += `,${k}="${escapeLabelValue(s.labels[k]!)}"`;
    let list = lines.get(s.name);
    if (!list) lines.set(s.name, (list = []));
    list.push(`${s.name}{${labelText}} ${formatValue(s.value)}\n`);
  }
  const chunks: RenderedChunks = new Map();
  for (const [name, list] of lines) chunks.set(name, list.join(''));
  return chunks;
}

/** Joins the chunks of several targets into one exposition, families in a fixed order. */
export function joinChunks(targets: readonly RenderedChunks[]): string {
  const out: string[] = [];
  for (const name of FAMILY_ORDER) {
    const parts: string[] = [];
    for (const t of targets) {
      const c = t.get(name);
      if (c) parts.push(c);
    }
    if (parts.length === 0) continue;
    const def = FAMILIES[name];
    out.push(`# HELP ${name} ${escapeHelp(def.help)}\n# TYPE ${name} ${def.type}\n`, ...parts);
  }
  return out.join('');
}

/** Convenience for tests and tools: samples of several targets straight to text. */
export function renderExposition(groups: ReadonlyArray<{ target: string; product: string; samples: readonly Sample[] }>): string {
  return joinChunks(groups.map((g) => renderTarget(g.target, g.product, g.samples)));
}
