import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { lineDiff, readFixture } from './golden.js';

function expectGolden(actual: string, expected: string): void {
  const diff = lineDiff(actual, expected);
  if (diff !== null) expect.fail(`cleaned text differs from the golden file (- golden, + actual):\n${diff}`);
}

describe('golden cleaned text of the seed postings', () => {
  it('cleans the LinkedIn page of seed 003 to the expected text, encoding repaired', () => {
    const raw = readFixture('seeds', '003-linkedin-capital-one-senior-mle.txt');
    const expected = readFixture('seeds', '003-linkedin-capital-one-senior-mle.expected-clean.txt');
    expectGolden(cleanPosting(raw).text, expected);
  });

  it.each([
    ['000-builtin-capital-one-sr-manager'],
    ['001-capital-one-sr-lead-plano'],
    ['002-jobboard-capital-one-senior-mle'],
  ])('cleans seed %s to its golden file', (name) => {
    const raw = readFixture('seeds', `${name}.txt`);
    const expected = readFixture('clean', 'seeds', `${name}.clean.txt`);
    expectGolden(cleanPosting(raw).text, expected);
  });
});
