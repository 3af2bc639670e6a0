import { expect } from 'vitest';

/**
 * Asserts what every platform cutter promises (within the limit, a prefix of the text plus
 * "…", no surrogate pair split) and returns the kept text before the "…", or null when the
 * text fitted and came back whole.
 */
export function expectCut(text: string, cut: string, limit: number): string | null {
  expect(cut.length).toBeLessThanOrEqual(limit);
  if (cut === text) return null;
  expect(cut.endsWith('…')).toBe(true);
  const head = cut.slice(0, -1);
  expect(text.startsWith(head)).toBe(true);
  // A pair split by the cut would leave its low half first in the rest (a lone one in the input may stay).
  expect(text.slice(head.length)).not.toMatch(/^[\udc00-\udfff]/);
  return head;
}
