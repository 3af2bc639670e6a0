import { cleanPosting, type CleanResult } from './clean/index.js';
import { detectPosting, type Detection } from './detect/index.js';
import { extractPosting, type ExtractOptions } from './extract/index.js';
import { readDocument, readStructuredPaste, sniffDocumentKind, type ReadResult } from './links/read.js';
import type { Posting } from './posting.js';

export interface Analysis {
  cleaned: CleanResult;
  detection: Detection;
  /** The extracted posting; null when the text is not a posting (nothing is extracted for chat). */
  posting: Posting | null;
}

/**
 * The whole core for one pasted text: read what is data in it (a JSON record, HTML), clean,
 * decide whether it is a posting, and only then extract.
 */
export function analyzeText(input: string, opts: ExtractOptions = {}): Analysis {
  const read = opts.structured === undefined ? readPaste(input) : null;
  const cleaned = cleanPosting(read?.text ?? input);
  const detection = detectPosting(cleaned.text);
  const structured = read !== null && Object.keys(read.structured).length > 0 ? { structured: read.structured } : {};
  // A job record that names its title is a posting by its own say, however short its text.
  const isPosting = detection.isPosting || Boolean(read?.structured.title);
  const posting = isPosting ? extractPosting(cleaned.text, { ...opts, ...structured }) : null;
  return { cleaned, detection, posting };
}

/** A paste as the text to clean and the facts it gives as data: a saved page, a JSON record, escaped HTML. */
export function readPaste(input: string): ReadResult | null {
  try {
    return sniffDocumentKind(input) === 'text' ? readStructuredPaste(input) : readDocument(input);
  } catch {
    // Markup or JSON past the reading limits (src/links/limits.ts) is read as the text it is.
    return null;
  }
}

export { textFingerprint } from './fingerprint.js';
