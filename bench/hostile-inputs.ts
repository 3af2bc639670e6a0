/**
 * Pastes built to make the core's patterns backtrack: long runs of the characters and words the
 * patterns repeat (capitals, separators, digits, currency words and codes, bullets, brackets),
 * each alone and inside a posting, so every step (clean, detect, each field, the card) sees them
 * where it looks. test/extract/pathological.test.ts runs every step on them with a hang guard;
 * `npm run bench hostile` (bench/hostile.ts) times each step on them against a normal posting.
 * This module imports nothing of the core, so a test can list the inputs before loading it.
 */

export interface HostileInput {
  name: string;
  text: string;
}

const HEAD = 'Acme Robotics\nSenior Backend Engineer\nAustin, TX · Hybrid\n\nAbout the job\n\nWe are hiring for our platform team.\n\n';
const TAIL = "\n\nRequirements:\n• 5+ years of experience with Python\n• Bachelor's degree\n\nPay: $150,000 - $180,000 per year. We will not sponsor visas.\n";

/** A hostile line inside a posting, and on its own: the title block and the body read differently. */
function both(name: string, line: string): HostileInput[] {
  return [
    { name, text: `${HEAD}${line}${TAIL}` },
    { name: `${name} (alone)`, text: line },
  ];
}

const lines = (line: string, count: number): string => Array.from({ length: count }, () => line).join('\n');

/** The fixed hostile inputs (each at most about 100,000 characters, a paste Slack accepts). */
export function hostileInputs(): HostileInput[] {
  return [
    // The audit's pastes: capitals after a title, a currency code over and over, long pay text.
    // Its 400-byte paste had the capitals line in the body, where a title is looked for on a
    // line of its own and in sentences (the title block above it holds only the company).
    {
      name: 'the audit paste: 40 capitals on a title line in the body',
      text: `Acme Corp\n\nAbout the job\n\nWe are hiring for our platform team in Austin, TX. Full-time, hybrid.\n\nSenior Engineer ${'A'.repeat(40)} x\n${TAIL}`,
    },
    ...both('title then 40 capitals', `Senior Engineer ${'A'.repeat(40)} x`),
    ...both('title then 50,000 capitals', `Senior Engineer ${'A'.repeat(50_000)} x`),
    ...both('USD x 4,000', 'USD '.repeat(4_000)),
    ...both('pay bands x 400 on one line', `Pay: ${'$100,000 - $120,000 in New York, NY; '.repeat(400)}`),
    ...both('pay lines x 2,000', lines('New York, NY: $100,000 - $120,000 per year', 2_000)),
    // Runs of what title, company and level patterns repeat.
    ...both('capitalised words x 10,000', `The ${'Aa '.repeat(10_000)}x`),
    ...both('title words then no verb', `The ${'Vice President, '.repeat(3_000)}x`),
    ...both('role nouns x 5,000', `${'Engineer Manager '.repeat(5_000)}.`),
    ...both('hiring x 3,000', `Hiring: ${'Engineer at Acme | '.repeat(3_000)}`),
    ...both('page title parts', `${'a hiring '.repeat(2_000)}${' in x'.repeat(2_000)} | LinkedIn!`),
    ...both('at x 5,000', `${'Engineer at '.repeat(5_000)}x`),
    ...both('labels x 5,000', 'Title: '.repeat(5_000)),
    ...both('capital words then colon', `${'Aa '.repeat(5_000)}:x`),
    // One long capitalised run before the word a company or city pattern waits for.
    ...both('capitalised run then will', `${'Aa'.repeat(15_000)} will`),
    ...both('capitalised run then is', `${'Aa'.repeat(15_000)} is`),
    ...both('capitalised run then a state', `${'Aa'.repeat(15_000)}, XY`),
    // Separators, spaces and bullets.
    ...both('pipes x 10,000', ' | '.repeat(10_000)),
    ...both('dashes x 10,000', ' - '.repeat(10_000)),
    ...both('dots and slashes', ' · / '.repeat(10_000)),
    ...both('commas x 20,000', 'a, '.repeat(20_000)),
    ...both('spaces x 50,000', `a${' '.repeat(50_000)}x`),
    ...both('tabs x 50,000', `a${'\t'.repeat(50_000)}x`),
    ...both('bullets on one line', '• '.repeat(20_000)),
    { name: 'bullet lines x 10,000', text: `${HEAD}${lines('• a', 10_000)}${TAIL}` },
    { name: 'blank lines x 50,000', text: `${HEAD}${'\n'.repeat(50_000)}x${TAIL}` },
    { name: 'short lines x 20,000', text: `${HEAD}${lines('Engineer', 20_000)}${TAIL}` },
    // Digits, money and years.
    ...both('digits x 50,000', '1'.repeat(50_000)),
    ...both('grouped digits', `$${'1,'.repeat(20_000)}0`),
    ...both('dollar amounts x 10,000', '$1 '.repeat(10_000)),
    ...both('ranges x 5,000', '$1 - '.repeat(5_000)),
    ...both('k amounts x 5,000', '100k-'.repeat(5_000)),
    ...both('currency words x 2,000', 'dollars euros GBP £ € $ per year '.repeat(2_000)),
    ...both('years x 5,000', '5+ years '.repeat(5_000)),
    ...both('visa words x 5,000', 'no H-1B/ '.repeat(5_000)),
    // No spaces at all, brackets, and mojibake.
    ...both("'a' x 50,000", 'a'.repeat(50_000)),
    ...both('a URL of 40,000', `https://example.com/${'a/'.repeat(20_000)}`),
    ...both('open brackets', `${'('.repeat(20_000)}${')'.repeat(20_000)}`),
    ...both('bracket pairs', '(a'.repeat(20_000)),
    ...both('mojibake x 20,000', 'â€™'.repeat(20_000)),
    ...both('Ã x 50,000', 'Ã'.repeat(50_000)),
    ...both('zero-width x 50,000', `a${'\u200b'.repeat(50_000)}b`),
    ...both('mentions x 5,000', '<@U123ABC> '.repeat(5_000)),
  ];
}

/**
 * A hostile line from one character the static checker (scripts/regex-check.ts) says a
 * pattern trades with itself: the character repeated, then one that ends no match.
 */
export function attackInput(char: string, length = 20_000): HostileInput[] {
  const run = char.repeat(Math.ceil(length / Math.max(1, char.length)));
  return both(`${JSON.stringify(char)} x ${length.toLocaleString('en')}`, `${run}\u0001`);
}

