import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';

/**
 * The four seeds: every field equals seeds/expected.json (the title may be one of its
 * alternatives). Read from ../shared/seeds, else the copy in fixtures/seeds.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = [path.resolve(repo, '../shared/seeds'), path.join(repo, 'fixtures/seeds')].find((d) => existsSync(path.join(d, 'expected.json')));

interface SeedExpected {
  file: string;
  title: string;
  titleAlternatives: string[];
  company: string;
  level: { seniority: string; track: string };
  locations: string[];
  workplace: string | null;
  employmentType: string | null;
  posted?: string;
  pay: { location: string | null; min: number; max: number | null; currency: string; period: string }[];
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
  skills: string[];
}

describe.skipIf(dir === undefined)('seed postings', () => {
  const seeds = dir === undefined ? [] : (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as SeedExpected[]);
  for (const seed of seeds) {
    describe(seed.file, () => {
      const raw = readFileSync(path.join(dir ?? '', seed.file), 'utf8');
      const p = extractPosting(cleanPosting(raw).text);
      it('title is the posted title or one of its alternatives', () => {
        expect([seed.title, ...seed.titleAlternatives]).toContain(p.title);
      });
      it('company', () => expect(p.company).toBe(seed.company));
      it('level', () => expect({ seniority: p.level.seniority, track: p.level.track }).toEqual(seed.level));
      it('locations', () => expect(p.locations).toEqual(seed.locations));
      it('workplace', () => expect(p.workplace).toBe(seed.workplace));
      it('employment type', () => expect(p.employmentType).toBe(seed.employmentType));
      it('posted', () => expect(p.posted).toBe(seed.posted ?? null));
      it('pay per location', () => {
        expect(p.pay.map((b) => ({ location: b.location, min: b.min, max: b.max, currency: b.currency, period: b.period }))).toEqual(seed.pay);
      });
      it('sponsorship', () => expect(p.sponsorship.stance).toBe(seed.sponsorship));
      it('min years', () => expect(p.requirements.minYears).toBe(seed.minYears));
      it('degree', () => expect(p.requirements.degree).toBe(seed.degree));
      it('skills', () => expect([...p.requirements.skills].sort()).toEqual([...seed.skills].sort()));
      it('every field says where it came from', () => {
        for (const field of ['title', 'company', 'level', 'locations', 'sponsorship', 'requirements.minYears', 'requirements.degree']) {
          expect(p.provenance[field], field).toBeDefined();
        }
      });
    });
  }
});
