import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import type { Posting } from '../../src/posting.js';

/**
 * Held-out postings (fixtures/heldout): labelled by hand before the extractor first saw them.
 * Shared by the field-by-field test and the score printed in fixtures/heldout/README.md.
 */
export interface HeldoutExpected {
  title: string | null;
  company: string | null;
  level: { seniority: string | null };
  locations: string[];
  workplace: string | null;
  employmentType: string | null;
  pay: { location: string | null; min: number; max: number | null; currency: string; period: string }[];
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
}

export const HELDOUT_FIELDS = [
  'title', 'company', 'level', 'locations', 'workplace', 'employmentType', 'pay', 'sponsorship', 'minYears', 'degree',
] as const;
export type HeldoutField = (typeof HELDOUT_FIELDS)[number];

export interface HeldoutCase { name: string; raw: string; want: HeldoutExpected }

export function loadHeldout(dir: string): HeldoutCase[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const name = f.slice(0, -4);
    return {
      name,
      raw: readFileSync(path.join(dir, f), 'utf8'),
      want: JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as HeldoutExpected,
    };
  });
}

/** The field as extracted, in the shape of the label (a band once given may be pinned to its only place). */
export function actualField(p: Posting, want: HeldoutExpected, field: HeldoutField): unknown {
  switch (field) {
    case 'title': return p.title;
    case 'company': return p.company;
    case 'level': return { seniority: p.level.seniority };
    case 'locations': return p.locations;
    case 'workplace': return p.workplace;
    case 'employmentType': return p.employmentType;
    case 'pay': return p.pay.map((b, i) => ({
      location: want.pay[i]?.location === null && (b.location === null || p.locations.includes(b.location)) ? null : b.location,
      min: b.min, max: b.max, currency: b.currency, period: b.period,
    }));
    case 'sponsorship': return p.sponsorship.stance;
    case 'minYears': return p.requirements.minYears;
    case 'degree': return p.requirements.degree;
  }
}

export function expectedField(want: HeldoutExpected, field: HeldoutField): unknown {
  return field === 'level' ? { seniority: want.level.seniority } : want[field];
}

export function extractHeldout(c: HeldoutCase): Posting {
  return extractPosting(cleanPosting(c.raw).text);
}
