import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, parseArgs } from '../../scripts/eval.js';
import { alternatives, inSplit, readLabels, type Expected } from '../../scripts/eval/labels.js';
import { compare, confidentlyWrong, emptySummary, needsNoCorrection, payMatches, tallyPosting } from '../../scripts/eval/score.js';
import type { Posting } from '../../src/posting.js';

/** A card as the extractor might produce it; each test changes only what it is about. */
function posting(over: Partial<Posting> = {}): Posting {
  return {
    title: 'Data Engineer',
    company: 'Acme',
    level: { seniority: 'senior', track: null, label: null },
    locations: ['Toronto, ON'],
    workplace: 'hybrid',
    employmentType: null,
    pay: [{ location: null, min: 100000, max: 120000, currency: 'CAD', period: 'year', note: null }],
    sponsorship: { stance: 'no', evidence: 'must be authorized to work in Canada' },
    requirements: { minYears: 5, degree: 'bachelor', skills: ['Python'], basic: [], preferred: [] },
    posted: null,
    source: { kind: 'paste', url: null, site: null },
    text: '',
    provenance: {},
    ...over,
  };
}

function label(over: Partial<Expected> = {}): Expected {
  return {
    file: 'x.txt',
    titles: ['Data Engineer'],
    companies: ['Acme'],
    seniority: 'senior',
    locations: ['Toronto, ON, Canada'],
    pay: [{ location: null, min: 100000, max: 120000, currency: 'CAD', period: 'year' }],
    sponsorship: 'no',
    minYears: 5,
    degree: 'bachelor',
    workplace: 'hybrid',
    skills: ['Python'],
    ...over,
  };
}

const outcomes = (p: Posting, e: Expected): Record<string, string> =>
  Object.fromEntries(compare(p, e).map((r) => [r.field, r.outcome]));

describe('eval scoring', () => {
  it('counts a card that matches its label as needing no correction', () => {
    const results = compare(posting(), label());
    expect(results.every((r) => r.outcome === 'right')).toBe(true);
    expect(needsNoCorrection(results)).toBe(true);
  });

  it('tells a field left blank from a value shown and wrong', () => {
    const got = posting({
      company: null,
      level: { seniority: 'senior', track: null, label: null },
      sponsorship: { stance: 'unstated', evidence: null },
      requirements: { minYears: 3, degree: null, skills: [], basic: [], preferred: [] },
    });
    const o = outcomes(got, label({ seniority: null }));
    expect(o).toMatchObject({ company: 'blank', sponsorship: 'blank', degree: 'blank', level: 'wrong', minYears: 'wrong', title: 'right' });
  });

  it('calls a place or band the label lacks confidently wrong, and none found blank', () => {
    expect(outcomes(posting({ locations: ['Toronto, ON', 'Baulkham Hills, NSW'] }), label()).locations).toBe('wrong');
    expect(outcomes(posting({ locations: [] }), label()).locations).toBe('blank');
    expect(outcomes(posting({ pay: [] }), label()).pay).toBe('blank');
    expect(outcomes(posting({ title: 'Job Type: Contract' }), label()).title).toBe('wrong');
  });

  it('does not accept one band split into two open bands', () => {
    const band = { location: null, min: 99500, max: 200000, currency: 'USD', period: 'year' };
    const split = [
      { location: null, min: 99500, max: null, currency: 'USD', period: 'year' as const, note: null },
      { location: null, min: 200000, max: null, currency: 'USD', period: 'year' as const, note: null },
    ];
    expect(payMatches(split, [band])).toBe(false);
    const perPlace = ['Toronto, ON', 'Sault Ste. Marie, ON'].map((location) => ({ ...band, location, period: 'year' as const, note: null }));
    expect(payMatches(perPlace, [band])).toBe(true);
  });

  it('adds up fields and cards over postings', () => {
    const summary = emptySummary();
    const skills = { found: 0, labelled: 0, recalled: 0, precise: 0 };
    tallyPosting(summary, compare(posting(), label()), skills);
    tallyPosting(summary, compare(posting({ company: 'Company Description', workplace: null }), label()), skills);
    expect(summary.postings).toBe(2);
    expect(summary.noCorrection).toBe(1);
    expect(summary.fields.get('company')).toEqual({ right: 1, blank: 0, wrong: 1 });
    expect(summary.fields.get('workplace')).toEqual({ right: 1, blank: 1, wrong: 0 });
    const fieldsPerPosting = compare(posting(), label()).length;
    expect(confidentlyWrong(summary)).toEqual({ wrong: 1, total: 2 * fieldsPerPosting });
  });
});

describe('eval labels', () => {
  it('reads accepted alternatives from nested parentheticals', () => {
    expect(alternatives('ML Ops Engineer (also: ML Ops Engineer – Contract Service Worker (CSW) - 6 Months)')).toEqual([
      'ML Ops Engineer (also: ML Ops Engineer – Contract Service Worker (CSW) - 6 Months)',
      'ML Ops Engineer',
      'ML Ops Engineer – Contract Service Worker (CSW) - 6 Months',
      'ML Ops Engineer – Contract Service Worker - 6 Months',
    ]);
    expect(alternatives('Airbus Protect (ENSIA EXPERT, S.L.; also: Airbus)')).toEqual(['Airbus Protect (ENSIA EXPERT, S.L.; also: Airbus)', 'Airbus Protect', 'ENSIA EXPERT, S.L.', 'Airbus']);
    expect(alternatives(null)).toBeNull();
  });

  it('accepts the label with only its alias groups taken off, its own parentheticals kept', () => {
    expect(alternatives('Associate Lead, Engineer in Test (SDET) (also: Associate Lead, Engineer in Test)')).toContain('Associate Lead, Engineer in Test (SDET)');
    expect(alternatives('Senior Developer (C#, SQL) (aka: Senior Developer)')).toContain('Senior Developer (C#, SQL)');
  });

  it('keeps a split to its own postings and counts folders without splits in every split', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-labels-'));
    const entry = (file: string, split?: string): Record<string, unknown> => ({
      file, ...(split ? { split } : {}), company: 'Acme', title: 'Engineer', level: null, locations: [], sponsorship: 'unstated', minYears: null, degree: null, remote: 'unstated', skills: [],
    });
    writeFileSync(path.join(dir, 'labels.json'), JSON.stringify([entry('a001.txt', 'tune'), entry('a002.txt', 'tune'), entry('a003.txt', 'heldout')]));
    const all = readLabels(dir);
    expect(inSplit(all, 'heldout').map((e) => e.file)).toEqual(['a003.txt']);
    expect(inSplit(all, 'tune').map((e) => e.file)).toEqual(['a001.txt', 'a002.txt']);
    expect(inSplit(all, null)).toHaveLength(3);
    const unsplit = readLabels(dir).map(({ split: _split, ...rest }) => rest);
    expect(inSplit(unsplit, 'heldout')).toHaveLength(3);
  });
});

describe('eval command line', () => {
  it('takes several folders and a split, and hides held-out misses unless asked', () => {
    const o = parseArgs(['../shared/corpus', 'fixtures/real/a', '--split', 'heldout']);
    expect(o.dirs.map((d) => path.basename(d))).toEqual(['corpus', 'a']);
    expect(o).toMatchObject({ split: 'heldout', showMisses: false });
    expect(parseArgs(['x', '--split=tune'])).toMatchObject({ split: 'tune', showMisses: true });
    expect(parseArgs(['x', '--split', 'heldout', '--misses']).showMisses).toBe(true);
    expect(parseArgs([]).dirs.map((d) => path.basename(d))).toEqual(['corpus']);
    expect(parseArgs(['x']).oneLine).toBe(false);
    expect(parseArgs(['x', '--one-line']).oneLine).toBe(true);
  });

  it('reads a paste on one line as /jd text: delivers it', () => {
    expect(flatten('Acme\n  Senior Engineer \n\nRemote\n')).toBe('Acme Senior Engineer Remote');
  });

  it('refuses a split it does not know, in one line', () => {
    expect(() => parseArgs(['--split', 'test'])).toThrow('--split takes heldout or tune, not "test"');
    expect(() => parseArgs(['--split'])).toThrow('--split takes heldout or tune');
    expect(() => parseArgs(['--verbose'])).toThrow('unknown option --verbose');
  });
});
