import { describe, expect, it } from 'vitest';
import { extractWorkplace } from '../../src/extract/workplace.js';

const workplace = (text: string): string | null => extractWorkplace(text).value;

// Excerpts of real postings from fixtures/real (tune split; sources in its labels.json), and
// wording from issue 16's failure list.
describe('workplace on real postings', () => {
  it('reads "onsite five days a week" as on-site, and "hybrid environments" as no arrangement (a068, CGI)', () => {
    const text = 'This position will be performed onsite five days a week at our client site in Strongsville, OH, Dallas, TX, or Pittsburgh, PA.\n'
      + 'Define cloud architecture and deployment strategies across Azure, AWS, or hybrid environments.';
    expect(workplace(text)).toBe('onsite');
    expect(workplace('Define cloud architecture and deployment strategies across Azure, AWS, or hybrid environments.')).toBeNull();
  });
  it('lets "must be willing and able to work out of this location" beat a company-wide choice (a070, Atlassian)', () => {
    const text = 'Atlassians can choose where they work – whether in an office, from home, or a combination of the two.\n'
      + 'This role is located in Seattle, WA. To qualify, you must be willing and able to work out of this location.\n'
      + 'Interviews and onboarding are conducted virtually, a part of being a distributed-first company.';
    expect(workplace(text)).toBe('onsite');
  });
  it('does not read a remote-first culture or a possible remote day as this role being remote (a043, CrowdStrike)', () => {
    expect(workplace('CrowdStrike is committed to cultivating an inclusive, remote-first culture that offers people the autonomy and flexibility to balance the needs of work and life.')).toBeNull();
    expect(workplace('Benefits\nRemote-first culture\nOffices with stocked kitchens')).toBeNull();
    expect(workplace('There may be an opportunity to work remotely on occasion, subject to manager approval.')).toBeNull();
  });
  it('reads fixed office days as hybrid ("London (2 days at Office)", b013)', () => {
    expect(workplace('Location: London (2 days at Office)')).toBe('hybrid');
  });
  it('reads label values in Portuguese and Spanish boards ("Local: Remoto", "## Local" / "Remoto", b004)', () => {
    expect(workplace('Local: Remoto')).toBe('remote');
    expect(workplace('## Local\n\nRemoto\n\n## Requisitos')).toBe('remote');
    expect(workplace('Modalidad: Presencial')).toBe('onsite');
    expect(workplace('# [100% Remota] Pessoa Desenvolvedora Fullstack Sênior @ Catho')).toBe('remote');
  });
  it('reads "Telecommuting Options" by its value and a TELECOMMUTE location badge as remote (b016)', () => {
    expect(workplace('Telecommuting Options: Onsite')).toBe('onsite');
    expect(workplace('#### `💰 65k-95k USD` `🌎 TELECOMMUTE Mexico City, Mexico City, Mexico`')).toBe('remote');
  });
  it('reads "for on-site employment" as on-site (b079) and a German "oder Remote" as remote (a005)', () => {
    expect(workplace('We are looking for an experienced Senior Java Developer (3+ years experience) for on-site employment.')).toBe('onsite');
    expect(workplace('📍 Leipzig, München oder Remote · Teilzeit (15–20h)')).toBe('remote');
  });
});

// Issue 16's and 17's workplace failures, on the real wording they quote and on tune-split postings.
describe('workplace: fixed office days, home workers, perks and field lines', () => {
  it('reads office days named by weekday, or counted in a named office, as hybrid', () => {
    expect(workplace('Anchor Days: Tuesday and Thursday are mandatory in-office days for all Hybrid staff.')).toBe('hybrid');
    expect(workplace('You will be in the office on Tuesdays and Thursdays.')).toBe('hybrid');
    expect(workplace('This role requires three days per week in our London office.')).toBe('hybrid');
    // Five weekdays in the office is every day.
    expect(workplace('You will work in the office Monday to Friday, 9am to 5pm.')).not.toBe('hybrid');
  });
  it('reads a home worker as remote (Workday "Homeworker - UK", issue 17)', () => {
    expect(workplace('Homeworker - UK')).toBe('remote');
    expect(workplace('The position is home-based with occasional travel to client sites.')).toBe('remote');
    expect(workplace('We provide home-based care to elderly patients.')).toBeNull();
  });
  it('does not read flexibility perks as the arrangement, but keeps a named hybrid one (corpus 010, a076)', () => {
    expect(workplace('What we offer\nWe support flexible work, including the option to work from home when needed.')).toBeNull();
    expect(workplace('There is the flexibility to work remotely when needed.')).toBeNull();
    expect(workplace('Benefits\n• Generous Benefits: Enjoy up to 18 weeks of paid parental leave, flexible hybrid working arrangements, and genuine leave options.')).toBe('hybrid');
    expect(workplace('Benefits\n• Hybrid work options\n• 9/80 flexible work schedule')).toBe('hybrid');
  });
  it('reads the arrangement in a Hacker News field line whatever rides along (b008, b028, b029)', () => {
    expect(workplace('usdsgov 88 days ago\nUnited States Digital Service | Senior Product Managers, Senior Designers | Washington, DC | ONSITE https://www.usds.gov/\nWe are hiring.')).toBe('onsite');
    expect(workplace('alixanderwang 84 days ago | [–]\nTerrastruct | Software Engineer | SF, Remote ok for senior (US/CAN) | Full-time | $120-$200K base | 0.2-1.5% equity')).toBe('remote');
    expect(workplace('ed 84 days ago | | [–]\nCardbox | $60k part-time (20hr/wk) | Remote (PST ±5) | Fullstack, Rails & React.JS | https://getcardbox.com/')).toBe('remote');
  });
});

describe('workplace in Spanish and Portuguese prose', () => {
  it('reads "modalidad híbrida" and "trabalho presencial", not a hybrid cloud ("nube híbrida")', () => {
    expect(workplace('Ofrecemos modalidad híbrida: 3 días en oficina.')).toBe('hybrid');
    expect(workplace('Modelo de trabalho híbrido.')).toBe('hybrid');
    expect(workplace('Trabalho presencial no escritório da Paulista.')).toBe('onsite');
    expect(workplace('Trabajarás con soluciones de nube híbrida en Azure.')).toBeNull();
  });
});
