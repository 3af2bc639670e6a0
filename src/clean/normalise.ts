import type { ExplainEntry, TextStep } from './types.js';

/**
 * Character-level normalisation: one newline convention, plain spaces, no invisible characters.
 * Each rule is a single linear regex pass.
 */
interface CharRule {
  rule: string;
  pattern: RegExp;
  replacement: string;
}

// Before the encoding repair: only what mojibake never contains. NBSP, soft hyphen and C1
// controls are left alone here because they are pieces of garbled sequences ('Ã­' is í, 'â€\u009d' is ”).
const BEFORE_REPAIR: readonly CharRule[] = [
  { rule: 'newlines', pattern: /\r\n?|[\u2028\u2029\v\f]/g, replacement: '\n' },
  // Zero-width spaces/joiners, word joiner, BOM: invisible in the page, noise in text.
  { rule: 'zero-width', pattern: /[\u200b-\u200d\u2060\ufeff\u180e]/g, replacement: '' },
];

// After the repair, whatever is still there is what it looks like.
const AFTER_REPAIR: readonly CharRule[] = [
  { rule: 'next-line', pattern: /\u0085/g, replacement: '\n' },
  { rule: 'soft-hyphen', pattern: /\u00ad/g, replacement: '' },
  { rule: 'nbsp', pattern: /[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]/g, replacement: ' ' },
  { rule: 'tabs', pattern: /\t+/g, replacement: ' ' },
  // C0/C1 controls other than newline: never meaningful in a posting.
  { rule: 'control-chars', pattern: /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, replacement: '' },
];

function applyRules(rules: readonly CharRule[], text: string, explain: ExplainEntry[]): string {
  let out = text;
  for (const { rule, pattern, replacement } of rules) {
    let count = 0;
    const samples = new Set<string>();
    out = out.replace(pattern, (m) => {
      count += 1;
      if (samples.size < 5) samples.add(JSON.stringify(m));
      return replacement;
    });
    if (count > 0) {
      explain.push({ step: 'normalise', rule, before: [...samples].join(' '), after: JSON.stringify(replacement), count });
    }
  }
  return out;
}

/** Newlines to '\n', invisible characters out. */
export function normaliseNewlines(text: string, explain: ExplainEntry[]): string {
  return applyRules(BEFORE_REPAIR, text, explain);
}

/** NBSP and other spaces to ' ', tabs to ' ', soft hyphens and control characters out. */
export function normaliseSpaces(text: string, explain: ExplainEntry[]): string {
  return applyRules(AFTER_REPAIR, text, explain);
}

const RUN_OF_SPACES = / {3,}/g;
const FLATTENED_MIN = 200;

/**
 * Text flattened by the copy ("Duration: Permanent   Location: Canada   Start: ASAP"): in a long
 * line with several runs of three or more spaces, the runs were line breaks.
 */
export function restoreLineBreaks(text: string, explain: ExplainEntry[]): string {
  let count = 0;
  let sample = '';
  let sampleAfter = '';
  const out = text
    .split('\n')
    .map((line) => {
      if (line.length < FLATTENED_MIN) return line;
      const runs = line.match(RUN_OF_SPACES);
      if (runs === null || runs.length < 2) return line;
      count += 1;
      const split = line
        .split(RUN_OF_SPACES)
        .filter((p) => p.trim() !== '')
        .join('\n');
      if (sample === '') {
        sample = line.slice(0, 200);
        sampleAfter = split.slice(0, 200);
      }
      return split;
    })
    .join('\n');
  if (count > 0) explain.push({ step: 'normalise', rule: 'collapsed-line-breaks', before: sample, after: sampleAfter, count });
  return out;
}

export const normalise: TextStep = { name: 'normalise', run: normaliseNewlines };
export const normaliseAfterRepair: TextStep = {
  name: 'normalise',
  run: (text, explain) => restoreLineBreaks(normaliseSpaces(text, explain), explain),
};
