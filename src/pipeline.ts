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

export { textFingerprint } from './fingerprint.js';
