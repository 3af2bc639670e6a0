import { describe, expect, it } from 'vitest';
import { buildCard } from '../../src/card/build.js';
import { renderCardText } from '../../src/card/text.js';
import { band, capitalOneSeniorMle, makePosting } from './make-posting.js';

describe('buildCard', () => {
  it('collapses identical bands into one group listing every place', () => {
    const card = buildCard(capitalOneSeniorMle());
    expect(card.pay.groups).toEqual([
      { places: ['Cambridge, MA', 'McLean, VA'], amount: '$158.6k–$181k' },
      { places: ['Richmond, VA'], amount: '$144.2k–$164.6k' },
    ]);
    expect(renderCardText(card)).toContain(
      'Pay: Cambridge, MA / McLean, VA $158.6k–$181k · Richmond, VA $144.2k–$164.6k');
  });

  it('keeps bands in different currencies or periods apart', () => {
    const card = buildCard(makePosting({
      pay: [
        band('London, UK', 110000, 140000, { currency: 'GBP' }),
        band('Madrid, Spain', 100000, 125000, { currency: 'EUR' }),
        band('Berlin, Germany', 100000, 125000, { currency: 'EUR' }),
      ],
    }));
    expect(card.pay.groups.map((g) => g.amount)).toEqual(['£110k–£140k/yr', '€100k–€125k/yr']);
    expect(card.pay.groups[1]?.places).toEqual(['Madrid, Spain', 'Berlin, Germany']);
  });

  it('shows a band for everywhere without a place', () => {
    const text = renderCardText(buildCard(makePosting({ pay: [band(null, 45, 55, { period: 'hour' })] })));
    expect(text).toContain('Pay: $45–$55/hr');
  });

  it('drops the places from a single band that prices every listed place', () => {
    const places = ['London, United Kingdom', 'Bristol, United Kingdom'];
    const card = buildCard(makePosting({
      locations: places,
      pay: places.map((p) => band(p, 90000, 114000, { currency: 'GBP' })),
    }));
    expect(renderCardText(card)).toContain('\nPay: £90k–£114k/yr\n');
    const partial = buildCard(makePosting({ locations: [...places, 'Remote'], pay: [band(places[0] ?? null, 90000, 114000, { currency: 'GBP' })] }));
    expect(renderCardText(partial)).toContain('Pay: London, United Kingdom £90k–£114k/yr');
  });

  it('counts bands past the first few instead of listing them all', () => {
    const pay = Array.from({ length: 9 }, (_, i) => band(`City ${i}, TX`, 100000 + i * 1000, 120000 + i * 1000));
    const card = buildCard(makePosting({ pay }));
    expect(card.pay.groups).toHaveLength(5);
    expect(card.pay.more).toBe(4);
  });

  it('says plainly what the posting does not state, and invents nothing', () => {
    const text = renderCardText(buildCard(makePosting()));
    expect(text).toContain('Job posting (title not stated)');
    expect(text).toContain('Location: not stated');
    expect(text).toContain('Pay: not stated');
    expect(text).toContain('Sponsorship: not stated');
    expect(text).toContain('Requirements: not stated');
    expect(text).not.toMatch(/\$\d/);
  });

  it('writes "Sponsorship: no" literally with a short quote', () => {
    const text = renderCardText(buildCard(capitalOneSeniorMle()));
    expect(text).toMatch(/^Sponsorship: no — “At this time, Capital One will not sponsor/m);
  });

  it('centres a long evidence sentence on the words that decided it', () => {
    const evidence = `${'We are an equal opportunity employer and value diversity of every kind across all of our teams and offices worldwide. '.repeat(2)}Unfortunately we are unable to sponsor H-1B visas for this role at this time.`;
    const card = buildCard(makePosting({ sponsorship: { stance: 'no', evidence } }));
    expect(card.sponsorship.quote).toMatch(/^….*unable to sponsor H-1B/);
    expect(card.sponsorship.quote!.length).toBeLessThanOrEqual(140);
  });

  it('lists years, degree and top skills as the key requirements', () => {
    const card = buildCard(capitalOneSeniorMle());
    expect(card.requirements).toEqual([
      '4+ years of experience',
      "Bachelor's degree",
      'Python, Scala, Java, scikit-learn, PyTorch +6 more',
    ]);
  });

  it('fills up to three requirements from the qualification lines, skipping repeats and bare headings', () => {
    const card = buildCard(makePosting({
      requirements: {
        minYears: 3, degree: null, skills: [],
        basic: ['3+ years of experience in customer support', 'Education', 'Creative Problem Solvers', "Here's what we're looking for in you:", '• Fluent written and spoken Spanish', 'Comfortable with on-call rotations', 'A fourth line'],
        preferred: [],
      },
    }));
    expect(card.requirements).toEqual([
      '3+ years of experience', 'Fluent written and spoken Spanish', 'Comfortable with on-call rotations',
    ]);
  });

  it('names the level and says when it was read from the required years', () => {
    const lead = buildCard(makePosting({ level: { seniority: 'lead', track: 'manager', label: 'Lead' } }));
    expect(lead.title.level).toBe('Lead (people leader)');
    const byYears = buildCard(makePosting({ level: { seniority: 'senior', track: null, label: '8+ years required' } }));
    expect(byYears.title.level).toBe('Senior (by experience)');
    const director = buildCard(makePosting({ level: { seniority: 'director', track: 'manager', label: 'Director' } }));
    expect(director.title.level).toBe('Director');
  });

  it('says Remote once when the place already says it', () => {
    const card = buildCard(makePosting({ locations: ['Remote (US)'], workplace: 'remote', employmentType: 'full-time' }));
    expect(renderCardText(card).split('\n')[1]).toBe('Remote (US) · Full-time');
  });

  it('shortens long location lists', () => {
    const card = buildCard(makePosting({ locations: ['Austin, TX', 'Denver, CO', 'Boston, MA', 'Seattle, WA', 'Remote'], workplace: 'hybrid' }));
    expect(renderCardText(card).split('\n')[1]).toBe('Austin, TX / Denver, CO / Boston, MA +2 more · Hybrid');
  });

  it('keeps the canonical link only for postings that came from a link, and only http(s)', () => {
    const linked = buildCard(makePosting({ source: { kind: 'link', url: 'https://boards.greenhouse.io/acme/jobs/1', site: 'greenhouse' } }));
    expect(linked.link).toBe('https://boards.greenhouse.io/acme/jobs/1');
    expect(linked.footer.source.site).toBe('Greenhouse');
    const js = buildCard(makePosting({ source: { kind: 'link', url: 'javascript:alert(1)', site: null } }));
    expect(js.link).toBeNull();
    const pasted = buildCard(makePosting());
    expect(pasted.link).toBeNull();
    expect(renderCardText(pasted)).toMatch(/^pasted$/m);
  });

  it('carries who shared it, the shared-before notice and the emoji', () => {
    const card = buildCard(makePosting(), {
      sharedBy: { platform: 'local', id: null, name: 'Ana' },
      sharedBefore: { by: { platform: 'local', id: null, name: 'Bo' }, channelId: null, at: '2026-11-20T10:00:00Z', link: null },
      fullTextEmoji: ':scroll:',
    });
    const text = renderCardText(card);
    expect(text).toContain('shared by Ana');
    expect(text).toContain('Shared before by Bo on Nov 20, 2026');
    expect(text).toContain('React :scroll: for the full posting');
  });
});
