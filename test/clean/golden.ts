import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths shared by the cleaning tests. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(REPO, '../shared');

export function readFixture(...parts: string[]): string {
  return readFileSync(path.join(REPO, 'fixtures', ...parts), 'utf8');
}

/** A line as the golden comparison sees it: whitespace and bullet marks aside. */
export function comparable(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[•·▪◦●○■*+–—-]|\d{1,2}[.)])\s+/, '');
}

function comparableLines(text: string): string[] {
  return text.split('\n').map(comparable).filter((l) => l !== '');
}

/**
 * Line-by-line comparison. Returns null when equal, else a unified-style diff
 * ('-' expected only, '+' actual only) so a failing test shows what changed.
 */
export function lineDiff(actual: string, expected: string): string | null {
  const a = comparableLines(actual);
  const e = comparableLines(expected);
  if (a.length === e.length && a.every((l, i) => l === e[i])) return null;
  // Longest common subsequence table: golden texts are a few hundred lines at most.
  const lcs: number[][] = Array.from({ length: e.length + 1 }, () => new Array<number>(a.length + 1).fill(0));
  for (let i = e.length - 1; i >= 0; i--) {
    for (let j = a.length - 1; j >= 0; j--) {
      const row = lcs[i] ?? [];
      row[j] = e[i] === a[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < e.length || j < a.length) {
    if (i < e.length && j < a.length && e[i] === a[j]) {
      out.push(`  ${e[i]}`);
      i++;
      j++;
    } else if (j < a.length && (i >= e.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      out.push(`+ ${a[j]}`);
      j++;
    } else {
      out.push(`- ${e[i]}`);
      i++;
    }
  }
  // Only the changed lines with a little context.
  const keep = new Set<number>();
  out.forEach((l, k) => {
    if (!l.startsWith('  ')) for (let d = -2; d <= 2; d++) keep.add(k + d);
  });
  return out
    .map((l, k) => (keep.has(k) ? l.slice(0, 160) : null))
    .filter((l): l is string => l !== null)
    .join('\n');
}
