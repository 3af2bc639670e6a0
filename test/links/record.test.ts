import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStructuredPaste } from '../../src/links/read.js';
import { readRecord, recognizeRecord } from '../../src/links/record.js';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { analyzeText, readPaste } from '../../src/pipeline.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8');
const record = (name: string): unknown => JSON.parse(fixture(name));
/** As the bot reads a paste: the record's facts, then the text. */
const pasted = (text: string) => {
  const p = analyzeText(text).posting;
  if (p === null) throw new Error('not read as a posting');
  return p;
};
/** The same reading without the is-it-a-posting gate (a short social post may not pass it). */
const extracted = (text: string) => {
  const read = readPaste(text);
  return extractPosting(cleanPosting(read?.text ?? text).text, read ? { structured: read.structured } : {});
};

describe('job records read by their keys', () => {
  it('reads a JSearch record: employer_name, job_title, job_city/job_state', () => {
    const p = pasted(fixture('jsearch-node-developer.json'));
    expect(p.title).toBe('Senior Node.js Developer');
    expect(p.company).toBe('Intetics');
    expect(p.locations).toEqual(['New York, NY']);
    expect(p.employmentType).toBe('full-time');
  });

  it("reads a RemoteOK job: 'position' is the title, its HTML description becomes text", () => {
    const read = readRecord(record('remoteok-engineering-lead.json'));
    expect(read?.structured).toMatchObject({ title: 'Engineering Lead', company: 'Aragon' });
    expect(read?.text).not.toMatch(/<\/?(p|li|br|ul)\b/);
    expect(pasted(fixture('remoteok-engineering-lead.json')).locations).toEqual(['Remote']);
  });

  it('reads a Naukri record whose placeholders are a Python repr: place and experience', () => {
    const p = pasted(fixture('naukri-api-senior-developer.json'));
    expect(p.company).toBe('Index Infotech India');
    expect(p.locations).toEqual(['Pune, India']);
    expect(p.requirements.minYears).toBe(4);
  });

  it('reads a Naukri card whose salary and experience are objects (b022: OYO "Demand Manager")', () => {
    const card = {
      title: 'Demand Manager',
      company: { name: 'OYO', rating: 3.1 },
      location: 'Jaipur',
      experience: { min: 2, max: 7, unit: 'years' },
      salary: { min: 475000, max: 750000, currency: 'INR', period: 'Per Annum' },
      workMode: 'Work from office',
      description: 'Location: Jaipur. Notice Period: Immediate to 15 Days Preferred Field Role (Mon-Sat Daily)',
    };
    const p = extracted(JSON.stringify(card, null, 2));
    expect(p.pay.map((b) => [b.min, b.max, b.currency, b.period])).toEqual([[475000, 750000, 'INR', 'year']]);
    expect(p.requirements.minYears).toBe(2);
    // A "manager" title asking two years, with nobody to manage, is the job it names.
    expect(p.level.seniority).toBe('mid');
    expect(p.workplace).toBe('onsite');
  });

  it('reads a remote JustJoin.it offer as remote in its country, with the pay of its contract types', () => {
    const p = pasted(fixture('justjoinit-salesforce-developer.json'));
    expect(p.company).toBe('Enxoo');
    expect(p.workplace).toBe('remote');
    expect(p.locations).toEqual(['Remote (Poland)']);
    // Its "experience_level": "mid" is the record's own level.
    expect(p.level.seniority).toBe('mid');
    expect(p.pay.map((b) => [b.min, b.max, b.currency])).toEqual([[12000, 22000, 'PLN']]);
  });

  it('reads a fragment cut out of a page model (trailing commas, HTML with \\n escapes)', () => {
    const text = fixture('indeed-page-model-fragment.txt');
    const read = readStructuredPaste(text);
    expect(read?.structured).toMatchObject({ company: 'Wash Masters Car Wash', employmentType: 'full-time' });
    expect(read?.text).not.toMatch(/<\/?p>|\\n/);
    const p = pasted(text);
    expect(p.company).toBe('Wash Masters Car Wash');
    expect(p.locations).toEqual(['Waxahachie, TX']);
  });

  it("does not take a social-post scraper's search placeholders as the company, title or place", () => {
    const p = extracted(fixture('linkedin-post-scrape.json'));
    expect(p.company).not.toBe('Multiple Companies');
    expect(p.title).not.toBe('Control Engineer');
    expect(p.locations).not.toContain('SAUDI');
  });

  it('decodes entity-escaped HTML pasted as text before cleaning', () => {
    const html = (record('remoteok-engineering-lead.json') as { description: string }).description;
    const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const read = readStructuredPaste(escaped);
    expect(read?.text).not.toMatch(/&lt;|<\/?p>/);
    expect(read?.text).toBe(readStructuredPaste(html.startsWith('<') ? html : `<div>${html}</div>`)?.text);
  });

  it('leaves plain text and records of other things alone', () => {
    expect(readStructuredPaste('Senior Engineer\nAcme\n\nWe build <b>fast</b> things.')).toBeNull();
    expect(recognizeRecord({ name: 'Ada', email: 'ada@example.com' })).toBe(false);
    expect(readRecord([1, 2, 3])).toBeNull();
  });
});
