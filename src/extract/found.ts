import type { Provenance } from '../posting.js';

/** A value an extractor found, with the line (a substring of the text) that decided it. */
export interface Found<T> {
  value: T;
  from: Provenance['from'];
  line: string | null;
  detail: string | null;
}

export function found<T>(value: T, line: string | null, detail: string | null, from: Provenance['from'] = 'text'): Found<T> {
  return { value, from, line, detail };
}

export function provenanceOf<T>(f: Found<T>): Provenance {
  return { from: f.from, line: f.line, detail: f.detail };
}

/** The longest evidence line a Posting keeps: one-line pastes make "the line" the whole posting. */
export const MAX_EVIDENCE = 240;

/**
 * The part of a long evidence line around what was found: the matched value with a little
 * context, still a substring of the text (so it can be searched for), never the whole posting.
 */
export function evidenceSpan(line: string, needle: string | null): string {
  if (line.length <= MAX_EVIDENCE) return line;
  const at = needle ? line.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  const start = Math.max(0, Math.min(at < 0 ? 0 : at - 80, line.length - MAX_EVIDENCE));
  return line.slice(start, start + MAX_EVIDENCE).trim();
}

/** What to look for in a field's evidence line: the value as the text spells it, where it is text. */
export function evidenceNeedle(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : null;
  if (value !== null && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const key of ['label', 'evidence', 'stance']) if (typeof v[key] === 'string') return v[key] as string;
  }
  return null;
}
