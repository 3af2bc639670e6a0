import { describe, expect, it } from 'vitest';
import { extractCompany } from '../../src/extract/company.js';
import { extractEmploymentType } from '../../src/extract/employment.js';
import { extractLocations } from '../../src/extract/locations.js';
import { extractPosted } from '../../src/extract/posted.js';
import { cleanTitle, extractTitle } from '../../src/extract/title.js';
import { extractWorkplace } from '../../src/extract/workplace.js';

describe('title and company', () => {
  it('reads the title block of a LinkedIn paste', () => {
    const text = 'Capital One\n\nSenior Machine Learning Engineer\n\nCambridge, MA · 1 week ago · 36 applicants\n\nAbout the job';
    expect(extractTitle(text, null).value).toBe('Senior Machine Learning Engineer');
    expect(extractCompany(text).value).toBe('Capital One');
  });
  it('reads the title from a pay line when there is no title block', () => {
    const text = 'You will build models.\n\nPlano, TX: $204,900 - $233,800 for Sr. Lead Machine Learning Engineer';
    expect(extractTitle(text, null).value).toBe('Sr. Lead Machine Learning Engineer');
  });
  it('reads "X is seeking a …" sentences', () => {
    const text = "Acme Robotics' platform group is seeking a Machine Learning Engineer, People Leader, at the Senior Manager level to join us.";
    expect(extractTitle(text, null).value).toBe('Machine Learning Engineer, People Leader');
  });
  it('reads labelled headers', () => {
    const text = 'Position Title: Data Platform Engineer\nCompany: Harbor Labs (Analytics)\nLocation: Remote';
    expect(extractTitle(text, null).value).toBe('Data Platform Engineer');
    expect(extractCompany(text).value).toBe('Harbor Labs');
  });
  it("reads the role on a chat ad's hiring line, without the place or company riding on it", () => {
    const body = '\n\nSmall team, React and TypeScript. Pay: $80k-95k/year. DM me.';
    expect(extractTitle(`[HIRING] Junior Frontend Developer (React) – Toronto, ON (on-site)${body}`, null).value).toBe('Junior Frontend Developer (React)');
    expect(extractTitle(`Hiring: Data Analyst @ Meadowlark Foods | Remote${body}`, null).value).toBe('Data Analyst');
    expect(extractTitle(`We're hiring! Staff Site Reliability Engineer - NYC${body}`, null).value).toBe('Staff Site Reliability Engineer');
  });
  it('takes no title from a hiring line that runs on into the posting (a flattened paste)', () => {
    const flat = '[HIRING] Frontend Developer – Toronto, ON We are a small team that builds tools for clinics and we want someone who enjoys shipping every week. Pay: $80k-95k/year.';
    expect(extractTitle(flat, null).value ?? '').not.toMatch(/small team/);
  });
  it('strips site suffixes and page-title forms', () => {
    expect(cleanTitle('Senior Data Engineer | LinkedIn')).toBe('Senior Data Engineer');
    expect(cleanTitle('Backend Engineer - Greenhouse')).toBe('Backend Engineer');
    expect(extractTitle('Job Application for Staff Engineer at Lumen Robotics\n\nWe build robots.', null).value).toBe('Staff Engineer');
    expect(extractCompany('Job Application for Staff Engineer at Lumen Robotics\n\nWe build robots.').value).toBe('Lumen Robotics');
  });
  it('drops where/how noise from a title but keeps what the job is', () => {
    expect(cleanTitle('Software Engineering Intern (Paid, In-Office) - NYC - Start Mid-January')).toBe('Software Engineering Intern');
    expect(cleanTitle('Senior Backend Engineer (Corporate Travel)')).toBe('Senior Backend Engineer (Corporate Travel)');
    expect(cleanTitle('FIELD OPERATIONS SPECIALIST')).toBe('Field Operations Specialist');
  });
  it('reads the company from its equal-opportunity statement', () => {
    expect(extractCompany('We build things.\nHarbor Group is an equal opportunity employer.').value).toBe('Harbor Group');
  });
});

describe('locations', () => {
  it('lists every place in posting order without duplicates', () => {
    const text = 'Cambridge, MA · 1 week ago\n\nCambridge, MA: $158,600 - $181,000\nMcLean, VA: $158,600 - $181,000\nRichmond, VA: $144,200 - $164,600';
    expect(extractLocations(text).value).toEqual(['Cambridge, MA', 'McLean, VA', 'Richmond, VA']);
  });
  it('splits one band shared by two cities', () => {
    expect(extractLocations('The range in Glendale/Santa Monica, CA is $95,300-$127,800.').value).toEqual(['Glendale, CA', 'Santa Monica, CA']);
  });
  it('reads remote with its region, and City, Country', () => {
    expect(extractLocations('Location: Remote (US)').value).toEqual(['Remote (US)']);
    expect(extractLocations('Kiezbau GmbH · Berlin, Germany').value).toEqual(['Berlin, Germany']);
  });
  it('reads per-country pay labels as places', () => {
    expect(extractLocations('Salary: UK: £110,000 to £140,000 | Spain: €100,000 - €125,000').value).toEqual(['United Kingdom', 'Spain']);
  });
  it('ignores places in legal text and visa lists', () => {
    const text = 'Article 49 of the San Francisco, California Police Code applies.\nWe do not sponsor F-1 STEM OPT, TN or H-1B visas.';
    expect(extractLocations(text).value).toEqual([]);
  });
});

describe('workplace, employment type and posted', () => {
  it('reads hybrid, remote and on-site wording', () => {
    expect(extractWorkplace('This role is hybrid: 3 days a week in our Denver office.').value).toBe('hybrid');
    expect(extractWorkplace('We are a remote-first company.').value).toBe('remote');
    expect(extractWorkplace('This is an on-site position in Arlington, VA.').value).toBe('onsite');
    expect(extractWorkplace('Work Remotely: No').value).toBe('onsite');
  });
  it('does not read hybrid cloud or a work-from-home stipend as a workplace', () => {
    expect(extractWorkplace('Experience with hybrid cloud. Work-from-home stipend included.').value).toBeNull();
  });
  it('reads the employment type from fields, not from pay boilerplate', () => {
    expect(extractEmploymentType('Job Type: Contract', null).value).toBe('contract');
    expect(extractEmploymentType('Salaries for part-time roles will be prorated.', null).value).toBeNull();
  });
  it('reads the posting date or age as stated', () => {
    expect(extractPosted('Posted on Oct 2, 2025').value).toBe('Oct 2, 2025');
    expect(extractPosted('Capital One\nCambridge, MA · 1 week ago · 36 applicants').value).toBe('1 week ago');
  });
});

describe('workplace wording seen less often', () => {
  it('reads "this position is remote" and "can be performed remotely" as remote', () => {
    expect(extractWorkplace('This position is remote.').value).toBe('remote');
    expect(extractWorkplace('The role can be performed remotely from anywhere in Canada.').value).toBe('remote');
  });
  it('reads "this role is not remote" as on-site', () => {
    expect(extractWorkplace('This role is not remote; you will work from our Austin office.').value).toBe('onsite');
  });
});

describe('facts riding on the title line', () => {
  it('reads "Title | Remote | Europe" as a remote role in Europe', () => {
    const text = 'Lead Data Scientist | Remote | Europe\nCompany: Kelpie Analytics\n\nWe model shipping risk.';
    expect(extractLocations(text).value).toEqual(['Remote (Europe)']);
    expect(extractWorkplace(text).value).toBe('remote');
  });
});

describe('header lines of their own', () => {
  it('reads a lone "Remote" under the title as the place and the arrangement', () => {
    const text = 'Data Engineering Intern\nRemote\nInternship\n$30/hr\n\nSuperbloom Data is offering a paid summer internship.';
    expect(extractLocations(text).value).toEqual(['Remote']);
    expect(extractWorkplace(text).value).toBe('remote');
  });
});

describe('internships named in prose', () => {
  it('reads "this paid summer internship" as an internship, but not "internship experience does not apply"', () => {
    expect(extractEmploymentType('You will spend this paid summer internship on our data team.', null).value).toBe('internship');
    expect(extractEmploymentType('At least 4 years of Python (Internship experience does not apply)', null).value).toBeNull();
  });
});

describe('company riding on the title', () => {
  it('drops the company from "Title - Company" and reads Greenhouse\'s "at Company" line', () => {
    const a = 'Senior Data Engineer - Acme Corp\n\nAcme Corp is an equal opportunity employer.';
    expect(extractTitle(a, extractCompany(a).value).value).toBe('Senior Data Engineer');
    const b = 'Staff Engineer\nat Lumen Robotics\nRemote\n\nWe build robots.';
    expect(extractCompany(b).value).toBe('Lumen Robotics');
  });
});

describe('places given as data', () => {
  it('prints structured places in the card form', async () => {
    const { normalizePlace } = await import('../../src/extract/locations.js');
    expect(['New York, New York', 'Toronto, ON, Canada', 'Remote - US', 'North America'].map(normalizePlace)).toEqual(['New York, NY', 'Toronto, ON', 'Remote (US)', 'North America']);
  });
});
