import { parseBullet } from './bullets.js';

/** Line helpers shared by the steps. */

/**
 * The comparable form of a short line: lower case, one space between words, no leading arrows or
 * bullets, no trailing colon/asterisk, '…' and '...' unified. Only used on lines up to a few hundred
 * characters, so the cost stays linear.
 */
export const MAX_KEY_LENGTH = 400;

// Every step asks for the key of the same lines; a bounded memo saves recomputing it.
const KEY_MEMO = new Map<string, string>();
const KEY_MEMO_MAX = 20_000;

export function lineKey(line: string): string {
  // Chrome is never this long; skipping the regexes keeps a 100,000-character line linear.
  if (line.length > MAX_KEY_LENGTH) return line.toLowerCase();
  const cached = KEY_MEMO.get(line);
  if (cached !== undefined) return cached;
  const key = computeKey(line);
  if (KEY_MEMO.size >= KEY_MEMO_MAX) KEY_MEMO.clear();
  KEY_MEMO.set(line, key);
  return key;
}

function computeKey(line: string): string {
  return parseBullet(line.trim())
    .text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\.\.\./g, '…')
    .replace(/^[\s←→‹›<>«»•·*|-]+/, '')
    .replace(/[\s:*✱|]+$/, '')
    .trim();
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Count of words, stopping early: callers only ask "is it short?". */
export function wordCountAtMost(line: string, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) <= 32;
    if (!space && !inWord) {
      words += 1;
      if (words > max) return false;
    }
    inWord = !space;
  }
  return true;
}

/** Index of the next non-blank line at or after `from`, or -1. */
export function nextContent(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) return i;
  return -1;
}

/** The next `n` non-blank lines at or after `from`. */
export function followingContent(lines: readonly string[], from: number, n: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length && out.length < n; i++) {
    const l = lines[i] ?? '';
    if (!isBlank(l)) out.push(l);
  }
  return out;
}
