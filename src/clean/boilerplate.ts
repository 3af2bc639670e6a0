import { BOILERPLATE_HEADINGS, candidatePatterns, GATED_PATTERNS } from './boilerplate-tables.js';
import { isHeading } from './headings.js';
import { isBlank, lineKey, MAX_KEY_LENGTH } from './lines.js';
import { RemovalLog } from './removal.js';
import { splitSentences } from './sentences.js';
import { keepSignal } from './signals.js';
import type { ExplainEntry, LineStep } from './types.js';

// When most of a paragraph is boilerplate, its leftovers ("(COPSSC).") are boilerplate too.
const CONTAGION_SHARE = 0.6;

// A "sentence" this long is text whose full stops were lost (flattened pastes): cut only its tail.
const LONG_SENTENCE = 400;
const SUBJECT_WORDS_BACK = 8;
// Words allowed between the subject and the boilerplate phrase ("Acme Inc. is an | equal opportunity …").
const LINKING_WORDS: ReadonlySet<string> = new Set([
  'is', 'are', 'an', 'a', 'the', 'to', 'be', 'will', 'does', 'do', 'not', 'proud', 'has', 'have', 'was', 'and', 'also',
]);

interface RuleMatch {
  rule: string;
  index: number;
}

/** The first rule that matches; for long sentences the earliest match, which is where the cut goes. */
function firstMatch(sentence: string): RuleMatch | null {
  const lower = sentence.toLowerCase();
  const candidates = candidatePatterns(lower);
  if (candidates.length === 0) return null;
  const earliest = sentence.length > LONG_SENTENCE;
  let best: RuleMatch | null = null;
  for (const i of candidates) {
    const gated = GATED_PATTERNS[i];
    if (gated === undefined) continue;
    const m = gated.pattern.exec(lower);
    if (m !== null && (best === null || m.index < best.index)) {
      best = { rule: gated.rule, index: m.index };
      if (!earliest) return best;
    }
  }
  return best;
}

/** The rule a sentence breaks, or null. */
export function boilerplateRule(sentence: string): string | null {
  return firstMatch(sentence)?.rule ?? null;
}

/**
 * Where boilerplate starts inside a run-on sentence: at the capitalised subject before the match
 * ("… technology components PS Energy is committed to equal opportunity …" → "PS Energy").
 */
function boilerplateStart(sentence: string, matchIndex: number): number {
  const words = [...sentence.slice(0, matchIndex).matchAll(/\S+/g)].slice(-SUBJECT_WORDS_BACK);
  let start = matchIndex;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (!w) break;
    if (/^\p{Lu}/u.test(w[0])) start = w.index;
    else if (!LINKING_WORDS.has(w[0].toLowerCase())) break;
  }
  return start;
}

/**
 * One paragraph without its boilerplate sentences. Sentences carrying pay, sponsorship, years of
 * experience or the application window stay even inside legal text. Returns null when nothing is left.
 */
function cleanParagraph(line: string, log: RemovalLog): string | null {
  // Patterns are written with single spaces; structure collapses spaces later anyway.
  const trimmed = line.includes('  ') ? line.trim().replace(/ {2,}/g, ' ') : line.trim();
  if (trimmed.length === 0 || candidatePatterns(trimmed.toLowerCase()).length === 0) return line;
  const sentences = splitSentences(trimmed).flatMap((s) => {
    const m = firstMatch(s.text);
    if (m !== null && s.text.length > LONG_SENTENCE) {
      const cut = boilerplateStart(s.text, m.index);
      const head = s.text.slice(0, cut);
      const tail = s.text.slice(cut);
      if (head.trim() !== '') {
        return [
          { text: head.trimEnd(), separator: ' ', rule: null },
          { text: tail, separator: s.separator, rule: m.rule },
        ];
      }
    }
    return [{ ...s, rule: m?.rule ?? null }];
  });
  // Protected facts are looked for only where something would be dropped.
  const keep = sentences.map((s) => s.rule !== null && keepSignal(s.text) !== null);
  let dropped = 0;
  sentences.forEach((s, i) => {
    if (s.rule !== null && !keep[i]) dropped += s.text.length;
  });
  if (dropped === 0) return line;
  const contagion = dropped >= CONTAGION_SHARE * trimmed.length;
  const kept: string[] = [];
  for (const [i, s] of sentences.entries()) {
    const drop = s.rule !== null ? !keep[i] : contagion && keepSignal(s.text) === null;
    if (drop) log.remove(s.rule ?? 'boilerplate-paragraph', s.text);
    else {
      log.flush();
      kept.push(s.text + s.separator);
    }
  }
  log.flush();
  const rebuilt = kept.join('').trim();
  return rebuilt === '' ? null : rebuilt;
}

/**
 * Drop equal-opportunity, criminal-history, accommodation, agency, privacy, fraud and disclaimer
 * text, sentence by sentence, and boilerplate sections under their own heading.
 */
export function stripBoilerplate(lines: string[], explain: ExplainEntry[]): string[] {
  const log = new RemovalLog('boilerplate', explain);
  const out: string[] = [];
  // Set after a boilerplate heading: its paragraph (up to the next blank line or heading) goes too.
  let inSection = false;
  let sectionHasText = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (isBlank(line)) {
      if (inSection && sectionHasText) inSection = false;
      out.push(line);
      continue;
    }
    if (trimmed.length <= MAX_KEY_LENGTH && BOILERPLATE_HEADINGS.has(lineKey(trimmed))) {
      log.remove('boilerplate-section', trimmed);
      inSection = true;
      sectionHasText = false;
      continue;
    }
    if (inSection && isHeading(trimmed)) inSection = false;
    if (inSection) {
      sectionHasText = true;
      if (keepSignal(trimmed) === null) {
        log.remove('boilerplate-section', trimmed);
        continue;
      }
    }
    log.flush();
    const cleaned = cleanParagraph(line, log);
    if (cleaned !== null) out.push(cleaned);
  }
  log.flush();
  return out;
}

export const boilerplate: LineStep = { name: 'boilerplate', run: stripBoilerplate };
