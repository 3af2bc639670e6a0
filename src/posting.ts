import { z } from 'zod';

/**
 * The Posting contract (../shared/DESIGN.md, "The Posting contract").
 * This schema is the single source of the type; field names are public and change only
 * with a note on the issue.
 */

export const SENIORITIES = [
  'intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'lead',
  'manager', 'senior-manager', 'director', 'vp', 'executive',
] as const;
export const Seniority = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof Seniority>;

export const Track = z.enum(['ic', 'manager']);
export type Track = z.infer<typeof Track>;

export const Level = z.object({
  seniority: Seniority.nullable(),
  track: Track.nullable(),
  /** The wording that decided it ("Sr. Lead", "8+ years required"). */
  label: z.string().nullable(),
});
export type Level = z.infer<typeof Level>;

export const Workplace = z.enum(['remote', 'hybrid', 'onsite']);
export type Workplace = z.infer<typeof Workplace>;

export const EmploymentType = z.enum(['full-time', 'part-time', 'contract', 'internship', 'temporary']);
export type EmploymentType = z.infer<typeof EmploymentType>;

export const PayPeriod = z.enum(['year', 'month', 'week', 'day', 'hour']);
export type PayPeriod = z.infer<typeof PayPeriod>;

export const PayBand = z
  .object({
    /** The place this band prices; null when it applies everywhere. */
    location: z.string().nullable(),
    /** Amounts in currency units (181k → 181000); max null for a floor ("$120,000+"). */
    min: z.number().positive(),
    max: z.number().positive().nullable(),
    /** ISO 4217. */
    currency: z.string().regex(/^[A-Z]{3}$/),
    period: PayPeriod,
    /** What qualifies the band ("up to", "base salary", "for Sr. Lead Machine Learning Engineer"). */
    note: z.string().nullable(),
  })
  .refine((b) => b.max === null || b.min <= b.max, { message: 'pay min must not exceed max' });
export type PayBand = z.infer<typeof PayBand>;

export const SponsorshipStance = z.enum(['yes', 'considered', 'no', 'unstated']);
export type SponsorshipStance = z.infer<typeof SponsorshipStance>;

export const Sponsorship = z.object({
  stance: SponsorshipStance,
  /** The sentence that decided it; null when unstated. */
  evidence: z.string().nullable(),
});
export type Sponsorship = z.infer<typeof Sponsorship>;

export const Degree = z.enum(['associate', 'bachelor', 'master', 'phd']);
export type Degree = z.infer<typeof Degree>;

export const Requirements = z.object({
  minYears: z.number().int().nonnegative().nullable(),
  degree: Degree.nullable(),
  skills: z.array(z.string()),
  basic: z.array(z.string()),
  preferred: z.array(z.string()),
});
export type Requirements = z.infer<typeof Requirements>;

export const SourceKind = z.enum(['paste', 'link']);
export const Source = z.object({
  kind: SourceKind,
  url: z.string().nullable(),
  site: z.string().nullable(),
});
export type Source = z.infer<typeof Source>;

/**
 * Where a field came from: the line of the cleaned text, or the structured field of a
 * source (`jsonld:baseSalary`, `linkedin:criteria`). An addition to the contract's fields.
 */
export const Provenance = z.object({
  from: z.enum(['text', 'structured', 'inferred']),
  line: z.string().nullable(),
  detail: z.string().nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Posting = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  level: Level,
  locations: z.array(z.string()),
  workplace: Workplace.nullable(),
  employmentType: EmploymentType.nullable(),
  pay: z.array(PayBand),
  sponsorship: Sponsorship,
  requirements: Requirements,
  posted: z.string().nullable(),
  source: Source,
  text: z.string(),
  provenance: z.record(z.string(), Provenance).default({}),
});
export type Posting = z.infer<typeof Posting>;

/**
 * Facts a source gives as data (an ATS API, JSON-LD, LinkedIn's criteria list). They win over
 * what the text suggests; the text fills the rest.
 */
export const StructuredFacts = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  level: Level.partial(),
  locations: z.array(z.string()),
  workplace: Workplace.nullable(),
  employmentType: EmploymentType.nullable(),
  pay: z.array(PayBand),
  posted: z.string().nullable(),
}).partial();
export type StructuredFacts = z.infer<typeof StructuredFacts>;
