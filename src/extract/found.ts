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
