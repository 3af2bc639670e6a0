import { Posting, type PayBand } from '../../src/posting.js';

/** A Posting with nothing known, overridden field by field; parsed so it is always valid. */
export function makePosting(overrides: Partial<Posting> = {}): Posting {
  return Posting.parse({
    title: null,
    company: null,
    level: { seniority: null, track: null, label: null },
    locations: [],
    workplace: null,
    employmentType: null,
    pay: [],
    sponsorship: { stance: 'unstated', evidence: null },
    requirements: { minYears: null, degree: null, skills: [], basic: [], preferred: [] },
    posted: null,
    source: { kind: 'paste', url: null, site: null },
    text: '',
    provenance: {},
    ...overrides,
  });
}

export function band(location: string | null, min: number, max: number | null, extra: Partial<PayBand> = {}): PayBand {
  return { location, min, max, currency: 'USD', period: 'year', note: null, ...extra };
}

/** Seed 003 as a careful reader extracts it (../shared/seeds/expected.json). */
export function capitalOneSeniorMle(): Posting {
  return makePosting({
    title: 'Senior Machine Learning Engineer',
    company: 'Capital One',
    level: { seniority: 'senior', track: 'ic', label: 'Senior' },
    locations: ['Cambridge, MA', 'McLean, VA', 'Richmond, VA'],
    employmentType: 'full-time',
    posted: '1 week ago',
    pay: [
      band('Cambridge, MA', 158600, 181000),
      band('McLean, VA', 158600, 181000),
      band('Richmond, VA', 144200, 164600),
    ],
    sponsorship: {
      stance: 'no',
      evidence: 'At this time, Capital One will not sponsor a new applicant for employment authorization, or offer any immigration related benefits for this position.',
    },
    requirements: {
      minYears: 4,
      degree: 'bachelor',
      skills: ['Python', 'Scala', 'Java', 'scikit-learn', 'PyTorch', 'Dask', 'Spark', 'TensorFlow', 'AWS', 'Azure', 'Google Cloud Platform'],
      basic: ["Bachelor's degree", 'At least 4 years of experience programming with Python, Scala, or Java'],
      preferred: [],
    },
    source: { kind: 'paste', url: null, site: 'linkedin' },
    text: 'Senior Machine Learning Engineer\n\nCapital One …',
  });
}
