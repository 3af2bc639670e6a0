import { cleanPosting, type CleanResult } from './clean/index.js';
import { detectPosting, type Detection } from './detect/index.js';
import { extractPosting, type ExtractOptions } from './extract/index.js';
import type { Posting } from './posting.js';

export interface Analysis {
  cleaned: CleanResult;
  detection: Detection;
  /** The extracted posting; null when the text is not a posting (nothing is extracted for chat). */
  posting: Posting | null;
}

/** The whole core for one pasted text: clean, decide whether it is a posting, and only then extract. */
export function analyzeText(input: string, opts: ExtractOptions = {}): Analysis {
  const cleaned = cleanPosting(input);
  const detection = detectPosting(cleaned.text);
  const posting = detection.isPosting ? extractPosting(cleaned.text, opts) : null;
  return { cleaned, detection, posting };
}

export { textFingerprint } from './fingerprint.js';
