import { boilerplate } from './boilerplate.js';
import { chrome } from './chrome.js';
import { normalise, normaliseAfterRepair } from './normalise.js';
import { repair } from './repair.js';
import { structure } from './structure.js';
import type { CleanResult, ExplainEntry, LineStep, TextStep } from './types.js';

export type { CleanResult, ExplainEntry } from './types.js';

/**
 * The cleaning pipeline, top to bottom: from a messy paste (a whole page copied with Ctrl+A,
 * garbled encoding, site chrome, legal text) to the plain text of the posting.
 */
const TEXT_STEPS: readonly TextStep[] = [
  normalise, // newlines, zero-width characters
  repair, // mojibake: UTF-8 read as Mac Roman / Windows-1252 (src/repair)
  normaliseAfterRepair, // NBSP, tabs, soft hyphens, control characters
];

const LINE_STEPS: readonly LineStep[] = [
  chrome, // what the site wraps around the posting
  boilerplate, // EEO, legal, privacy, agency and fraud text
  structure, // whitespace, bullets, broken lines, headings, blank lines
];

// Removing one block can bring two others together (a footer split by a legal line); a further
// round settles that. Clean text passes a round unchanged, so this costs one pass over the output.
const MAX_ROUNDS = 3;

function runLineSteps(lines: string[], explain: ExplainEntry[]): string[] {
  let out = lines;
  for (const step of LINE_STEPS) out = step.run(out, explain);
  return out;
}

export function cleanPosting(input: string): CleanResult {
  const explain: ExplainEntry[] = [];
  let text = input;
  for (const step of TEXT_STEPS) text = step.run(text, explain);
  let lines = runLineSteps(text.split('\n'), explain);
  let output = lines.join('\n').trim();
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const more: ExplainEntry[] = [];
    lines = runLineSteps(output.split('\n'), more);
    const next = lines.join('\n').trim();
    if (next === output) break;
    explain.push(...more);
    output = next;
  }
  return { text: output, explain };
}
