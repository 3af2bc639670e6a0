import { Posting, type Provenance, type Source, type StructuredFacts } from '../posting.js';
import { extractCompany } from './company.js';
import { readCriteria } from './criteria.js';
import { extractEmploymentType } from './employment.js';
import { evidenceNeedle, evidenceSpan, found, provenanceOf, type Found } from './found.js';
import { extractLevel } from './level.js';
import { extractLocations, normalizePlace } from './locations.js';
import { extractPay } from './pay.js';
import { extractPosted } from './posted.js';
import { extractDegree, extractMinYears, qualificationLines } from './requirements.js';
import { extractSkills } from './skills.js';
import { extractSponsorship } from './sponsorship.js';
import { cleanTitle, extractTitle } from './title.js';
import { extractWorkplace } from './workplace.js';

/**
 * From the cleaned posting text to the Posting contract. One extractor per field; a source's
 * structured facts (an ATS's fields, JSON-LD) win over what the text suggests, and every
 * field records where it came from so `--explain` and the card can say why.
 */
export interface ExtractOptions {
  source?: Source;
  structured?: StructuredFacts;
}

function fromStructured<T>(value: T | null | undefined, field: string): Found<T> | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return found(value, null, `structured:${field}`, 'structured');
}

// The weight a name needs when the source says it never names the company: several plain
// statements and repeats ("At Hinge, we", "Hinge is …", a dozen mentions), never one "BI tools".
const SILENT_SOURCE_SCORE = 45;

// Postings are a few kB; a cap keeps pathological input (a whole site pasted) bounded.
const MAX_TEXT = 200_000;

export function extractPosting(text: string, opts: ExtractOptions = {}): Posting {
  const s = opts.structured ?? {};
  const scan = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const provenance: Record<string, Provenance> = {};
  const needles: Record<string, string | null> = {};
  const keep = <T>(field: string, f: Found<T>): T => {
    if (f.line !== null || f.detail !== null) provenance[field] = provenanceOf(f);
    needles[field] = evidenceNeedle(f.value);
    return f.value;
  };

  // A reader that knows the source never names the company (Lever's API) says so with null:
  // the text's guess ("BI" from "BI tools") is then not taken.
  const company = keep('company', fromStructured(s.company, 'company') ?? extractCompany(scan, s.company === null ? SILENT_SOURCE_SCORE : 0));
  // A page's own title field can still carry site noise ("… | LinkedIn").
  const title = keep('title', fromStructured(s.title ? cleanTitle(s.title) : s.title, 'title') ?? extractTitle(scan, company));
  const criteria = readCriteria(scan);
  const locations = keep('locations', fromStructured(s.locations?.map(normalizePlace), 'locations') ?? extractLocations(scan));
  const workplace = keep('workplace', fromStructured(s.workplace, 'workplace') ?? extractWorkplace(scan));
  // A remote role whose posting names no place is just that: "Remote".
  if (locations.length === 0 && workplace === 'remote') {
    locations.push('Remote');
    provenance.locations = { from: 'text', line: provenance.workplace?.line ?? null, detail: 'a remote role with no place named' };
  }
  const employmentType = keep(
    'employmentType',
    fromStructured(s.employmentType, 'employmentType') ??
      (criteria.employmentType ? found(criteria.employmentType.value, criteria.employmentType.line, 'source criteria', 'structured') : null) ??
      extractEmploymentType(scan, title, provenance.title?.line ?? null),
  );
  const minYears = keep('requirements.minYears', extractMinYears(scan));
  const degree = keep('requirements.degree', extractDegree(scan));
  // The employer's own name is no skill ("Figma" at Figma).
  const skillsFound = extractSkills(scan, title);
  const skills = keep('requirements.skills', { ...skillsFound, value: skillsFound.value.filter((k) => k.toLowerCase() !== company?.toLowerCase()) });
  const { basic, preferred } = qualificationLines(scan);

  // A source's level field (LinkedIn's "Mid-Senior level", SmartRecruiters' "Associate") is its
  // criteria: the title's own level word is firmer ("AI/ML Intern" under "Entry level").
  const structuredLevel = s.level?.seniority ? { seniority: s.level.seniority, label: s.level.label ?? s.level.seniority, line: null } : null;
  const level = keep(
    'level',
    extractLevel({ title, titleLine: provenance.title?.line ?? null, text: scan, minYears, criteria: structuredLevel ?? criteria.seniority, internship: employmentType === 'internship' }),
  );

  let pay = s.pay && s.pay.length > 0 ? s.pay : null;
  if (pay) provenance.pay = { from: 'structured', line: null, detail: 'structured:pay' };
  else {
    const findings = safePay(scan, locations);
    pay = findings.map((f) => ({ ...f.band, location: alignPlace(f.band.location, locations) }));
    if (findings.length > 0) provenance.pay = { from: 'text', line: findings[0]?.line ?? null, detail: `${findings.length} band(s)` };
  }

  const sponsorship = keep('sponsorship', extractSponsorship(scan));
  const posted = keep('posted', fromStructured(s.posted, 'posted') ?? extractPosted(scan));

  return Posting.parse({
    title,
    company,
    level,
    locations,
    workplace,
    employmentType,
    pay,
    sponsorship,
    requirements: { minYears, degree, skills, basic, preferred },
    posted,
    source: opts.source ?? { kind: 'paste', url: null, site: null },
    text,
    provenance: shortEvidence(provenance, needles),
  });
}

/** Provenance as it leaves the extractor: each evidence line cut to its matched span and some context. */
function shortEvidence(provenance: Record<string, Provenance>, needles: Record<string, string | null>): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  for (const [field, p] of Object.entries(provenance)) out[field] = p.line === null ? p : { ...p, line: evidenceSpan(p.line, needles[field] ?? null) };
  return out;
}

/**
 * The band's place as the posting's location list spells it ("London, UK" → "London, United
 * Kingdom"), so the card can match bands to places; a place not in the list stays as written.
 */
function alignPlace(place: string | null, locations: readonly string[]): string | null {
  if (place === null) return null;
  const key = (p: string): string => (p.replace(/\([^)]*\)/g, '').split(',')[0] ?? '').trim().toLowerCase();
  return locations.find((l) => key(l) === key(place) && key(l).length > 0) ?? place;
}

/** Pay bands, dropping any the schema would refuse (a bug in one field must not lose the card). */
function safePay(text: string, locations: string[]): ReturnType<typeof extractPay> {
  return extractPay(text, { locations }).filter((f) => f.band.min > 0 && (f.band.max === null || f.band.min <= f.band.max));
}
