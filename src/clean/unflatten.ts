import { CA_PROVINCES, US_STATES } from '../extract/tables/places.js';
import { isCountryName, knownCity } from '../extract/places/gazetteer.js';
import { ROLE_NOUNS } from '../extract/tables/roles.js';
import { CHROME_LINES } from './chrome-tables.js';
import { FIELD_LABELS, KNOWN_HEADINGS } from './headings.js';
import type { ExplainEntry, TextStep } from './types.js';
import {
  ABBREVIATIONS, BLOCK_STARTS, CONTINUING_WORDS, HEADER_FACT_WORDS, LEVEL_OPENERS,
} from './unflatten-tables.js';

/**
 * Line structure back in a flattened paste. Discord's `/jd text:` delivers a posting on one
 * line, and some copies lose their breaks; every later step reads lines (the title block,
 * headings, bullets, chrome), so the breaks are put back first, at the places a page has them:
 * before bullets and headings, between sentences, around a page's buttons and landmark blocks,
 * between the header's company, title and place. Text that still has its lines is left alone.
 *
 * The line is read word by word (no pattern runs over the whole line), so the cost is linear.
 */

/** A line this long holding most of the text means the paste lost its line breaks. */
const FLAT_LINE_MIN = 400;
const FLAT_SHARE = 0.6;
/** Only lines at least this long are split in a flattened text. */
const SPLIT_MIN = 160;
/** Words longer than this are read as opaque (a URL, a token): no rule looks inside them. */
const WORD_MAX = 60;
/** The header (company, title, place, page facts) sits in the first words of a page. */
const HEADER_WORDS = 40;
const MAX_PHRASE = 8;
const MAX_WORDS = 20_000;

type Break = 0 | 1;

/** Lower case, without the punctuation around it. */
function bare(word: string): string {
  if (word.length > WORD_MAX) return '';
  let a = 0;
  let b = word.length;
  while (a < b && `("“'‘[`.includes(word.charAt(a))) a++;
  while (b > a && `)"”'’.,:;!?]`.includes(word.charAt(b - 1))) b--;
  return word.slice(a, b).toLowerCase();
}

const isCapitalised = (w: string): boolean => /^[("“'‘]?\p{Lu}/u.test(w);
const startsLower = (w: string): boolean => /^\p{Ll}/u.test(w);
const isAllCaps = (w: string): boolean => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase();
const BULLET_GLYPHS = '•◦▪●‣➢➤►▶✓✔■□❖◆';

/** The text around the flattened line: words seen in lower case, for telling a new line from a name. */
interface Context {
  lowerWords: Map<string, number>;
  /** Words, and pairs of words, that open a sentence somewhere in the text ("CPS Energy", "Additional"). */
  openers: Set<string>;
  text: string;
}

function contextOf(text: string): Context {
  const lowerWords = new Map<string, number>();
  const openers = new Set<string>();
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w.length > WORD_MAX) continue;
    if (startsLower(w)) {
      const b = bare(w);
      lowerWords.set(b, (lowerWords.get(b) ?? 0) + 1);
    } else if (i > 0 && isCapitalised(w) && endsSentence(words[i - 1] ?? '')) {
      openers.add(w);
      openers.add(`${w} ${words[i + 1] ?? ''}`);
    }
  }
  return { lowerWords, openers, text };
}

/** "Sr.", "e.g.", "U.S.", "J.": a full stop that does not end a sentence. */
function isAbbreviation(word: string): boolean {
  const b = word.replace(/[)"”’]+$/, '').replace(/[.!?]$/, '');
  const key = b.replace(/^[("“'‘]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(key)) return true;
  if (/^\p{L}$/u.test(key)) return true; // an initial
  return /^(?:\p{L}\.)+\p{L}?$/u.test(key); // "u.s", "e.g", "i.e"
}

function endsSentence(word: string): boolean {
  if (/[。！？]$/.test(word)) return true;
  if (!/[.!?][)"”’]?$/.test(word) || word.endsWith('...') || word.endsWith('…')) return false;
  if (word.endsWith('.') && /\d\.$/.test(word) && word.length <= 3) return false; // "1." starts a list item
  return !isAbbreviation(word);
}

/** Phrases (by their first word) that are a page's buttons or landmarks: they stand on their own line. */
interface PhraseIndex {
  byFirst: Map<string, Set<string>>;
}

function phraseIndex(phrases: Iterable<string>, minWords: number): PhraseIndex {
  const byFirst = new Map<string, Set<string>>();
  for (const p of phrases) {
    const words = p.split(' ');
    if (words.length < minWords || words.length > MAX_PHRASE) continue;
    const first = words[0] ?? '';
    const set = byFirst.get(first) ?? new Set<string>();
    set.add(p);
    byFirst.set(first, set);
  }
  return { byFirst };
}

const CHROME_PHRASES = phraseIndex(CHROME_LINES.flatMap((r) => r.lines ?? []), 2);
const BLOCK_PHRASES = phraseIndex(BLOCK_STARTS, 1);
const HEADINGS = phraseIndex(KNOWN_HEADINGS, 1);
const LABELS = phraseIndex(FIELD_LABELS, 1);

/** The longest phrase of the index starting at word i, as a word count (0 when none). */
function phraseAt(words: readonly string[], i: number, index: PhraseIndex): { length: number; colon: boolean } {
  const first = bare(words[i] ?? '');
  const set = index.byFirst.get(first);
  if (set === undefined) return { length: 0, colon: false };
  let best = { length: 0, colon: false };
  let key = '';
  for (let k = 0; k < MAX_PHRASE && i + k < words.length; k++) {
    const w = words[i + k] ?? '';
    key = k === 0 ? first : `${key} ${bare(w)}`;
    // Only the last word of a phrase may carry punctuation (a colon, a question mark).
    if (set.has(key) || set.has(`${key}?`)) best = { length: k + 1, colon: w.endsWith(':') };
    if (k > 0 && /[.,;!]$/.test(words[i + k - 1] ?? '')) break;
    if (/[.,;!?]$/.test(w)) break;
  }
  return best;
}

const STATE_CODES: ReadonlySet<string> = new Set([...Object.keys(US_STATES), ...Object.keys(CA_PROVINCES)]);

/** "MA", "MA:", "VA ·": a region code closing a "City, ST" place. */
function isRegionWord(word: string): boolean {
  return STATE_CODES.has(word.replace(/[:;,.)]+$/, ''));
}

/**
 * Where the city of a "City, ST" place starts, given the index of the word ending in a comma.
 * A known city wins ("San Francisco"); otherwise the capitalised words after the last role noun
 * ("… Engineer McLean, VA"), two words at most.
 */
function placeStart(words: readonly string[], comma: number): number {
  let start = comma;
  while (start - 1 >= 0 && comma - start < 3 && isCapitalised(words[start - 1] ?? '') && !/[.,:;!?]$/.test(words[start - 1] ?? '')) start--;
  for (let s = start; s <= comma; s++) {
    const name = words.slice(s, comma + 1).map(bare).join(' ');
    if (knownCity(name) !== null) return s;
  }
  for (let s = comma; s > start; s--) if (ROLE_NOUNS.test(bare(words[s - 1] ?? ''))) return s;
  return Math.max(start, comma - 1);
}

/** Whether a phrase occurs at least n times in the text (stops counting at n). */
function repeats(text: string, phrase: string, n: number): boolean {
  let count = 0;
  for (let at = text.indexOf(phrase); at >= 0 && count < n; at = text.indexOf(phrase, at + phrase.length)) count++;
  return count >= n;
}

/** "Engineer", "Manager": the last word of a title. */
function isTitleEnd(word: string): boolean {
  // "Director", "Head", "Lead" open a title as often as they end one ("Director Communications …").
  return isCapitalised(word) && !LEVEL_OPENERS.has(bare(word)) && !/[.,:;!?]$/.test(word) && ROLE_NOUNS.test(bare(word)) && ROLE_NOUNS.exec(bare(word))?.[0].length === bare(word).length;
}

/** A word that goes on a title ("Intern", "Lead", "II"): a title does not end before it. */
function isTitleWord(word: string): boolean {
  const b = bare(word);
  return LEVEL_OPENERS.has(b) || ROLE_NOUNS.exec(b)?.[0].length === b.length;
}

/** Words a label may hold between its capitalised words ("Active Directory and GPO:"). */
const LABEL_JOINERS: ReadonlySet<string> = new Set(['and', 'of', 'or', '&', '/', 'to', 'for', 'the']);

/** Where the label ending at word i starts: up to four words back, over capitalised words and joiners. */
function labelStart(words: readonly string[], i: number): number {
  let start = i;
  const caps = isAllCaps(words[i] ?? '');
  for (let k = i - 1; k >= 0 && i - k < 4; k--) {
    const w = words[k] ?? '';
    // "… Windows System Administrator Job#:": a title's role noun ends the words before the label.
    if (/[.,:;!?)]$/.test(w) || isTitleEnd(w)) break;
    // "VECTOR TALENT RESOURCES Title:": a run in capitals is a name before the label.
    if (isCapitalised(w) && (caps || !isAllCaps(w) || w.length <= 3)) start = k;
    else if (!LABEL_JOINERS.has(w.toLowerCase())) break;
  }
  return start;
}

/**
 * Words glued where a line break was lost: "Windows System AdministratorJob#:", "Government
 * ContractorLocation:", "August /2020Work Permit:". Split before a capital that follows a lower-case
 * letter or digit when what starts there is a label ending in a colon within three words.
 */
function unglue(words: readonly string[], glued?: Set<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const cut = w.length <= WORD_MAX ? /[\p{Ll}\d]{3}(?=\p{Lu}[\p{Ll}#])/u.exec(w) : null;
    if (cut !== null) {
      const at = cut.index + 3;
      const rest = w.slice(at);
      const closes = [rest, words[i + 1] ?? '', words[i + 2] ?? ''];
      const colon = closes.findIndex((x) => x.endsWith(':'));
      if ((colon >= 0 && colon <= 1) || placeStartsAt(closes, w)) {
        out.push(w.slice(0, at), rest);
        glued?.add(out.length - 1);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * "SaturnSan Francisco, CA": the glued right part opens a "City, ST" place within three words,
 * and the whole word is no place itself ("McLean, VA").
 */
function placeStartsAt(closes: readonly string[], whole: string): boolean {
  const comma = closes.findIndex((x) => x.endsWith(','));
  if (comma < 0 || comma > 1) return false;
  const after = closes[comma + 1] ?? '';
  if (!isRegionWord(after) && !isCountryName(bare(after))) return false;
  return knownCity([whole, ...closes.slice(1, comma + 1)].map(bare).join(' ')) === null;
}

/** Han, kana and hangul: a word in one of them after a Latin word starts a new line. */
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Capitalised words that open a sentence, not a title: "At", "We", "About". */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'At', 'We', "We're", 'We’re', 'Our', 'As', 'Join', 'Are', 'If', 'This', 'You', "You'll", 'You’ll', 'Your', 'Who', 'Why',
  'When', 'Here', 'Since', 'Founded', 'Located', 'Based', 'About', 'The',
]);

/** "**Location:**", "**Required Skills:**": a bold label closing within four words. */
function boldLabelEnds(words: readonly string[], i: number): boolean {
  for (let k = i; k < Math.min(words.length, i + 4); k++) if (/:\*\*$|\*\*:$/.test(words[k] ?? '')) return true;
  return false;
}

/** Marks the breaks of one flattened line. */
function breaksOf(words: readonly string[], ctx: Context, atTop: boolean): Break[] {
  const br: Break[] = words.map(() => 0);
  const mark = (i: number): void => {
    // A line's marker goes with it: "## Overview", "- **Location:** …".
    const at = i > 1 && /^(?:#{1,6}|[-*•])$/.test(words[i - 1] ?? '') ? i - 1 : i;
    if (at > 0 && at < words.length) br[at] = 1;
  };
  const dashBullets = words.filter((w, i) => (w === '-' || w === '*') && isCapitalised(words[i + 1] ?? '')).length;
  let sinceBreak = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const prev = words[i - 1] ?? '';
    const next = words[i + 1] ?? '';
    const prevKey = bare(prev);
    const prevContinues = CONTINUING_WORDS.has(prevKey) || prev.endsWith(',');
    if (br[i] === 1) sinceBreak = 0;
    sinceBreak++;
    if (w.length > WORD_MAX) continue;

    // Bullet marks: "• Design …", "…teams. - Inform …".
    if (BULLET_GLYPHS.includes(w.charAt(0))) {
      mark(i);
      continue;
    }
    // Markdown and front matter: "## Summary", "---", "**Location:** Cupertino".
    if (/^(?:#{1,6}|-{3,}|\*{3,}|_{3,})$/.test(w) || (/^\*\*\S/.test(w) && boldLabelEnds(words, i))) {
      mark(i);
      continue;
    }
    // "company: "Acme"": a lower-case key after a quoted value (YAML front matter, a record dump).
    if (/^[a-z][a-z_]{1,30}:$/.test(w) && /["'”’]$/.test(prev)) {
      mark(i);
      sinceBreak = 0;
      continue;
    }
    // A change of script between words: "Analytics Engineer 当社について".
    if (CJK_START.test(w) && /[\p{Script=Latin}\d)]$/u.test(prev)) {
      mark(i);
      continue;
    }
    // "Project Role : Software Engineer": a label whose colon stands apart.
    if (w === ':' && isCapitalised(prev) && !prevContinues) {
      const start = labelStart(words, i - 1);
      // "San Jose, California : ($116,500 …)" is a place labelling pay: it stays whole.
      const before = words[start - 1] ?? '';
      if (start > 0 && !before.endsWith(',') && (start < i - 1 || !CONTINUING_WORDS.has(bare(before)))) mark(start);
      continue;
    }
    // In the header, a sentence after the title-case run of the title: "… Database Product At
    // Timescale, we empower …", "… Application Engineering About This Position".
    if (i < HEADER_WORDS && sinceBreak > 2 && isCapitalised(prev) && !prevContinues && !/[,:;]$/.test(prev) && SENTENCE_OPENERS.has(w) && (/^\p{Ll}/u.test(next) || /,$/.test(next) || w === 'About' || phraseAt(words, i, HEADINGS).length > 0)) {
      mark(i);
      continue;
    }
    // In the header, a street address after the title: "… Consumer Analytics 5600 Avenida Encinas, Carlsbad".
    if (i < HEADER_WORDS && /^\d{2,6}$/.test(w) && isCapitalised(prev) && !/[,:]$/.test(prev) && isCapitalised(next) && (words.slice(i + 1, i + 5).some((x) => x.endsWith(',')))) {
      mark(i);
      continue;
    }
    if ((w === '-' || w === '*') && isCapitalised(next) && !/\d$/.test(prev) && (/[.:;!?)]$/.test(prev) || dashBullets >= 3)) {
      mark(i);
      continue;
    }
    // "1+ years …" after a requirement without a full stop.
    if (/^\d{1,2}\+?$/.test(w) && /^(?:years?|yrs?)\b/i.test(next) && startsLower(prev) && !prevContinues) {
      mark(i);
      continue;
    }
    // Landmarks and buttons: "Set alert for similar jobs", "Show match details", "About the company".
    // A short one inside a sentence is words of the sentence ("read our Privacy Policy").
    if (isCapitalised(w)) {
      const block = phraseAt(words, i, BLOCK_PHRASES);
      const landmark = block.length > 0 ? block : phraseAt(words, i, CHROME_PHRASES);
      if (landmark.length > 0 && (!prevContinues || landmark.length >= 3)) {
        mark(i);
        mark(i + landmark.length);
        i += landmark.length - 1;
        continue;
      }
    }
    if (isCapitalised(w) && !prevContinues) {
      // Field labels keep their value on their line: "Location: Plano, TX", "Job Type: Full-time".
      const label = phraseAt(words, i, LABELS);
      if (label.length > 0 && label.colon) {
        mark(i);
        i += label.length - 1;
        continue;
      }
      // Known headings: "Basic Qualifications:", "About the job Job Description As a …".
      const head = phraseAt(words, i, HEADINGS);
      const after = words[i + head.length] ?? '';
      if (head.length > 0 && (head.colon || ((head.length >= 2 || isAllCaps(w) || endsSentence(prev) || /^#{1,6}$/.test(prev) || i === 0) && (isCapitalised(after) || after === '')))) {
        // "… Pacific Time. Preferred Requirements:": capitalised words that open a line just before
        // the heading are part of it.
        const start = head.colon ? labelStart(words, i + head.length - 1) : i;
        if (start < i && (start === 0 || br[start] === 1 || endsSentence(words[start - 1] ?? ''))) {
          mark(start);
          for (let k = start + 1; k <= i; k++) br[k] = 0;
        } else mark(i);
        mark(i + head.length);
        i += head.length - 1;
        continue;
      }
    }
    // Any "Title Case Label:" starts a line and keeps its value: "… may apply Work Remotely: No",
    // "… hours. Shift information: 7:30am".
    if (w.endsWith(':') && !/\d:$/.test(w) && w.length > 2) {
      if (isCapitalised(w)) {
        const start = labelStart(words, i);
        if (start < i || !prevContinues) mark(start);
        continue;
      }
      if (isCapitalised(prev) && !isAllCaps(prev) && !CONTINUING_WORDS.has(prevKey) && (startsLower(words[i - 2] ?? '') || endsSentence(words[i - 2] ?? '') || i === 1)) {
        mark(i - 1);
        continue;
      }
    }
    // "Richmond, VA: $144,200 …": a place that labels a pay line.
    if (w.endsWith(',') && isCapitalised(w) && /^[A-Z]{2}:$/.test(next) && isRegionWord(next)) {
      mark(placeStart(words, i));
      continue;
    }
    // A sentence ended: "… at scale. You'll participate …".
    if (endsSentence(prev) && (isCapitalised(w) || /^\d/.test(w))) {
      mark(i);
      continue;
    }
    // A lead-in ended: "… one or more of the following: Design, build …".
    if (prev.endsWith(':') && startsLower(prev) && sinceBreak > 6 && isCapitalised(w)) {
      mark(i);
      continue;
    }
    // A title ends at its role noun: "… for Senior Machine Learning Engineer Candidates hired to …",
    // "Senior Machine Learning Engineer Capital One Capital One" (a name the posting repeats).
    if (isTitleEnd(prev) && !isTitleWord(w)) {
      const word = /^\p{Lu}\p{Ll}+$/u.test(w) && startsLower(next) && (ctx.lowerWords.get(w.toLowerCase()) ?? 0) >= 1;
      if (word || (isCapitalised(w) && isCapitalised(next) && repeats(ctx.text, `${w} ${next}`, 3))) {
        mark(i);
        continue;
      }
    }
    // A date closes a header fact: "Posted on Oct 2, 2025 Senior Machine Learning Engineer".
    if (/^(?:19|20)\d\d$/.test(prev) && /,$/.test(words[i - 2] ?? '') && isCapitalised(w)) {
      mark(i);
      continue;
    }
    // A name said twice in a row is two header lines: "Capital One Capital One".
    if (isCapitalised(w) && w === words[i - 2] && next === prev && isCapitalised(prev)) {
      mark(i);
      continue;
    }
    // Header facts after a title-case run: "… Software Engineering USD 158,600-181k / year Posted on …".
    if (isCapitalised(prev) && !prevContinues && !/[,:]$/.test(prev) && !/^(?:USD|EUR|GBP|CAD|AUD|INR)$/.test(prev) && (/^(?:USD|EUR|GBP|CAD|AUD|INR|[$€£])/.test(w) && /\d/.test(w + next) || (w === 'Posted' && !isCapitalised(next)))) {
      mark(i);
      continue;
    }
    // A new line starts with a word the posting otherwise writes in lower case ("… degree At least
    // 4 years"), or with words that open a sentence elsewhere in it ("… desirable CPS Energy does not …").
    if ((startsLower(prev) || prev.endsWith(')')) && !prevContinues && !/[,;]$/.test(prev) && isCapitalised(w)) {
      const lower = /^\p{Lu}\p{Ll}+(?:['’]s?)?$/u.test(w) && !isCapitalised(next) && (ctx.lowerWords.get(bare(w).replace(/['’]s?$/, '')) ?? 0) >= 1;
      const opener = isCapitalised(next) ? ctx.openers.has(`${w} ${next}`) : ctx.openers.has(w) && !/[,:;]$/.test(w);
      if (lower || opener) {
        mark(i);
        continue;
      }
    }
  }
  if (atTop) markHeader(words, br, ctx);
  return br;
}

/**
 * The page header run together: "Capital One Senior Machine Learning Engineer Cambridge, MA ·
 * 1 week ago · 36 people clicked apply Promoted by hirer • … Full-time Apply Save". The place
 * (a "City, ST" before "·" or an arrangement) starts a line; before it, the company (the longest
 * opening run the posting names again further down) and the title; page facts and buttons stand alone.
 */
function markHeader(words: readonly string[], br: Break[], ctx: Context): void {
  const end = Math.min(words.length, HEADER_WORDS);
  let firstBreak = br.indexOf(1, 1);
  if (firstBreak < 0) firstBreak = end;
  // The place: "Cambridge, MA ·", "London, United Kingdom (Hybrid)".
  let place = -1;
  for (let i = 1; i < Math.min(end, firstBreak + 1); i++) {
    const w = words[i] ?? '';
    if (!w.endsWith(',') || !isCapitalised(w)) continue;
    const region = words[i + 1] ?? '';
    if (isRegionWord(region) || isCountryName(bare(region))) {
      place = placeStart(words, i);
      break;
    }
  }
  if (place > 0) {
    br[place] = 1;
    // Company, then title: the longest opening run of words the posting repeats later.
    const tail = ctx.text.slice(Math.min(ctx.text.length, words.slice(0, place).join(' ').length + 1));
    let company = 0;
    for (let k = 1; k < place; k++) {
      if (!isCapitalised(words[k - 1] ?? '')) break;
      // Not between two words the posting writes together elsewhere ("Product Manager").
      const pair = `${words[k - 1] ?? ''} ${(words[k] ?? '').replace(/[,.;:]+$/, '')}`;
      if (tail.includes(words.slice(0, k).join(' ')) && !tail.includes(pair)) company = k;
    }
    if (company === 0) {
      for (let k = 1; k < place; k++) if (LEVEL_OPENERS.has(bare(words[k] ?? ''))) {
        company = k;
        break;
      }
    }
    if (company > 0 && company < place) br[company] = 1;
  }
  // Page facts and buttons in the header: "Full-time", "Apply", "Save".
  const buttons = new Set((CHROME_LINES.find((r) => r.rule === 'buttons')?.lines ?? []).filter((l) => !l.includes(' ')));
  const isFact = (w: string): boolean => isCapitalised(w) && (HEADER_FACT_WORDS.has(bare(w)) || buttons.has(bare(w)));
  const isSeparator = (w: string): boolean => /^[·•|–-]$/.test(w);
  for (let i = Math.max(1, place); i < end; i++) {
    const w = words[i] ?? '';
    if (!isFact(w)) continue;
    // Without a place to start from, a fact word stands alone only among other facts and
    // separators: "The Manager, Application Engineering" keeps its "Application".
    const prev = words[i - 1] ?? '';
    const next = words[i + 1] ?? '';
    if (place < 0 && !(isFact(prev) || isFact(next) || isSeparator(prev) || isSeparator(next) || /[·•|)]$/.test(prev))) continue;
    {
      br[i] = 1;
      if (i + 1 < words.length) br[i + 1] = 1;
    }
  }
}

function isFlattened(text: string): boolean {
  if (text.length < FLAT_LINE_MIN) return false;
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest >= FLAT_LINE_MIN && longest >= FLAT_SHARE * text.trim().length;
}

function splitLine(line: string, ctx: Context, atTop: boolean): string {
  const all = line.split(' ').filter((w) => w !== '');
  // A posting is a few thousand words; past that the rest of a hostile line is left as it is.
  const words = unglue(all.slice(0, MAX_WORDS));
  const br = breaksOf(words, ctx, atTop);
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) parts.push(i === 0 ? (words[i] ?? '') : `${br[i] === 1 ? '\n' : ' '}${words[i] ?? ''}`);
  if (all.length > MAX_WORDS) parts.push(` ${all.slice(MAX_WORDS).join(' ')}`);
  return parts.join('');
}

/** The first lines of any paste: where company, title and place get glued ("Blue SaturnSan Francisco, CA"). */
const HEADER_LINES = 8;

function unglueHeader(text: string, explain: ExplainEntry[]): string {
  const lines = text.split('\n');
  let changed = 0;
  for (let i = 0, seen = 0; i < lines.length && seen < HEADER_LINES; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    seen++;
    if (line.length > SPLIT_MIN) continue;
    const glued = new Set<number>();
    const split = unglue(line.split(' '), glued);
    if (glued.size === 0) continue;
    // The glued part starts a line of its own, as the page showed it.
    lines[i] = split.map((w, k) => (k === 0 ? w : `${glued.has(k) ? '\n' : ' '}${w}`)).join('');
    changed++;
  }
  if (changed === 0) return text;
  explain.push({ step: 'unflatten', rule: 'unglued-header', before: '', after: '', count: changed });
  return lines.join('\n');
}

/** Puts the line breaks back into a flattened paste (see the module comment). */
export function restoreFlattenedLines(text: string, explain: ExplainEntry[]): string {
  if (!isFlattened(text)) return unglueHeader(text, explain);
  const ctx = contextOf(text);
  let seenContent = false;
  const out = text.split('\n').map((line) => {
    const top = !seenContent;
    if (line.trim() !== '') seenContent = true;
    return line.length < SPLIT_MIN ? line : splitLine(line, ctx, top);
  });
  const result = out.join('\n');
  if (result !== text) {
    explain.push({ step: 'unflatten', rule: 'restored-line-breaks', before: text.slice(0, 200), after: result.slice(0, 200), count: result.split('\n').length - text.split('\n').length });
  }
  return result;
}

export const unflatten: TextStep = { name: 'unflatten', run: restoreFlattenedLines };
