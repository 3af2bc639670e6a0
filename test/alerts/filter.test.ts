import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainFilter } from '../../src/alerts/explain.js';
import { formatFilter, parseFilter, WatchFilter, type WatchFilter as Filter } from '../../src/alerts/filter.js';
import { matchesFilter } from '../../src/alerts/match.js';
import { SENIORITIES } from '../../src/posting.js';
import { band, capitalOneSeniorMle, makePosting } from '../card/make-posting.js';

function parsed(text: string): Filter {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error);
  return r.filter;
}
function problem(text: string): string {
  const r = parseFilter(text);
  if (r.ok) throw new Error(`expected ${text} not to parse`);
  return r.error;
}

describe('the watch filter language', () => {
  it("reads the issue's example and says it back in words", () => {
    const f = parsed('level:senior+ sponsorship:yes,considered place:"New York" remote pay:>=150k');
    expect(f).toEqual({
      levels: [{ at: 'senior', orAbove: true }],
      sponsorship: ['yes', 'considered'],
      places: { names: ['New York'], remote: true },
      pay: { min: 150000, currency: 'USD', period: 'year' },
    });
    expect(explainFilter(f)).toBe('Watching: senior or above, sponsorship yes or considered, New York or remote, pay from $150k a year');
    expect(formatFilter(f)).toBe('level:senior+ sponsorship:yes,considered place:"New York",remote pay:>=$150k');
  });

  it('reads pay floors in their own currency and period', () => {
    expect(parsed('pay:>=€60k').pay).toEqual({ min: 60000, currency: 'EUR', period: 'year' });
    expect(parsed('pay:45/hr').pay).toEqual({ min: 45, currency: 'USD', period: 'hour' });
    expect(parsed('pay:"CHF 120k a year"').pay).toEqual({ min: 120000, currency: 'CHF', period: 'year' });
    expect(parsed('salary:120kGBP/mo').pay).toEqual({ min: 120000, currency: 'GBP', period: 'month' });
    expect(parsed('pay:₹12L').pay).toEqual({ min: 1200000, currency: 'INR', period: 'year' });
    expect(parsed('pay:>=$158,625').pay).toEqual({ min: 158625, currency: 'USD', period: 'year' });
    expect(explainFilter(parsed('pay:>=45.50/hr'))).toBe('Watching: pay from $45.50 an hour');
  });

  it('keeps title words and skills as groups: commas are "or", repeated keys are "and"', () => {
    const f = parsed('title:"machine learning",ml skill:python skill:spark,flink');
    expect(f.title).toEqual([['machine learning', 'ml']]);
    expect(f.skills).toEqual([['python'], ['spark', 'flink']]);
    expect(explainFilter(f)).toBe('Watching: title with “machine learning” or “ml”, skill python, skill spark or flink');
  });

  it.each([
    ['', /empty/],
    ['lvl:senior', /“lvl” is not something I can watch/],
    ['level:wizard', /“wizard” is not a level/],
    ['sponsorship:perhaps', /not a sponsorship stance/],
    ['pay:lots', /not a pay floor/],
    ['senior', /needs a key/],
    ['place:"New York', /quote is not closed/],
    ['level:senior level:staff', /given twice/],
    ['title:,', /empty value|stray comma/],
  ])('answers %j with a short message showing the right form', (text, why) => {
    const error = problem(text);
    expect(error).toMatch(why);
    expect(error).toContain('The form is `level:senior+');
    expect(error.length).toBeLessThan(300);
  });
});

describe('matching a posting', () => {
  const mle = capitalOneSeniorMle();
  it('level at or above, or exactly', () => {
    expect(matchesFilter(parsed('level:senior+'), mle)).toBe(true);
    expect(matchesFilter(parsed('level:mid+'), mle)).toBe(true);
    expect(matchesFilter(parsed('level:staff+'), mle)).toBe(false);
    expect(matchesFilter(parsed('level:staff,senior'), mle)).toBe(true);
    expect(matchesFilter(parsed('level:senior+'), makePosting({ title: 'Engineer' }))).toBe(false);
  });
  it('sponsorship stances', () => {
    expect(matchesFilter(parsed('sponsorship:yes,considered'), mle)).toBe(false);
    expect(matchesFilter(parsed('visa:no'), mle)).toBe(true);
  });
  it('places as whole words, or remote', () => {
    expect(matchesFilter(parsed('place:Richmond'), mle)).toBe(true);
    expect(matchesFilter(parsed('place:Rich'), mle)).toBe(false);
    expect(matchesFilter(parsed('place:"New York" remote'), mle)).toBe(false);
    expect(matchesFilter(parsed('remote'), makePosting({ workplace: 'remote' }))).toBe(true);
    expect(matchesFilter(parsed('remote'), makePosting({ locations: ['Remote, US'] }))).toBe(true);
  });
  it('pay floor against the top of each band, in the same currency, per year', () => {
    expect(matchesFilter(parsed('pay:>=180k'), mle)).toBe(true);
    expect(matchesFilter(parsed('pay:>=182k'), mle)).toBe(false);
    expect(matchesFilter(parsed('pay:>=€100k'), mle)).toBe(false);
    const hourly = makePosting({ pay: [band(null, 60, 80, { period: 'hour' })] });
    expect(matchesFilter(parsed('pay:>=150k'), hourly)).toBe(true); // 80 × 2080 = 166,400
    expect(matchesFilter(parsed('pay:>=90/hr'), hourly)).toBe(false);
    expect(matchesFilter(parsed('pay:>=150k'), makePosting({}))).toBe(false);
  });
  it('title words and skills', () => {
    expect(matchesFilter(parsed('title:"machine learning"'), mle)).toBe(true);
    expect(matchesFilter(parsed('title:"data engineer",analyst'), mle)).toBe(false);
    expect(matchesFilter(parsed('skill:pytorch skill:scala'), mle)).toBe(true);
    expect(matchesFilter(parsed('skill:pytorch skill:rust'), mle)).toBe(false);
  });
});

/** Filters as a person could type them: values with no quotes, commas or colons, single spaces. */
const word = fc.stringMatching(/^[a-z0-9][a-z0-9+#.-]{0,9}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string, max: number): fc.Arbitrary<T[]> =>
  fc.uniqueArray(arb, { minLength: 1, maxLength: max, selector: key });
const amount = fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 100, max: 50_000 }).map((c) => c / 100));
const filterArb: fc.Arbitrary<Filter> = fc
  .record(
    {
      levels: uniqueBy(fc.record({ at: fc.constantFrom(...SENIORITIES), orAbove: fc.boolean() }), (l) => `${l.at}${l.orAbove}`, 3),
      sponsorship: uniqueBy(fc.constantFrom('yes', 'considered', 'no', 'unstated' as const), (s) => s, 4),
      places: fc
        .record({ names: fc.uniqueArray(phrase.filter((p) => p !== 'remote'), { maxLength: 3 }), remote: fc.boolean() })
        .filter((p) => p.names.length > 0 || p.remote),
      pay: fc.record({
        min: amount,
        currency: fc.constantFrom('USD', 'EUR', 'GBP', 'INR', 'CHF', 'CAD', 'JPY', 'SEK', 'AUD'),
        period: fc.constantFrom('year', 'month', 'week', 'day', 'hour' as const),
      }),
      title: fc.array(uniqueBy(phrase, (p) => p, 3), { minLength: 1, maxLength: 2 }),
      skills: fc.array(uniqueBy(word, (w) => w, 3), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((f) => WatchFilter.safeParse(f).success);

describe('parse ↔ format ↔ explain (fast-check)', () => {
  it('a filter written in its canonical form reads back to the same filter and the same words', () => {
    fc.assert(
      fc.property(filterArb, (f) => {
        const text = formatFilter(f);
        const back = parseFilter(text);
        expect(back).toEqual({ ok: true, filter: f });
        if (back.ok) expect(explainFilter(back.filter)).toBe(explainFilter(f));
      }),
      { numRuns: 500 },
    );
  });

  it('anything typed either reads or gets the short message, never a throw', () => {
    const typed = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom('level:', 'senior+', 'pay:', '>=', '150k', '"', ',', ' ', 'remote', 'place:', 'x'), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(typed, (text) => {
        const r = parseFilter(text);
        if (r.ok) expect(parseFilter(formatFilter(r.filter))).toEqual(r);
        else expect(r.error).toMatch(/^I couldn't read that filter: .+ The form is/);
      }),
      { numRuns: 1000 },
    );
  });
});
