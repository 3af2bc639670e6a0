import fc from 'fast-check';
import type { CardContext, PersonRef } from '../../src/card/types.js';
import { Posting, type PayBand } from '../../src/posting.js';

/** Pieces a hostile or careless posting may contain. */
export const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '@everyone', '@here', '@channel', '<@U012ABCDEF>', '<@123456789012345678>',
  '<@&123456789012345678>', '<#C024BE91L>', '<#123456789012345678>', '</jd:123456789012345678>', '<t:1700000000:R>',
  '<https://evil.example|click me>', '[click](https://evil.example)', '&amp;', '&lt;', '&', '<', '>', '*', '_', '~', '`',
  '```', '|', '||spoiler||', '\\', '\\\\', '# Heading', '\n> quote', '\n- item', '\n1. first', '😀', '👩🏽‍💻', '\u200b', '\r\n',
  ':page_facing_up:', 'ÿ', '\ud83d',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Short or enormous text made of hostile pieces, sometimes repeated thousands of times. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 12 }).map((a) => a.join(' ')) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 4000 }))
      .map(([a, n]) => a.join('').repeat(n)),
  },
);

const amount = fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.01, max: 1e6, noNaN: true }));

const payBand: fc.Arbitrary<PayBand> = fc.record({
  location: fc.option(hostileText, { nil: null }),
  min: amount,
  span: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'INR', 'CAD', 'CHF', 'ZAR'),
  period: fc.constantFrom('year', 'month', 'week', 'day', 'hour'),
  note: fc.option(fc.oneof(fc.constantFrom('up to', 'OTE', 'base salary'), hostileText), { nil: null }),
}).map(({ span, ...b }) => ({ ...b, max: span === null ? null : b.min + span }));

export const posting: fc.Arbitrary<Posting> = fc.record({
  title: fc.option(hostileText, { nil: null }),
  company: fc.option(hostileText, { nil: null }),
  level: fc.record({
    seniority: fc.option(fc.constantFrom('intern', 'senior', 'lead', 'senior-manager', 'vp'), { nil: null }),
    track: fc.option(fc.constantFrom('ic', 'manager'), { nil: null }),
    label: fc.option(hostileText, { nil: null }),
  }),
  locations: fc.array(hostileText, { maxLength: 30 }),
  workplace: fc.option(fc.constantFrom('remote', 'hybrid', 'onsite'), { nil: null }),
  employmentType: fc.option(fc.constantFrom('full-time', 'contract'), { nil: null }),
  pay: fc.array(payBand, { maxLength: 40 }),
  sponsorship: fc.record({
    stance: fc.constantFrom('yes', 'considered', 'no', 'unstated'),
    evidence: fc.option(hostileText, { nil: null }),
  }),
  requirements: fc.record({
    minYears: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    degree: fc.option(fc.constantFrom('associate', 'bachelor', 'master', 'phd'), { nil: null }),
    skills: fc.array(hostileText, { maxLength: 50 }),
    basic: fc.array(hostileText, { maxLength: 20 }),
    preferred: fc.constant([]),
  }),
  posted: fc.option(hostileText, { nil: null }),
  source: fc.record({
    kind: fc.constantFrom('paste', 'link'),
    url: fc.option(fc.oneof(fc.webUrl(), hostileText, fc.constant(`https://example.com/${'a'.repeat(5000)}`)), { nil: null }),
    site: fc.option(fc.oneof(fc.constantFrom('linkedin', 'lever'), hostileText), { nil: null }),
  }),
  text: fc.constant(''),
  provenance: fc.constant({}),
}).map((p) => Posting.parse(p));

const person = (platform: PersonRef['platform']): fc.Arbitrary<PersonRef> => fc.record({
  platform: fc.constant(platform),
  id: fc.option(fc.oneof(fc.constantFrom('U012ABCDEF', '123456789012345678'), hostileText), { nil: null }),
  name: fc.option(hostileText, { nil: null }),
});

export const context = (platform: PersonRef['platform']): fc.Arbitrary<CardContext> => fc.record({
  sharedBy: person(platform),
  sharedBefore: fc.record({
    by: person(platform),
    channelId: fc.option(fc.oneof(fc.constantFrom('C024BE91L', '123456789012345678'), hostileText), { nil: null }),
    at: fc.oneof(fc.constant('2026-11-20T10:00:00Z'), hostileText),
    link: fc.option(fc.oneof(fc.webUrl(), hostileText), { nil: null }),
  }),
  fullTextEmoji: fc.oneof(fc.constant('page_facing_up'), hostileText),
}, { requiredKeys: [] });
