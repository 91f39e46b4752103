// "Did you mean …?" for a misspelt key, collector or product: the closest known word within a small edit
// distance (a swap of two neighbouring letters counts as one edit, as in `inventory_tll`).

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  const row0 = rows[0] as number[];
  for (let j = 1; j <= b.length; j++) row0[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

/** The known word closest to `word`, if one is close enough to be what was meant. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  // About one edit per four letters, at least one: `tls` → `tsl`, `inventory_tll` → `inventory_ttl`.
  const allowed = Math.max(1, Math.floor(word.length / 4));
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

/** ` (did you mean X?)`, or nothing. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
