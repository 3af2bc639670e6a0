/**
 * Skills: the technologies and tools a posting names for the job, in canonical spelling (the
 * table is tables/skills.ts). Everyday words ("Go", "Room", "Express") count only as items of a
 * list of other skills; company and perk sections do not count.
 */
import { found, type Found } from './found.js';
import { CATEGORY_ORDER, LIST_MATES, SKILLS } from './tables/skills.js';
import { sectionAt, sectionsOf, sentencesOf, withoutOtherJobs, type Section, type Span } from './text.js';

// Sections whose technologies describe the company or perks, not the job.
const NOT_SKILL_KINDS = new Set(['about', 'benefits', 'pay', 'fields']);
// Skipped text where a sentence that speaks to the candidate still describes the job: the
// preamble, the company blurb, and a pay heading that swallowed the role description.
const YOU_KINDS = new Set(['about', 'pay']);
const TO_CANDIDATE = /\byou(?:r|'ll|’ll|'d|’d)?\b/i;
// A sentence that states the stack is about the job wherever it sits ("our core tech stack of …",
// an interview section under a benefits heading).
const STACK_CUE = /\b(?:tech(?:nology|nical)?\s+stack|our (?:core )?stack|stack (?:of|includes?|is)|(?:technologies|tools) we use|we (?:use|work with) (?:technologies|tools) (?:like|such as))\b/i;

/**
 * The spans where skills count: every section but company blurbs and perks, and not the
 * preamble before the first heading when the posting has headings (it is usually the blurb).
 * From the skipped text, sentences that state the stack or speak to the candidate still count.
 */
function skillSpans(text: string, sections: readonly Section[]): Span[] {
  const headed = sections.some((s) => s.heading !== null && s.kind !== 'other');
  const skipped = (s: Section): boolean => NOT_SKILL_KINDS.has(s.kind) || (headed && s.heading === null);
  const useful = sections.filter((s) => !skipped(s));
  if (useful.length === 0) return [{ text, start: 0 }];
  const spans = useful.map((s) => ({ text: text.slice(s.start, s.end), start: s.start }));
  const rest = sections.filter(skipped);
  if (rest.length === 0) return spans;
  for (const s of sentencesOf(text)) {
    const section = rest.find((r) => s.start >= r.start && s.start < r.end);
    if (section === undefined) continue;
    const speaks = (section.heading === null || YOU_KINDS.has(section.kind)) && TO_CANDIDATE.test(s.text);
    if (speaks || STACK_CUE.test(s.text)) spans.push(s);
  }
  return spans;
}

export function extractSkills(text: string, title: string | null): Found<string[]> {
  const body = withoutOtherJobs(text);
  const spans = skillSpans(body, sectionsOf(body));
  if (title !== null) spans.push({ text: title, start: -1 });
  const hits: { name: string; rank: number; at: number }[] = [];
  // One pass per skill over the useful text joined (blank lines keep spans apart).
  const joined = spans.map((s) => s.text).join('\n\n');
  const lower = joined.toLowerCase();
  const index = wordIndex(lower);
  for (const skill of SKILLS) {
    let at = firstMatch(skill, joined, lower, index);
    if (skill.listForms.length > 0) {
      const listed = firstListed(skill.listForms, joined, lower, index);
      if (listed !== null && (at === null || listed < at)) at = listed;
    }
    if (at !== null) hits.push({ name: skill.name, rank: CATEGORY_ORDER.indexOf(skill.category), at });
  }
  hits.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const names = hits.map((h) => h.name);
  return found(names, null, names.length > 0 ? `${names.length} named technologies` : null);
}

// Room around a needle for a pattern's look-arounds and list context.
const WINDOW = 80;

/**
 * The text's words (runs of a-z0-9 in the lower-cased text) and where each starts: built once
 * per text so each skill looks its needle up instead of scanning the whole text.
 */
interface WordIndex {
  at: Map<string, number[]>;
  /** Distinct words of three letters or more by their first three, for prefix look-ups. */
  byStem: Map<string, string[]>;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function wordIndex(lower: string): WordIndex {
  const at = new Map<string, number[]>();
  const byStem = new Map<string, string[]>();
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(lower.charCodeAt(j))) j++;
    const word = lower.slice(i, j);
    const list = at.get(word);
    if (list) list.push(i);
    else {
      at.set(word, [i]);
      if (word.length >= 3) {
        const stem = word.slice(0, 3);
        const bucket = byStem.get(stem);
        if (bucket) bucket.push(word);
        else byStem.set(stem, [word]);
      }
    }
    i = j;
  }
  return { at, byStem };
}

const NO_STARTS: readonly number[] = [];

/** Where words equal to `key` (or, with `prefix`, starting with it) begin, in text order. */
function wordStarts(index: WordIndex, key: string, prefix: boolean): readonly number[] {
  if (!prefix || key.length < 3) return index.at.get(key) ?? NO_STARTS;
  const bucket = index.byStem.get(key.slice(0, 3));
  if (bucket === undefined) return NO_STARTS;
  // Most needles begin one word only: its list is already in text order.
  let only: readonly number[] | null = null;
  let out: number[] | null = null;
  for (const w of bucket) {
    if (!w.startsWith(key)) continue;
    const at = index.at.get(w) ?? NO_STARTS;
    if (only === null && out === null) only = at;
    else {
      out ??= [...(only ?? [])];
      out.push(...at);
    }
  }
  return out === null ? (only ?? NO_STARTS) : out.sort((a, b) => a - b);
}

// A needle's first word and where it sits in the needle ("next.js" → "next" at 0, ".net" → "net" at 1).
const NEEDLE_WORD = /[a-z0-9]+/;

/**
 * Where a skill is first named. Every pattern starts its name at a word edge, so a needle is
 * looked for only where a word of the text begins ("rest" never inside "interest"); a needle
 * that goes on after its first word ("c++", "power bi") needs that word whole, and a one-letter
 * name (C, R) must stand alone. The pattern then runs only around those places.
 */
function firstMatch(skill: (typeof SKILLS)[number], text: string, lower: string, index: WordIndex): number | null {
  const plans = NEEDLE_PLANS.get(skill);
  if (plans === undefined) return skill.pattern.exec(text)?.index ?? null;
  let best: number | null = null;
  for (const plan of plans) {
    const { needle, word, offset } = plan;
    const starts = word === null ? indexesOf(lower, needle) : wordStarts(index, word, plan.prefix);
    let tries = 0;
    for (const start of starts) {
      const i = start - offset;
      if (i < 0 || (word !== null && word !== needle && !lower.startsWith(needle, i))) continue;
      if (best !== null && i - WINDOW > best) break;
      if (++tries > 25) break;
      const from = Math.max(0, i - WINDOW);
      const m = skill.pattern.exec(text.slice(from, i + needle.length + WINDOW));
      if (m !== null) {
        if (best === null || from + m.index < best) best = from + m.index;
        break;
      }
    }
  }
  return best;
}

/** A needle's first word, where it sits, and whether longer words may start with it: worked out once. */
interface NeedlePlan {
  needle: string;
  word: string | null;
  offset: number;
  prefix: boolean;
}
const NEEDLE_PLANS: ReadonlyMap<(typeof SKILLS)[number], readonly NeedlePlan[]> = new Map(
  SKILLS.filter((sk) => sk.needles !== null).map((sk) => [
    sk,
    (sk.needles ?? []).map((needle) => {
      const w = NEEDLE_WORD.exec(needle);
      if (w === null) return { needle, word: null, offset: 0, prefix: false };
      return { needle, word: w[0], offset: w.index, prefix: w.index + w[0].length === needle.length && needle.length > 1 };
    }),
  ]),
);

// ---- everyday words inside lists of skills ---------------------------------------------------

// What ends a list: a line break, a sentence end, a colon. A semicolon separates items ("Solr; Spark; Kafka").
const LIST_END = /[\n!?:]|\.(?=\s|$)/;
// What joins list items: "," "/" "&" "|" "·" brackets, "and" "or" "as well as".
const ITEM_SEP = /\s*(?:[,;/&()|·•]|\b(?:and|or|as well as|plus)\b)\s*/;
const ENDS_WITH_SEP = /(?:[,;/&(|·•]|\b(?:and|or|as well as|plus))\s*$/;
const STARTS_WITH_SEP = /^\s*(?:[,;/&)|·•]|(?:and|or|as well as|plus)\b)/;
const CLAUSE_AFTER = /^\s*,\s*(?:we|you|they|the|our|this|it|i|he|she|there)\b/;
// Words that introduce a list's first item ("tools such as Kotlin, …", "built with Next, …").
const ITEM_LEAD = /\b(?:such as|like|including|incl\.|e\.g\.?|with|using|in|on)\s*$/;
// The word after a list item may say what it is ("Room database", "Temporal workflows").
const ITEM_NOUN = /^\s+(?:librar(?:y|ies)|framework|database|db|sdk|apis?|workflows?|persistence|stack)\b/;
// A colon after these words opens a list of technologies ("Tech stack: Next, Temporal").
const STACK_LABEL = /\b(?:stack|technolog(?:y|ies)|tools|tooling|frameworks?|librar(?:y|ies)|languages?)\s*(?:(?:include|includes|like|such as)\s*)?$/;
// Skills are named in at most three words; an item's edge words are looked up.
function namesSkill(words: readonly string[]): boolean {
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    if (LIST_MATES.has(words.slice(0, n).join(' ')) || LIST_MATES.has(words.slice(-n).join(' '))) return true;
  }
  return false;
}
const itemWords = (item: string): string[] => item.replace(/\b(?:etc|e\.g|i\.e)\b\.?/g, '').trim().split(/\s+/).filter((w) => w !== '');

/**
 * Whether the word at [start, end) is an item of a list that names other skills: the items
 * beside it (up to four each way) include an unambiguous skill, or the list follows a
 * "stack:" label. The word must stand alone as its item ("room to grow" is no item).
 */
function inSkillList(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - 160), start);
  const stop = lastListEnd(before);
  const head = stop < 0 ? before : before.slice(stop + 1);
  const afterAll = lower.slice(end, end + 160);
  const afterStop = afterAll.search(LIST_END);
  const tail = afterStop < 0 ? afterAll : afterAll.slice(0, afterStop);
  // "…; next, we will …": a word that opens a clause is no item.
  const closes = (tail.trim() === '' || STARTS_WITH_SEP.test(tail) || ITEM_NOUN.test(tail)) && !CLAUSE_AFTER.test(tail);
  if (!closes) return false;
  const opensAfterLabel = stop >= 0 && before[stop] === ':' && STACK_LABEL.test(before.slice(Math.max(0, stop - 40), stop));
  if (opensAfterLabel) return true;
  // The word opens its item: "Password Vault, Infoblox" is a list of other things.
  const opensItem = ENDS_WITH_SEP.test(head) || head.trim() === '' || ITEM_LEAD.test(head);
  // A slash pair with a skill ("our Spark/Airflow platform") needs no list around it.
  if (!opensItem) return /^\s*\//.test(tail) && namesSkill(itemWords(tail.replace(/^\s*\//, '').split(ITEM_SEP)[0] ?? ''));
  if (ENDS_WITH_SEP.test(head)) {
    const items = head.split(ITEM_SEP).filter((i) => i.trim() !== '').slice(-4);
    if (items.some((i) => namesSkill(itemWords(i)))) return true;
  }
  if (STARTS_WITH_SEP.test(tail)) {
    const items = tail.split(ITEM_SEP).filter((i) => i.trim() !== '').slice(0, 4);
    if (items.some((i) => namesSkill(itemWords(i)))) return true;
  }
  return false;
}

function lastListEnd(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '\n' || c === '!' || c === '?' || c === ':') return i;
    if (c === '.' && (i + 1 >= s.length || /\s/.test(s[i + 1] ?? ''))) return i;
  }
  return -1;
}

const WORD_CHAR = /[A-Za-z0-9_+#]/;

/** Where one of a skill's everyday words is first named as an item of a list of skills. */
function firstListed(forms: readonly string[], text: string, lower: string, index: WordIndex): number | null {
  let best: number | null = null;
  for (const form of forms) {
    const key = form.toLowerCase();
    const cased = form !== key;
    let tries = 0;
    for (const i of index.at.get(key) ?? []) {
      if (best !== null && i > best) break;
      if (++tries > 25) break;
      if (cased && !text.startsWith(form, i)) continue;
      const prev = text[i - 1] ?? ' ';
      const next = text.slice(i + key.length, i + key.length + 2);
      // "go-to", "next-gen", ".room": joined to another word, it is that word.
      if (WORD_CHAR.test(prev) || prev === '-' || prev === '.' || /^-[A-Za-z]|^\.[A-Za-z]|^['’]/.test(next)) continue;
      if (inSkillList(lower, i, i + key.length)) {
        best = i;
        break;
      }
    }
  }
  return best;
}

function indexesOf(lower: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = lower.indexOf(needle); i >= 0 && out.length < 100; i = lower.indexOf(needle, i + 1)) out.push(i);
  return out;
}
