import { boilerplate } from './boilerplate.js';
import { chrome, chromeByLayout } from './chrome.js';
import { normalise, normaliseAfterRepair } from './normalise.js';
import { repair } from './repair.js';
import { structure } from './structure.js';
import { unflatten } from './unflatten.js';
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
  unflatten, // line breaks back into a paste flattened to one line (Discord's /jd text:)
];

const LINE_STEPS: readonly LineStep[] = [
  chrome, // what the site wraps around the posting: rails, buttons, navigation, insights
  boilerplate, // EEO, legal, privacy, agency and fraud text
  chromeByLayout, // footers, site header above the title, repeated title lines
  structure, // whitespace, bullets, broken lines, headings, blank lines
];

/**
 * Several rules read a line's neighbours (the site header above a title, footer runs, the title
 * block), and each pass brings lines closer together. Cleaning the output again must change
 * nothing, so the line steps run until the text settles: the extra pass runs over the cleaned
 * text only, which is usually a fraction of the page.
 */
const MAX_PASSES = 3;

function runLineSteps(lines: string[], explain: ExplainEntry[]): string {
  let out = lines;
  for (const step of LINE_STEPS) out = step.run(out, explain);
  return out.join('\n').trim();
}

export function cleanPosting(input: string): CleanResult {
  const explain: ExplainEntry[] = [];
  let text = input;
  for (const step of TEXT_STEPS) text = step.run(text, explain);
  let output = runLineSteps(text.split('\n'), explain);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const more: ExplainEntry[] = [];
    const next = runLineSteps(output.split('\n'), more);
    if (next === output) break;
    explain.push(...more);
    output = next;
  }
  return { text: output, explain };
}
