import { createHash } from 'node:crypto';
import { cleanPosting, type CleanResult } from './clean/index.js';
import { detectPosting, type Detection } from './detect/index.js';
import { extractPosting, type ExtractOptions } from './extract/index.js';
import type { Posting } from './posting.js';

export interface Analysis {
  cleaned: CleanResult;
  detection: Detection;
  posting: Posting;
}

/** The whole core for one pasted text: clean, decide whether it is a posting, extract. */
export function analyzeText(input: string, opts: ExtractOptions = {}): Analysis {
  const cleaned = cleanPosting(input);
  const detection = detectPosting(cleaned.text);
  const posting = extractPosting(cleaned.text, opts);
  return { cleaned, detection, posting };
}

/** A stable id for a cleaned text: the same posting pasted twice gets the same id. */
export function textFingerprint(text: string): string {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 20);
}
