import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFilter, WatchFilter } from '../../src/alerts/filter.js';
import { matchesFilter } from '../../src/alerts/match.js';
import type { Watch } from '../../src/alerts/memory.js';
import { WatchIndex } from '../../src/alerts/watch-index.js';
import { SENIORITIES, type Posting } from '../../src/posting.js';
import { band, capitalOneSeniorMle, makePosting } from '../card/make-posting.js';

const PLACES = ['New York', 'New York, NY', 'Richmond, VA', 'San Francisco Bay Area', 'London', 'Remote', 'Austin, TX'];
const WORDS = ['senior', 'data', 'engineer', 'machine learning', 'lead', 'platform engineer', 'analyst'];
const SKILLS = ['Python', 'Go', 'Kafka', 'AWS', 'Rust'];
const STANCES = ['yes', 'considered', 'no', 'unstated'] as const;

const filterArb = fc
  .record(
    {
      levels: fc.uniqueArray(fc.record({ at: fc.constantFrom(...SENIORITIES), orAbove: fc.boolean() }), { minLength: 1, maxLength: 2, selector: (l) => `${l.at}${l.orAbove}` }),
      sponsorship: fc.uniqueArray(fc.constantFrom(...STANCES), { minLength: 1, maxLength: 3 }),
      places: fc.record({ names: fc.uniqueArray(fc.constantFrom('New York', 'Richmond', 'san francisco bay area', 'London', 'York'), { maxLength: 2 }), remote: fc.boolean() }).filter((p) => p.names.length > 0 || p.remote),
      pay: fc.record({ min: fc.integer({ min: 40, max: 250 }).map((k) => k * 1000), currency: fc.constantFrom('USD', 'EUR'), period: fc.constantFrom('year', 'hour' as const) }),
      title: fc.array(fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
      skills: fc.array(fc.uniqueArray(fc.constantFrom('python', 'go', 'kafka', 'rust'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((f) => WatchFilter.safeParse(f).success);

const postingArb: fc.Arbitrary<Posting> = fc
  .record({
    title: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))),
    seniority: fc.option(fc.constantFrom(...SENIORITIES)),
    stance: fc.constantFrom(...STANCES),
    locations: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 3 }),
    remote: fc.boolean(),
    pay: fc.array(fc.record({ min: fc.integer({ min: 20, max: 200 }), currency: fc.constantFrom('USD', 'EUR'), hourly: fc.boolean() }), { maxLength: 2 }),
    skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
  })
  .map((p) =>
    makePosting({
      title: p.title,
      level: { seniority: p.seniority, track: null, label: null },
      sponsorship: { stance: p.stance, evidence: null },
      locations: p.locations,
      workplace: p.remote ? 'remote' : null,
      pay: p.pay.map((b) => band(null, p.pay.length && b.hourly ? b.min : b.min * 1000, null, { currency: b.currency, period: b.hourly ? 'hour' : 'year' })),
      requirements: { minYears: null, degree: null, skills: p.skills, basic: [], preferred: [] },
    }),
  );

function watchOf(filter: WatchFilter, i: number): Watch {
  return { id: i + 1, platform: 'slack', team: 'T', user: `U${i}`, filter, text: formatFilter(filter), createdAt: '2026-12-01T00:00:00Z' };
}

describe('the watch index', () => {
  it('finds exactly the watches a scan of every filter finds (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(filterArb, { minLength: 1, maxLength: 40 }), fc.array(postingArb, { minLength: 1, maxLength: 5 }), (filters, postings) => {
        const watches = filters.map(watchOf);
        const index = new WatchIndex(watches);
        for (const posting of postings) {
          const found = index.matching(posting).map((w) => w.user).sort();
          const scanned = watches.filter((w) => matchesFilter(w.filter, posting)).map((w) => w.user).sort();
          expect(found).toEqual(scanned);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('files a watch under its place, and finds it through any phrase of the posting\'s places', () => {
    const index = new WatchIndex([watchOf({ places: { names: ['Richmond'], remote: false }, levels: [{ at: 'senior', orAbove: true }] }, 0)]);
    expect(index.matching(capitalOneSeniorMle())).toHaveLength(1);
    expect(index.matching(makePosting({ locations: ['Richmond, VA'] }))).toHaveLength(0);
  });
});
