import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import type { Posting } from '../../src/posting.js';
import { payAsLabelled, type ExpectedPosting, type LabelledCase } from './expected.js';

/**
 * Held-out postings (fixtures/heldout): labelled by hand before the extractor first saw them.
 * Shared by the field-by-field test and the score printed in fixtures/heldout/README.md.
 */
export const HELDOUT_FIELDS = [
  'title', 'company', 'level', 'locations', 'workplace', 'employmentType', 'pay', 'sponsorship', 'minYears', 'degree',
] as const;
export type HeldoutField = (typeof HELDOUT_FIELDS)[number];

/** The field as extracted, in the shape of the label (a band once given may be pinned to its only place). */
export function actualField(p: Posting, want: ExpectedPosting, field: HeldoutField): unknown {
  switch (field) {
    case 'title': return p.title;
    case 'company': return p.company;
    case 'level': return { seniority: p.level.seniority };
    case 'locations': return p.locations;
    case 'workplace': return p.workplace;
    case 'employmentType': return p.employmentType;
    case 'pay': return payAsLabelled(p, want.pay);
    case 'sponsorship': return p.sponsorship.stance;
    case 'minYears': return p.requirements.minYears;
    case 'degree': return p.requirements.degree;
  }
}

export function expectedField(want: ExpectedPosting, field: HeldoutField): unknown {
  return field === 'level' ? { seniority: want.level.seniority } : want[field];
}

export function extractHeldout(c: LabelledCase): Posting {
  return extractPosting(cleanPosting(c.raw).text);
}
