import { createHash } from 'node:crypto';

/** A stable id for a cleaned text: the same posting pasted twice gets the same id. */
export function textFingerprint(text: string): string {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 20);
}
