import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '../../src/clean/boilerplate.js';
import type { ExplainEntry } from '../../src/clean/types.js';

function strip(text: string, explain: ExplainEntry[] = []): string {
  return stripBoilerplate(text.split('\n'), explain).join('\n');
}

describe('boilerplate', () => {
  it('drops an EEO paragraph and says which rule removed each sentence', () => {
    const explain: ExplainEntry[] = [];
    const out = strip('No agencies please. Acme is an equal opportunity employer. Acme promotes a drug-free workplace.', explain);
    expect(out).toBe('');
    expect(explain.map((e) => e.rule)).toEqual(['no-agencies', 'equal-opportunity']);
  });

  it('keeps the application window glued to the legal text ("days.No agencies")', () => {
    expect(strip('This role is expected to accept applications for a minimum of 5 business days.No agencies please. Acme is an equal opportunity employer (EOE).')).toBe(
      'This role is expected to accept applications for a minimum of 5 business days.',
    );
  });

  it('keeps a sponsorship sentence inside legal text', () => {
    expect(strip('Acme is an equal opportunity employer. Acme will not sponsor work visas for this role. We do not discriminate.')).toBe(
      'Acme will not sponsor work visas for this role.',
    );
  });

  it('drops a boilerplate section under its heading, and stops at the next heading', () => {
    const out = strip(['Equal Opportunity', 'We welcome everyone and build a team that reflects our users.', '', 'Benefits', 'Health insurance'].join('\n'));
    expect(out.trim()).toBe(['Benefits', 'Health insurance'].join('\n'));
  });

  it('cuts run-on text at the subject of the boilerplate, keeping the duties before it', () => {
    const flattened = `${'Maintain storage subsystems Support evolving security initiatives '.repeat(6)}Vector Talent is an Equal Opportunity/Affirmative Action employer`;
    const out = strip(flattened);
    expect(out).toContain('Maintain storage subsystems');
    expect(out).not.toContain('Equal Opportunity');
    expect(out.endsWith('initiatives')).toBe(true);
  });

  it('keeps job text that merely mentions fraud, privacy or diversity', () => {
    const job = ['Build fraud detection models for card payments.', 'Design privacy-preserving analytics.', 'Experience with GDPR compliance work.', 'Hire a diverse team of engineers.'].join('\n');
    expect(strip(job)).toBe(job);
  });

  it('drops accommodation, recruiting-contact, privacy, fraud, disclaimer and legal-entity text', () => {
    const text = [
      'If you require an accommodation, please contact recruiting at 1-800-000-0000.',
      "For technical support or questions about Acme's recruiting process, please send an email to jobs@acme.example",
      'Please review our applicant privacy notice to learn how we use your data.',
      'Beware of recruitment fraud: Acme will never ask you to pay a fee.',
      'Acme does not provide, endorse nor guarantee and is not liable for third-party products.',
      'Acme Financial is made up of several different entities.',
    ].join('\n');
    expect(strip(text).trim()).toBe('');
  });
});
