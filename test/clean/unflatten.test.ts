import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCard, renderCardText } from '../../src/card/index.js';
import { cleanPosting } from '../../src/clean/index.js';
import { restoreFlattenedLines } from '../../src/clean/unflatten.js';
import { extractPosting } from '../../src/extract/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const SEEDS = [
  'seeds/000-builtin-capital-one-sr-manager.txt',
  'seeds/001-capital-one-sr-lead-plano.txt',
  'seeds/002-jobboard-capital-one-senior-mle.txt',
  'seeds/003-linkedin-capital-one-senior-mle.txt',
];

/** What Discord's `/jd text:` makes of a pasted posting: one line. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();
const extract = (text: string) => extractPosting(cleanPosting(text).text, { source: { kind: 'paste', url: null, site: null } });
const card = (text: string): string => renderCardText(buildCard(extract(text)));

describe('restoring the lines of a flattened paste', () => {
  it.each(SEEDS)('gives %s on one line the same card as with its lines', (name) => {
    const text = fixture(name);
    expect(card(oneLine(text))).toBe(card(text));
  });

  it.each(SEEDS)('gives %s on one line the same fields as with its lines', (name) => {
    const text = fixture(name);
    const a = extract(text);
    const b = extract(oneLine(text));
    const facts = (p: typeof a) => ({ title: p.title, company: p.company, level: p.level, locations: p.locations, workplace: p.workplace, employmentType: p.employmentType, pay: p.pay, sponsorship: p.sponsorship.stance, minYears: p.requirements.minYears, degree: p.requirements.degree, skills: p.requirements.skills });
    expect(facts(b)).toEqual(facts(a));
  });

  it("keeps LinkedIn's similar-jobs rail out of the places and the pay of seed 003 on one line", () => {
    const p = extract(oneLine(fixture('seeds/003-linkedin-capital-one-senior-mle.txt')));
    expect(p.locations).toEqual(['Cambridge, MA', 'McLean, VA', 'Richmond, VA']);
    expect(p.pay.find((b) => b.min === 144200)?.location).toBe('Richmond, VA');
  });

  it('splits labels glued to the value before them and keeps each value on its label line', () => {
    const lines = restoreFlattenedLines(fixture('flattened/indeed-vector-talent-windows-admin.txt'), []).split('\n');
    const labelled = (label: string): string | undefined => lines.find((l) => l.startsWith(label));
    expect(labelled('Title:')).toMatch(/^Title: Windows System Administrator$/);
    expect(labelled('Job#:')).toBe('Job#: 20-00126');
    expect(labelled('Location:')).toMatch(/^Location: Washington, DC\b/);
    expect(labelled('Work Remotely:')).toMatch(/^Work Remotely: No\b/);
  });

  it('reads the flattened Indeed posting: staffing company above the title field, on-site, contract', () => {
    const p = extract(fixture('flattened/indeed-vector-talent-windows-admin.txt'));
    expect(p.title).toBe('Windows System Administrator');
    expect(p.company).toBe('Vector Talent Resources');
    expect(p.locations).toEqual(['Washington, DC']);
    expect(p.workplace).toBe('onsite');
  });

  it('keeps a currency code with its amount, so a flattened pay line reads as with its lines', () => {
    const text = fixture('flattened/total-compensation-cad.txt');
    expect(extract(oneLine(text)).pay).toEqual(extract(text).pay);
  });

  it('leaves a paste that has its lines alone', () => {
    const text = fixture('seeds/003-linkedin-capital-one-senior-mle.txt');
    expect(restoreFlattenedLines(text, [])).toBe(text);
  });

  it('puts a place glued to the company in a header on its own line, but keeps a place spelled that way', () => {
    expect(restoreFlattenedLines('Senior Data Engineer\nBlue SaturnSan Francisco, CA\nFull-time', [])).toBe('Senior Data Engineer\nBlue Saturn\nSan Francisco, CA\nFull-time');
    expect(restoreFlattenedLines('Senior Data Engineer\nMcLean, VA\nFull-time', [])).toBe('Senior Data Engineer\nMcLean, VA\nFull-time');
  });

  it('does not break a long line inside names, ranges or abbreviations', () => {
    const flat = `Senior Engineer at Acme Robotics. ${'We work with the Product and Data Science teams in St. Louis on U.S. customers, e.g. banks. '.repeat(4)}Pay: $120,000 - $150,000 per year.`;
    const lines = restoreFlattenedLines(flat, []).split('\n');
    expect(lines.every((l) => !/^(?:Science|Louis|customers|banks|\$150)/.test(l))).toBe(true);
    expect(lines).toContain('Pay: $120,000 - $150,000 per year.');
  });

  describe('layouts a one-line paste keeps (snippets of real pastes)', () => {
    // A flattened line is split only when long: the body sentence makes it so.
    const BODY = 'You will design, build and run the services our customers rely on every day, and you will work closely with product, design and data science to decide what to build next.';
    const lines = (head: string): string[] => restoreFlattenedLines(`${head} ${BODY} ${BODY}`, []).split('\n');

    it('starts a line at Markdown headings and bold labels, and keeps the marker with its line', () => {
      const out = lines('# Staff Software Engineer **Location:** Cupertino, California, United States **Department:** Software and Services ## Summary Apple Services Engineering builds platforms.');
      expect(out[0]).toBe('# Staff Software Engineer');
      expect(out).toContain('**Location:** Cupertino, California, United States');
      expect(out.some((l) => l.startsWith('## Summary'))).toBe(true);
    });

    it('reads front matter keys after a quoted value', () => {
      const out = lines('--- title: "Head of Finance (m/f/d)" company: "talpasolutions GmbH" location: "Essen" remote: false');
      expect(out).toContain('company: "talpasolutions GmbH"');
      expect(out).toContain('location: "Essen"');
    });

    it('reads a label whose colon stands apart, but not a place labelling pay', () => {
      const out = lines('Job Description Project Role : Software Development Engineer Project Role Description : Analyze, design, code and test.');
      expect(out).toContain('Project Role : Software Development Engineer');
      const pay = lines('Pay Range: San Jose, California : ($116,500.00 - $173,250.00 Annually)');
      expect(pay.some((l) => l.includes('San Jose, California : ($116,500.00'))).toBe(true);
    });

    it('ends the title where a sentence or another script starts', () => {
      expect(lines('Senior/Staff Product Manager, Database Product At Timescale, we empower businesses.')[0]).toBe('Senior/Staff Product Manager, Database Product');
      expect(lines('Manager, Application Engineering About This Position The Manager leads a team.')[0]).toBe('Manager, Application Engineering');
      expect(lines('Analytics Engineer 当社について NABLA Mobility Inc.は、航空会社の運航最適化をサポートします。')[0]).toBe('Analytics Engineer');
    });

    it('does not split a title the posting repeats as one phrase, nor a fact word inside it', () => {
      const text = `Product Manager, Consumer Analytics 5600 Avenida Encinas, Carlsbad, CA 92008, USA Full-time ${BODY} As a Product Manager you will own analytics. ${BODY}`;
      const out = restoreFlattenedLines(text, []).split('\n');
      expect(out[0]).toBe('Product Manager, Consumer Analytics');
      expect(lines('The Manager, Application Engineering is responsible for a team of brilliant Application Engineers.')[0]).toContain('Manager, Application Engineering is responsible');
    });
  });
});
