import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';

/**
 * Our own postings, written the way real ones read (LinkedIn pastes, Greenhouse pages, Indeed,
 * careers pages, internships, UK/EU/India/Japan/Australia/Canada), each with the Posting it
 * should give. Compared field by field so a failure names the field.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/postings');
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();

interface ExpectedPosting {
  title: string | null;
  company: string | null;
  level: { seniority: string | null; track: string | null };
  locations: string[];
  workplace: string | null;
  employmentType: string | null;
  pay: { location: string | null; min: number; max: number | null; currency: string; period: string }[];
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
  skills: string[];
  posted: string | null;
}

describe('fixture postings', () => {
  it('has at least 25 fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    describe(name, () => {
      const raw = readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const want = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as ExpectedPosting;
      const p = extractPosting(cleanPosting(raw).text);
      it('title', () => expect(p.title).toBe(want.title));
      it('company', () => expect(p.company).toBe(want.company));
      it('level', () => expect({ seniority: p.level.seniority, track: p.level.track }).toEqual(want.level));
      it('locations', () => expect(p.locations).toEqual(want.locations));
      it('workplace', () => expect(p.workplace).toBe(want.workplace));
      it('employment type', () => expect(p.employmentType).toBe(want.employmentType));
      it('pay', () => {
        // A band the posting gives once may be pinned to its only place or left for everywhere.
        const got = p.pay.map((b, i) => ({
          location: want.pay[i]?.location === null && (b.location === null || p.locations.includes(b.location)) ? null : b.location,
          min: b.min, max: b.max, currency: b.currency, period: b.period,
        }));
        expect(got).toEqual(want.pay);
      });
      it('sponsorship', () => expect(p.sponsorship.stance).toBe(want.sponsorship));
      it('min years', () => expect(p.requirements.minYears).toBe(want.minYears));
      it('degree', () => expect(p.requirements.degree).toBe(want.degree));
      it('skills', () => expect([...p.requirements.skills].sort()).toEqual([...want.skills].sort()));
      it('posted', () => expect(p.posted).toBe(want.posted));
    });
  }
});
