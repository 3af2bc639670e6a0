import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabelled } from './expected.js';
import { HELDOUT_FIELDS, actualField, expectedField, extractHeldout, type HeldoutField } from './heldout-score.js';

/**
 * Held-out postings (fixtures/heldout): kinds and sources the extractor was not written
 * against, labelled by hand before its first run on them. Field by field, so a failure names
 * the field. The few labels it still misses are listed here with the reason and checked to
 * still differ, so a fix shows up as a failing "known miss" to move into the passing set.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/heldout');
const cases = loadLabelled(dir);

const KNOWN_MISSES: Readonly<Record<string, readonly HeldoutField[]>> = {
  // "College diploma or university degree": the lowest accepted is a diploma, which the contract has no value for.
  'canada-bilingual-support': ['degree'],
  // "new graduates welcome to apply" reads as entry level; the label keeps a nurse's level unstated.
  // Nothing in the text says the ward job is on site.
  'hospital-nurse-nights': ['level', 'workplace'],
  // USAJobs prints the department above the hiring agency; both look like company lines.
  'usajobs-it-specialist': ['company'],
};

describe('held-out postings', () => {
  it('has at least 20 postings, each labelled', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const p = extractHeldout(c);
      for (const field of HELDOUT_FIELDS) {
        const miss = KNOWN_MISSES[c.name]?.includes(field) === true;
        (miss ? it.fails : it)(`${field}${miss ? ' (known miss)' : ''}`, () => {
          expect(actualField(p, c.want, field)).toEqual(expectedField(c.want, field));
        });
      }
    });
  }
});
