import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { loadLabelled, payAsLabelled, type ExpectedPosting } from './expected.js';

/**
 * Our own postings, written the way real ones read (LinkedIn pastes, Greenhouse pages, Indeed,
 * careers pages, internships, UK/EU/India/Japan/Australia/Canada), each with the Posting it
 * should give. Compared field by field so a failure names the field.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/postings');
// These labels state every field, the track, skills and posting date included.
const cases = loadLabelled<Required<ExpectedPosting>>(dir);

describe('fixture postings', () => {
  it('has at least 25 fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const { name, raw, want } of cases) {
    describe(name, () => {
      const p = extractPosting(cleanPosting(raw).text);
      it('title', () => expect(p.title).toBe(want.title));
      it('company', () => expect(p.company).toBe(want.company));
      it('level', () => expect({ seniority: p.level.seniority, track: p.level.track }).toEqual(want.level));
      it('locations', () => expect(p.locations).toEqual(want.locations));
      it('workplace', () => expect(p.workplace).toBe(want.workplace));
      it('employment type', () => expect(p.employmentType).toBe(want.employmentType));
      it('pay', () => expect(payAsLabelled(p, want.pay)).toEqual(want.pay));
      it('sponsorship', () => expect(p.sponsorship.stance).toBe(want.sponsorship));
      it('min years', () => expect(p.requirements.minYears).toBe(want.minYears));
      it('degree', () => expect(p.requirements.degree).toBe(want.degree));
      it('skills', () => expect([...p.requirements.skills].sort()).toEqual([...want.skills].sort()));
      it('posted', () => expect(p.posted).toBe(want.posted));
    });
  }
});
