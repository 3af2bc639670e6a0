import { describe, expect, it } from 'vitest';
import { cityList, companyFromSlug, mapEmploymentType, placeFromDescriptor, withoutEntityCode } from '../../src/links/facts.js';

describe('placeFromDescriptor', () => {
  it.each([
    ['USA.VA.Reston', 'Reston, VA'],
    ['USA DC Washington', 'Washington, DC'],
    ['US, Minnesota, Maplewood', 'Maplewood, MN'],
    ['USA - Pennsylvania - West Point', 'West Point, PA'],
    ['US, CA, Santa Clara', 'Santa Clara, CA'],
    ['Israel, Yokneam', 'Yokneam, Israel'],
    ['Portugal - Lisbon', 'Lisbon, Portugal'],
    ['India, Bengaluru', 'Bengaluru, India'],
    ['Remote - California', 'Remote, CA'],
    ['Homeworker - UK', 'Remote, United Kingdom'],
    ['Remote', 'Remote'],
  ])('%s → %s', (raw, want) => {
    expect(placeFromDescriptor(raw)).toBe(want);
  });

  it.each(['New York, NY', 'St. Louis, MO', 'Paris, France', 'Singapore', 'San Francisco Bay Area', 'New York, New York, USA'])('leaves %s as written', (raw) => {
    expect(placeFromDescriptor(raw)).toBe(raw);
  });
});

describe('cityList', () => {
  it('splits a comma list of cities and writes the known ones as the card does', () => {
    expect(cityList('Seattle, San Francisco, New York City')).toEqual(['Seattle, WA', 'San Francisco, CA', 'New York, NY']);
  });
  it.each(['Toronto, ON, Canada', 'New York, New York, USA', 'Paris, France', 'London, Remote, Berlin'])('keeps %s whole', (name) => {
    expect(cityList(name)).toBeNull();
  });
});

describe('company names from the ATS account', () => {
  it('takes the slug only when the text spells it, with the text spelling', () => {
    expect(companyFromSlug('spotify', 'Spotify is an equal opportunity employer.')).toBe('Spotify');
    expect(companyFromSlug('3m', 'With a wide variety of people, 3M is a place where you can grow.')).toBe('3M');
    expect(companyFromSlug('brown-brothers-harriman', 'Join Brown Brothers Harriman in Kraków.')).toBe('Brown Brothers Harriman');
    // A slug in a URL or in lower case is no name; a slug the text never spells stays unknown.
    expect(companyFromSlug('spotify', 'Apply at jobs.lever.co/spotify today')).toBeNull();
    expect(companyFromSlug('gohighlevel', 'We build marketing tools.')).toBeNull();
    expect(companyFromSlug(null, 'Spotify')).toBeNull();
  });

  it('drops the company code Workday puts before a legal entity, and only a code', () => {
    expect(withoutEntityCode('IL00 Mellanox Technologies, Ltd.')).toBe('Mellanox Technologies, Ltd.');
    expect(withoutEntityCode('1000 Merck Sharp & Dohme LLC')).toBe('Merck Sharp & Dohme LLC');
    expect(withoutEntityCode('US Foods, Inc.')).toBe('US Foods, Inc.');
    expect(withoutEntityCode('IBM Research')).toBe('IBM Research');
  });
});

describe('LinkedIn criteria values in other languages', () => {
  it.each([
    ['Stage', 'internship'],
    ['Temps plein', 'full-time'],
    ['Vollzeit', 'full-time'],
    ['Teilzeit', 'part-time'],
    ['Tiempo completo', 'full-time'],
    ['Prácticas', 'internship'],
  ])('%s → %s', (value, want) => {
    expect(mapEmploymentType(value)).toBe(want);
  });
});

describe('LinkedIn criteria labels in other languages', () => {
  it('reads a French guest answer: "Type d’emploi: Stage" is an internship, "Stage" seniority an intern', async () => {
    const { parseHtml } = await import('../../src/links/html.js');
    const { linkedIn } = await import('../../src/links/sites/linkedin.js');
    const item = (k: string, v: string): string =>
      `<li class="description__job-criteria-item"><h3 class="description__job-criteria-subheader">${k}</h3><span class="description__job-criteria-text">${v}</span></li>`;
    const page = `<section class="top-card-layout"><h2 class="top-card-layout__title">Stagiaire Data Analyst</h2><a class="topcard__org-name-link">Decathlon</a>
      <span class="topcard__flavor topcard__flavor--bullet">Lille, Hauts-de-France, France</span></section>
      <div class="show-more-less-html__markup">Stage de 6 mois. Rémunération : 1450€ brut/mois.</div>
      <ul class="description__job-criteria-list">${item('Niveau hiérarchique', 'Stage')}${item('Type d’emploi', 'Stage')}${item('Fonction', 'Informatique')}${item('Secteurs', 'Commerce de détail')}</ul>`;
    const read = linkedIn.fromHtml?.(parseHtml(page));
    expect(read?.structured).toMatchObject({ title: 'Stagiaire Data Analyst', company: 'Decathlon', employmentType: 'internship', level: { seniority: 'intern' } });
  });
});
