import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDocument, type ReadResult } from '../src/links/read.js';

/**
 * A saved file read the way the project reads a document (src/links/read.ts): a page or an API
 * answer gives its posting text and the facts it carries as data, a paste stays as it is. The
 * bytes go in undecoded, so the reader picks the charset as it does for a fetched link.
 */
export function readSavedDocument(file: string): ReadResult {
  return readDocument(readFileSync(file), { fileName: path.basename(file) });
}
