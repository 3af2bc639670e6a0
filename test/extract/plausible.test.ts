import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { plausibleCompany, plausibleTitle } from '../../src/extract/plausible.js';

const posting = (name: string) =>
  extractPosting(cleanPosting(readFileSync(new URL(`../../fixtures/plausible/${name}`, import.meta.url), 'utf8')).text);

describe('a value must look like what it claims', () => {
  it('never shows a sum of money as the title (a020: the pay line sat where a title line does)', () => {
    const p = posting('a020.txt');
    expect(p.title).not.toMatch(/^\$|\d{3},\d{3}/);
    expect(p.title).toMatch(/Engineer/);
  });

  it('takes a bracket tag and a markdown link off a title (b005, b016)', () => {
    expect(posting('b005.txt').title).toBe('Back-end Developer');
    expect(posting('b016.txt').title).toBe('Fullstack Developer Senior');
  });

  it('never shows a field label or an org unit as the company (a044, a076)', () => {
    // Blank is right when nothing else names the employer: "not stated" beats a wrong fact.
    expect(posting('a044.txt').company ?? '').not.toMatch(/job family|group$/i);
    expect(posting('a076.txt').company ?? '').not.toMatch(/department$/i);
  });

  it('shows a name said twice once (a067)', () => {
    expect(posting('a067.txt').company).toBe('Sirion');
  });

  it.each([
    ['Role Description'], ['Job Family Group'], ['Company Description'], ['The Data Science Department'], ['FI Sales Middle Office IT Team'],
    ['The Person'], ['Ansprechpartnerin'], ['API'], ['POC'], ['Singapore. We'], ['X-MS-Has-Attach'], ['One of Brisbane'],
  ])('refuses %s as a company', (value) => {
    expect(plausibleCompany(value)).toBeNull();
  });

  it.each([
    ['Capital One', 'Capital One'], ['Databricks', 'Databricks'], ['Acme Team Inc.', 'Acme Team Inc.'],
    ['LinkedIn - San Francisco Bay Area', 'LinkedIn'], ['Sirion Sirion', 'Sirion'], ['Post Office Ltd', 'Post Office Ltd'],
  ])('keeps %s as the company %s', (value, name) => {
    expect(plausibleCompany(value)).toBe(name);
  });

  it.each([
    ['Job Title Research and Development Engineer', 'Research and Development Engineer'],
    ['Job Description for Associate Lead, SDET', 'Associate Lead, SDET'],
    ['Senior Product Manager, Client Exp - 92524', 'Senior Product Manager, Client Exp'],
    ['Αγορά Εργασίας &#8211; Java Developer', 'Java Developer'],
    ['Software Engineer II', 'Software Engineer II'],
    ['Head of Data - Remote', 'Head of Data - Remote'],
  ])('reads the title in %s as %s', (value, title) => {
    expect(plausibleTitle(value)).toBe(title);
  });

  it.each([['$150,000 - $180,000'], ['url = "/thoughts/2018/05/hiring-sw-developers'], ['Basic Qualifications']])('refuses %s as a title', (value) => {
    expect(plausibleTitle(value)).toBeNull();
  });
});
