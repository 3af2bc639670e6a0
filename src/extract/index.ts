import { Posting, type Source, type StructuredFacts } from '../posting.js';

// Placeholder until extraction lands (issue 3): everything unknown, nothing invented.
export interface ExtractOptions {
  source?: Source;
  structured?: StructuredFacts;
}
export function extractPosting(text: string, opts: ExtractOptions = {}): Posting {
  const s = opts.structured ?? {};
  return Posting.parse({
    title: s.title ?? null,
    company: s.company ?? null,
    level: { seniority: s.level?.seniority ?? null, track: s.level?.track ?? null, label: s.level?.label ?? null },
    locations: s.locations ?? [],
    workplace: s.workplace ?? null,
    employmentType: s.employmentType ?? null,
    pay: s.pay ?? [],
    sponsorship: { stance: 'unstated', evidence: null },
    requirements: { minYears: null, degree: null, skills: [], basic: [], preferred: [] },
    posted: s.posted ?? null,
    source: opts.source ?? { kind: 'paste', url: null, site: null },
    text,
  });
}
