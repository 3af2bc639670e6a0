import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';

const clean = (s: string): string => cleanPosting(s).text;

// Building blocks of posting-like text: the cleaner's real input is lines of these kinds.
const word = fc.constantFrom(
  'build', 'data', 'team', 'systems', 'Python', 'customers', 'and', 'with', 'the', 'platform', 'Kafka', 'design',
  'ship', 'remote', 'our', 'you', 'will', 'Zürich', 'München', 'año', '日本語', 'équipe', 'über', 'naïve',
);
const words = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const sentence = words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}.`);
const bulletMark = fc.constantFrom('•', '·', '▪', '-', '*', '1.', '2)', '✅', '👉', '◦', '–', 'o');
const indent = fc.constantFrom('', '  ', '    ', '\t');
const heading = fc.constantFrom(
  'About the job', 'Basic Qualifications:', "What you'll do", 'Requirements', 'Benefits', 'WHAT WE OFFER', '🚀 About you', '## Nice to have',
);
const chromeLine = fc.constantFrom(
  'Apply', 'Save', 'Show more', '… more', 'Promoted by hirer • Responses managed off LinkedIn', 'Show match details',
  'Help me update my profile', 'BETA • Is this information helpful?', 'Back to jobs', 'Share this job', 'Skip to main content',
  'Powered by Greenhouse', 'Accept all', '© 2025 Example Inc. All rights reserved.', 'Careers', 'About', 'Accessibility',
);
const boilerplate = fc.constantFrom(
  'Example Corp is an equal opportunity employer.',
  'All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, or national origin.',
  'No agencies please.',
  'We will consider for employment qualified applicants with criminal histories in a manner consistent with applicable law.',
  'If you require a reasonable accommodation, please contact recruiting@example.com.',
  'Example Corp does not provide, endorse nor guarantee and is not liable for third-party products.',
);
const amount = fc.integer({ min: 20, max: 400 }).map((k) => `${k},${String(k * 7 % 1000).padStart(3, '0')}`);

/** A line carrying a protected fact, and the part of it that must survive cleaning. */
const protectedLine: fc.Arbitrary<{ line: string; core: string }> = fc.oneof(
  fc.tuple(amount, amount, words).map(([a, b, w]) => ({ line: `Salary: $${a} - $${b} per year ${w}`, core: `$${a} - $${b}` })),
  fc.tuple(amount, words).map(([a, w]) => ({ line: `${w} €${a} annual base`, core: `€${a}` })),
  fc.tuple(fc.integer({ min: 1, max: 15 }), words).map(([n, w]) => ({ line: `${n}+ years of experience with ${w}`, core: `${n}+ years of experience` })),
  fc.tuple(fc.integer({ min: 1, max: 15 }), words).map(([n, w]) => ({ line: `At least ${n} years of ${w}`, core: `${n} years of` })),
  words.map((w) => ({ line: `We are unable to sponsor visas for ${w}.`, core: 'unable to sponsor visas' })),
  words.map((w) => ({ line: `Candidates must be authorized to work in the US ${w}`, core: 'authorized to work in the US' })),
  words.map((w) => ({
    line: `Example Corp is an equal opportunity employer and will sponsor H-1B visas for ${w}.`,
    core: 'will sponsor H-1B visas',
  })),
);

const plainLine = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: words },
  { weight: 2, arbitrary: fc.tuple(indent, bulletMark, words).map(([i, b, w]) => `${i}${b} ${w}`) },
  { weight: 1, arbitrary: heading },
  { weight: 2, arbitrary: chromeLine },
  { weight: 1, arbitrary: boilerplate },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: words.map((w) => w.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\u00a0', '\u200b', '🙂', 'Senior Data Engineer', 'Capital One', 'Remote · 2 days ago') },
);

// Lines whose meaning depends on their neighbours: section labels, profile tails, flattened text,
// and markers after which a page is all chrome (those may drop what follows, so only in `posting`).
const layoutLine = fc.oneof(
  fc.constantFrom('Equal Opportunity', 'Employment type', 'Full-time', 'Location', 'Top Skills', 'What We Do', 'Why Work With Us', 'Hybrid Workspace'),
  fc.tuple(words, words, words).map(([a, b, c]) => `${a}   ${b}   ${c}   ${'More words to make the line long enough. '.repeat(5)}`),
);
const railMarker = fc.constantFrom('Set alert for similar jobs', 'About the company', '12,345 followers', 'More jobs', 'Apply for this job', 'First Name*');

const posting = fc
  .array(fc.oneof({ weight: 8, arbitrary: plainLine }, { weight: 2, arbitrary: layoutLine }, { weight: 1, arbitrary: railMarker }), { maxLength: 40 })
  .map((l) => l.join('\n'));

describe('cleaning properties', () => {
  it('is idempotent on posting-like text: cleaning the cleaned text changes nothing', () => {
    fc.assert(
      fc.property(posting, (text) => {
        const once = clean(text);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const once = clean(text);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never drops a line carrying a pay figure, a sponsorship statement or years of experience (outside a recognised rail)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plainLine, layoutLine), { maxLength: 30 }), fc.array(fc.tuple(protectedLine, fc.nat()), { minLength: 1, maxLength: 4 }), (lines, facts) => {
        const all = [...lines];
        for (const [fact, at] of facts) all.splice(at % (all.length + 1), 0, fact.line);
        const out = clean(all.join('\n'));
        for (const [fact] of facts) expect(out).toContain(fact.core);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        expect(typeof clean(text)).toBe('string');
        expect(typeof clean(new TextDecoder().decode(bytes))).toBe('string');
      }),
      { numRuns: 200 },
    );
  });

  it('handles whitespace only, one emoji, nested bullets and empty input', () => {
    expect(clean('')).toBe('');
    expect(clean(' \n\t\n\u00a0\r\n  ')).toBe('');
    expect(clean('🙂')).toBe('🙂');
    const nested = ['Requirements', '• Languages', '  ◦ Python', '    ▪ asyncio', '  ◦ Go', '• Cloud', '  - AWS'].join('\n');
    expect(clean(nested)).toBe(['Requirements', '• Languages', '• Python', '• asyncio', '• Go', '• Cloud', '• AWS'].join('\n'));
  });

  it('handles a 100,000-character line and 2 MB of text', () => {
    const longLine = 'a'.repeat(50_000) + ' $120,000 ' + '1'.repeat(49_990);
    expect(clean(longLine)).toContain('$120,000');
    const digits = '9'.repeat(100_000);
    expect(clean(digits)).toBe(digits);
    const dots = '.'.repeat(100_000);
    expect(clean(dots).length).toBe(100_000);
    const big = `Senior Engineer\n\n${'We build data systems with Python and Kafka. '.repeat(40)}\n`.repeat(1200);
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(clean(big).length).toBeGreaterThan(1_000_000);
  });
});
