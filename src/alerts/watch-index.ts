import { SENIORITIES, SponsorshipStance } from '../posting.js';
import type { Posting } from '../posting.js';
import { compileFilter, postingFacts, type PostingFacts } from './match.js';
import type { Watch } from './memory.js';

const STANCES = SponsorshipStance.options;
/** Bucket rows: one per level rank, and the last for a posting with no level. */
const NO_LEVEL = SENIORITIES.length;

interface Compiled {
  watch: Watch;
  test: (facts: PostingFacts) => boolean;
}

/**
 * A team's watches, indexed so a posting is tried only against those that can match it: each
 * watch sits in the buckets (level rank × sponsorship stance) its level and sponsorship terms
 * allow, so a senior posting that does not sponsor never meets a watch for sponsorship or for
 * staff and above. The rest of each candidate's filter runs over facts worked out once.
 */
export class WatchIndex {
  private readonly buckets: Compiled[][];
  readonly size: number;

  constructor(watches: readonly Watch[]) {
    this.size = watches.length;
    this.buckets = Array.from({ length: (NO_LEVEL + 1) * STANCES.length }, () => []);
    for (const watch of watches) {
      const compiled: Compiled = { watch, test: compileFilter(watch.filter) };
      const ranks = levelRanks(watch);
      const stances = watch.filter.sponsorship ?? STANCES;
      for (const rank of ranks) for (const stance of stances) this.buckets[bucketOf(rank, stance)]?.push(compiled);
    }
  }

  /** The watches a posting matches. */
  matching(posting: Posting): Watch[] {
    const facts = postingFacts(posting);
    const bucket = this.buckets[bucketOf(facts.rank ?? NO_LEVEL, facts.stance)] ?? [];
    const out: Watch[] = [];
    for (const c of bucket) if (c.test(facts)) out.push(c.watch);
    return out;
  }
}

function bucketOf(rank: number, stance: SponsorshipStance): number {
  return rank * STANCES.length + STANCES.indexOf(stance);
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
