import { SENIORITIES, SponsorshipStance } from '../posting.js';
import type { Posting } from '../posting.js';
import { compileFilter, postingFacts, spaced, type PostingFacts } from './match.js';
import type { Watch } from './memory.js';

const STANCES = SponsorshipStance.options;
/** The level rank of a posting with no level. */
const NO_LEVEL = SENIORITIES.length;
/** Longest place or title phrase looked up, in words. */
const MAX_PHRASE_WORDS = 4;

interface Compiled {
  watch: Watch;
  test: (facts: PostingFacts) => boolean;
  /** The lookup that last offered this watch: one posting tries each watch once. */
  seen: number;
}

/**
 * A team's watches, indexed so a posting meets only the watches that can match it. Each watch
 * is filed under its most selective condition, one key per alternative of it: a place phrase
 * (or `remote`), else a skill, else a title phrase, else its pay floor's currency, else the
 * level ranks × sponsorship stances it accepts. A posting looks up the keys it has (the phrases
 * of its places and title, its skills, its currencies, its rank and stance) and runs the whole
 * filter only on the watches found, over facts worked out once.
 */
export class WatchIndex {
  private readonly lists = new Map<string, Compiled[]>();
  /** Each filter's compiled test by its canonical text, handed to the next index so a change recompiles only what is new. */
  private readonly tests = new Map<string, Compiled['test']>();
  private lookups = 0;
  readonly size: number;

  constructor(watches: readonly Watch[], previous?: WatchIndex) {
    this.size = watches.length;
    for (const watch of watches) {
      const key = watch.text || JSON.stringify(watch.filter);
      const test = previous?.tests.get(key) ?? this.tests.get(key) ?? compileFilter(watch.filter);
      this.tests.set(key, test);
      const compiled: Compiled = { watch, test, seen: 0 };
      for (const key of anchorKeys(watch)) {
        const list = this.lists.get(key);
        if (list) list.push(compiled);
        else this.lists.set(key, [compiled]);
      }
    }
  }

  /** The watches a posting matches. */
  matching(posting: Posting): Watch[] {
    const facts = postingFacts(posting);
    const stamp = ++this.lookups;
    const out: Watch[] = [];
    for (const key of postingKeys(facts)) {
      const list = this.lists.get(key);
      if (!list) continue;
      for (const c of list) {
        if (c.seen === stamp) continue;
        c.seen = stamp;
        if (c.test(facts)) out.push(c.watch);
      }
    }
    return out;
  }
}

/** A phrase as the index keys it: its first words (a posting holding it holds them), lowercase, single-spaced. */
function phraseKey(kind: string, phrase: string): string {
  return `${kind}:${spaced(phrase).trim().split(' ').slice(0, MAX_PHRASE_WORDS).join(' ')}`;
}

/** The keys a watch is filed under: every alternative of its most selective condition. */
function anchorKeys(watch: Watch): string[] {
  const f = watch.filter;
  if (f.places) return [...f.places.names.map((n) => phraseKey('place', n)), ...(f.places.remote ? ['remote'] : [])];
  if (f.skills?.[0]) return f.skills[0].map((s) => `skill:${s.toLowerCase()}`);
  if (f.title?.[0]) return f.title[0].map((t) => phraseKey('title', t));
  if (f.pay) return [`pay:${f.pay.currency}`];
  const ranks = levelRanks(watch);
  const stances = f.sponsorship ?? STANCES;
  return ranks.flatMap((r) => stances.map((s) => `level:${r}:${s}`));
}

/** The keys a posting looks up: every phrase of its places and title, its skills, currencies, rank and stance. */
function postingKeys(facts: PostingFacts): Set<string> {
  // A set: a place named in the locations and again on a pay band is looked up once.
  const keys = new Set([...phrases('place', facts.places), ...phrases('title', facts.title)]);
  if (facts.remote) keys.add('remote');
  for (const skill of facts.skills) keys.add(`skill:${skill}`);
  for (const currency of facts.topPay.keys()) keys.add(`pay:${currency}`);
  keys.add(`level:${facts.rank ?? NO_LEVEL}:${facts.stance}`);
  return keys;
}

/** Every run of one to MAX_PHRASE_WORDS consecutive words of a spaced text, keyed. */
function phrases(kind: string, text: string): string[] {
  const words = text.trim().split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) out.push(`${kind}:${words.slice(i, i + n).join(' ')}`);
  }
  return out;
}

/** The level ranks a watch's level terms accept (every rank and "no level" when it has none). */
function levelRanks(watch: Watch): number[] {
  const levels = watch.filter.levels;
  if (!levels) return Array.from({ length: NO_LEVEL + 1 }, (_, i) => i);
  const ranks = new Set<number>();
  for (const l of levels) {
    const at = SENIORITIES.indexOf(l.at);
    if (l.orAbove) for (let r = at; r < NO_LEVEL; r++) ranks.add(r);
    else ranks.add(at);
  }
  return [...ranks];
}
