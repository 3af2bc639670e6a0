import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Posting } from '../../src/posting.js';

/**
 * The hand-written labels of our posting fixtures (fixtures/postings, fixtures/heldout): each
 * `name.txt` beside a `name.expected.json` giving what the extractor should find.
 */

/** A pay band as a label writes it. */
export interface ExpectedBand {
  location: string | null;
  min: number;
  max: number | null;
  currency: string;
  period: string;
}

/**
 * What a labelled posting should give. The held-out labels state only the fields they are
 * scored on; fixtures/postings labels also give the track, the skills and the posting date.
 */
export interface ExpectedPosting {
  title: string | null;
  company: string | null;
  level: { seniority: string | null; track?: string | null };
  locations: string[];
  workplace: string | null;
  employmentType: string | null;
  pay: ExpectedBand[];
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
  skills?: string[];
  posted?: string | null;
}

export interface LabelledCase<T extends ExpectedPosting = ExpectedPosting> {
  name: string;
  raw: string;
  want: T;
}

/** Every labelled posting in a folder, by name. */
export function loadLabelled<T extends ExpectedPosting = ExpectedPosting>(dir: string): LabelledCase<T>[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const name = f.slice(0, -4);
    return {
      name,
      raw: readFileSync(path.join(dir, f), 'utf8'),
      want: JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as T,
    };
  });
}

/**
 * The extracted bands in the shape of the label. A band the posting gives once may be pinned to
 * its only place or left for everywhere: where the label leaves it for everywhere, either reads right.
 */
export function payAsLabelled(p: Posting, want: readonly ExpectedBand[]): ExpectedBand[] {
  return p.pay.map((b, i) => ({
    location: want[i]?.location === null && (b.location === null || p.locations.includes(b.location)) ? null : b.location,
    min: b.min, max: b.max, currency: b.currency, period: b.period,
  }));
}
