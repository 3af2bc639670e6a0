import { describe, expect, it } from 'vitest';
import { extractSponsorship } from '../../src/extract/sponsorship.js';

const stance = (text: string): string => extractSponsorship(text).value.stance;

describe('sponsorship', () => {
  it('reads "will consider sponsoring" as considered', () => {
    expect(stance('Capital One will consider sponsoring a new qualified applicant for employment authorization for this position.')).toBe('considered');
  });
  it('does not read a criminal-history clause as sponsorship', () => {
    expect(stance('We will consider for employment qualified applicants with a criminal history in a manner consistent with the law.')).toBe('unstated');
  });
  it('reads "must be authorized to work … without sponsorship" as no', () => {
    expect(stance('Applicants must be authorized to work in the U.S. without sponsorship.')).toBe('no');
  });
  it('reads "H-1B transfer welcome" as yes', () => {
    expect(stance('H-1B transfer welcome.')).toBe('yes');
  });
  it('reads "J1/H1B accepted" as yes', () => {
    expect(stance('Type of Position: Full-Time (J1/H1B accepted)')).toBe('yes');
  });
  it('reads "not able to sponsor at this time" as no', () => {
    expect(stance('We are not able to sponsor at this time.')).toBe('no');
  });
  it('reads a visa list inside a "will not sponsor" sentence as no', () => {
    expect(stance('At this time, we will not sponsor a new applicant for employment authorization (i.e. H1B, F-1 OPT, TN, O-1) for this position.')).toBe('no');
  });
  it('reads "visa holder preferred, but not a dealbreaker" as considered', () => {
    expect(stance('Visa sponsorship: UK national or visa holder preferred, but not a dealbreaker.')).toBe('considered');
  });
  it('does not read an export-control clause as sponsorship', () => {
    expect(stance('This role requires access to export-controlled technology; candidates must be eligible to receive an export license under ITAR.')).toBe('unstated');
  });
  it('does not read "we will sponsor your security clearance" as visa sponsorship', () => {
    expect(stance('For the right candidate, we will sponsor your security clearance.')).toBe('unstated');
  });
  it('reads "U.S. citizenship required" as no', () => {
    expect(stance('U.S. citizenship required.')).toBe('no');
  });
  it('reads an active Top Secret clearance requirement as no', () => {
    expect(stance('Must hold an active TS/SCI clearance with polygraph.')).toBe('no');
  });
  it('does not read an EEO list of protected traits as sponsorship', () => {
    expect(stance('All qualified applicants will receive consideration without regard to race, citizenship, immigration status, or disability.')).toBe('unstated');
  });
  it('does not read a company-sponsored plan as sponsorship', () => {
    expect(stance('Company sponsored profit sharing and 401(k).')).toBe('unstated');
  });
  it('reads "visa sponsorship available" as yes', () => {
    expect(stance('Diverse work culture (visa sponsorship available)')).toBe('yes');
  });
  it('lets an explicit refusal for this role beat a general offer', () => {
    expect(stance('We sponsor visas for many roles. Unfortunately we are unable to offer visa sponsorship for this role.')).toBe('no');
  });
  it('quotes the deciding sentence as evidence', () => {
    const text = 'Great team.\nWe are unable to sponsor visas for this position.\nApply now.';
    const f = extractSponsorship(text);
    expect(f.value.evidence).toBe('We are unable to sponsor visas for this position.');
    expect(text).toContain(f.value.evidence);
  });
  it('says unstated with no evidence when the posting is silent', () => {
    expect(extractSponsorship('We build tools for teams.').value).toEqual({ stance: 'unstated', evidence: null });
  });
});

describe('sponsorship wording seen less often', () => {
  it('reads labelled answers', () => {
    expect(stance('Visa sponsorship: No')).toBe('no');
    expect(stance('Visa sponsorship: Yes')).toBe('yes');
  });
  it('reads "candidates who require sponsorship will not be considered" as no', () => {
    expect(stance('Candidates who require visa sponsorship now or in the future will not be considered.')).toBe('no');
  });
  it('does not read sponsored certifications or events as visa sponsorship', () => {
    expect(stance('We will sponsor your AWS certifications and conference travel.')).toBe('unstated');
  });

  // Real wording from fixtures/real (tune) and issue 16's failure list.
  it('reads a label by its value: "US Citizenship Required: No" is not a refusal, "Visa sponsorship: Yes" is yes', () => {
    expect(stance('US Citizenship Required: No')).toBe('unstated');
    expect(stance('Security Clearance Required: No\nUS Citizenship Required: No\nVisa Sponsorship: Yes')).toBe('yes');
    expect(stance('U.S. Citizenship Required: Yes')).toBe('no');
  });
  it('reads a country\'s working rights listed as a requirement as no ("Australian working rights (unrestricted)", a058)', () => {
    expect(stance('Key Requirements:\nStrong communication and stakeholder engagement skills\nAustralian working rights (unrestricted)\nPreferred Qualifications:')).toBe('no');
  });
  it('reads "the right to work in the UK" as no', () => {
    expect(stance('You must have the right to work in the UK.')).toBe('no');
    expect(stance('Requirements\n• Full right to work in the UK\n• 3+ years of Python')).toBe('no');
  });
});
