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
