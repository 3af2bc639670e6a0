import { SENIORITIES, type PayPeriod, type Posting } from '../posting.js';
import type { WatchFilter } from './filter.js';

/** Periods a year holds: a band and a floor are compared as yearly amounts in their own currency. */
export const PERIODS_PER_YEAR: Readonly<Record<PayPeriod, number>> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

const RANK: ReadonlyMap<string, number> = new Map(SENIORITIES.map((s, i) => [s, i]));

/**
 * The facts of a posting a filter reads, worked out once per posting however many watches are
 * tried against it: its level's rank, its places and title as lowercase words, its skills, and
 * the top of each pay band per currency, per year.
 */
export interface PostingFacts {
  rank: number | null;
  stance: Posting['sponsorship']['stance'];
  remote: boolean;
  /** Every place the posting names (locations and priced places), lowercase, spaced: ` new york ny `. */
  places: string;
  /** The title's words, spaced: ` senior data engineer `. */
  title: string;
  skills: ReadonlySet<string>;
  /** Highest yearly pay the posting offers, by currency. */
  topPay: ReadonlyMap<string, number>;
}

/** A text as lowercase words with a space either side, so ` new york ` is found as whole words. */
export function spaced(text: string): string {
  return ` ${(text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? []).join(' ')} `;
}

export function postingFacts(posting: Posting): PostingFacts {
  const places = [...posting.locations, ...posting.pay.map((b) => b.location ?? '')].join(' ');
  const topPay = new Map<string, number>();
  for (const band of posting.pay) {
    const yearly = (band.max ?? band.min) * PERIODS_PER_YEAR[band.period];
    if (yearly > (topPay.get(band.currency) ?? 0)) topPay.set(band.currency, yearly);
  }
  return {
    rank: posting.level.seniority === null ? null : (RANK.get(posting.level.seniority) ?? null),
    stance: posting.sponsorship.stance,
    remote: posting.workplace === 'remote' || posting.locations.some((l) => /\bremote\b/i.test(l)),
    places: spaced(places),
    title: spaced(posting.title ?? ''),
    skills: new Set(posting.requirements.skills.map((s) => s.toLowerCase())),
    topPay,
  };
}

/** A filter compiled to a test over posting facts: every condition it states must hold. */
export function compileFilter(filter: WatchFilter): (facts: PostingFacts) => boolean {
  const tests: Array<(f: PostingFacts) => boolean> = [];
  if (filter.levels) {
    const terms = filter.levels.map((l) => ({ rank: RANK.get(l.at) ?? 0, orAbove: l.orAbove }));
    tests.push((f) => f.rank !== null && terms.some((t) => (t.orAbove ? f.rank! >= t.rank : f.rank === t.rank)));
  }
  if (filter.sponsorship) {
    const stances = new Set(filter.sponsorship);
    tests.push((f) => stances.has(f.stance));
  }
  if (filter.places) {
    const names = filter.places.names.map(spaced).filter((n) => n.trim() !== '');
    const remote = filter.places.remote;
    tests.push((f) => (remote && f.remote) || names.some((n) => f.places.includes(n)));
  }
  if (filter.pay) {
    const { currency } = filter.pay;
    const floor = filter.pay.min * PERIODS_PER_YEAR[filter.pay.period];
    tests.push((f) => (f.topPay.get(currency) ?? 0) >= floor);
  }
  for (const group of filter.title ?? []) {
    const phrases = group.map(spaced);
    tests.push((f) => phrases.some((p) => f.title.includes(p)));
  }
  for (const group of filter.skills ?? []) {
    const skills = group.map((s) => s.toLowerCase());
    tests.push((f) => skills.some((s) => f.skills.has(s)));
  }
  return (f) => tests.every((t) => t(f));
}

/** Whether a posting passes a filter (one posting, one filter; WatchIndex does many at once). */
export function matchesFilter(filter: WatchFilter, posting: Posting): boolean {
  return compileFilter(filter)(postingFacts(posting));
}
