import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { parseHtml } from '../../src/links/html.js';
import { ashby } from '../../src/links/sites/ashby.js';
import { boardTokenInPage, greenhouse } from '../../src/links/sites/greenhouse.js';
import { lever } from '../../src/links/sites/lever.js';
import { linkedIn, parseLinkedInSalary } from '../../src/links/sites/linkedin.js';
import { smartRecruiters } from '../../src/links/sites/smartrecruiters.js';
import { workday } from '../../src/links/sites/workday.js';

const api = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/links/api/${name}`, import.meta.url), 'utf8'));
const page = (name: string): string => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url), 'utf8');

describe('Greenhouse', () => {
  it('asks the job board API with pay transparency for every job URL form', () => {
    const want = 'https://boards-api.greenhouse.io/v1/boards/northwindrobotics/jobs/7012345002?pay_transparency=true';
    expect(greenhouse.match(new URL('https://boards.greenhouse.io/northwindrobotics/jobs/7012345002'))?.apiUrl).toBe(want);
    expect(greenhouse.match(new URL('https://job-boards.greenhouse.io/northwindrobotics/jobs/7012345002?gh_src=x'))?.apiUrl).toBe(want);
    expect(greenhouse.match(new URL('https://boards.greenhouse.io/embed/job_app?for=northwindrobotics&token=7012345002'))?.apiUrl).toBe(want);
    expect(greenhouse.match(new URL('https://job-boards.eu.greenhouse.io/acme/jobs/1'))?.apiUrl).toMatch(/^https:\/\/boards-api\.eu\.greenhouse\.io\//);
    expect(greenhouse.match(new URL('https://boards.greenhouse.io/northwindrobotics'))).toBeNull();
  });

  const read = greenhouse.fromJson(api('greenhouse-job.json'));

  it('turns pay_input_ranges into one band per location', () => {
    expect(read?.structured.pay).toEqual([
      { location: 'New York City', min: 185000, max: 215000, currency: 'USD', period: 'year', note: 'New York City Salary Range' },
      { location: 'Remote (US)', min: 160000, max: 190000, currency: 'USD', period: 'year', note: 'Remote (US) Salary Range' },
    ]);
  });

  it('unescapes the content before reading it as HTML', () => {
    expect(read?.text).toContain('What you’ll do\n\n• Design and run Go services that route 40,000 orders an hour');
    expect(read?.text).not.toMatch(/&lt;|&amp;|<li>/);
  });

  it('prefers first_published to updated_at and splits the location list', () => {
    expect(read?.structured).toMatchObject({
      title: 'Senior Backend Engineer, Order Routing',
      company: 'Northwind Robotics',
      posted: 'Sep 2, 2026',
      locations: ['New York, NY', 'Remote, US'],
      employmentType: 'full-time',
    });
  });

  it('reads the pay-transparency block in content when the API was asked without the flag', () => {
    const raw = api('greenhouse-job.json') as Record<string, unknown>;
    const { pay_input_ranges: _dropped, ...withoutRanges } = raw;
    const bands = greenhouse.fromJson(withoutRanges)?.structured.pay;
    expect(bands?.map((b) => [b.location, b.min, b.max, b.currency])).toEqual([
      ['New York City', 185000, 215000, 'USD'],
      ['Remote (US)', 160000, 190000, 'USD'],
    ]);
  });

  it('finds the board token a company careers page embeds', () => {
    expect(boardTokenInPage(page('careers-gh-embed.html'))).toBe('northwindrobotics');
  });
});

describe('Lever', () => {
  it('asks the postings API (EU cluster for jobs.eu.lever.co)', () => {
    expect(lever.match(new URL('https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b/apply'))?.apiUrl).toBe(
      'https://api.lever.co/v0/postings/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b',
    );
    expect(lever.match(new URL('https://jobs.eu.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b'))?.apiUrl).toMatch(/^https:\/\/api\.eu\.lever\.co\//);
  });

  const read = lever.fromJson(api('lever-posting.json'));

  it('reads categories, salaryRange with its interval, workplaceType and createdAt', () => {
    expect(read?.structured).toMatchObject({
      title: 'Senior Data Engineer',
      locations: ['Toronto, Ontario', 'Vancouver, British Columbia'],
      workplace: 'hybrid',
      employmentType: 'full-time',
      pay: [{ location: null, min: 140000, max: 165000, currency: 'CAD', period: 'year' }],
      posted: 'Sep 5, 2026',
      level: { seniority: 'senior', label: 'Senior' },
    });
  });

  it('writes each list under its heading with bullets', () => {
    expect(read?.text).toContain("What you bring\n\n• 5+ years of data engineering experience\n• Strong SQL");
  });

  it('reads an hourly salaryRange', () => {
    const raw = { ...(api('lever-posting.json') as Record<string, unknown>), salaryRange: { interval: 'per-hour-wage', currency: 'USD', min: 30, max: 38 } };
    expect(lever.fromJson(raw)?.structured.pay?.[0]).toMatchObject({ min: 30, max: 38, period: 'hour' });
  });
});

describe('Ashby', () => {
  const url = new URL('https://jobs.ashbyhq.com/quillstack/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6');
  const request = ashby.match(url);

  it('asks the board API with compensation and remembers which job to pick', () => {
    expect(request).toEqual({
      apiUrl: 'https://api.ashbyhq.com/posting-api/job-board/quillstack?includeCompensation=true',
      accept: 'json',
      jobId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
    });
  });

  it('picks the job by id and reads each compensation tier as a band', () => {
    const read = ashby.fromJson(api('ashby-board.json'), request ?? undefined);
    expect(read?.structured.title).toBe('Senior Infrastructure Engineer');
    expect(read?.structured.pay).toEqual([
      { location: 'San Francisco Bay Area', min: 185000, max: 200000, currency: 'USD', period: 'year', note: 'San Francisco Bay Area' },
      { location: 'Remote (US)', min: 170000, max: 185000, currency: 'USD', period: 'year', note: 'Remote (US)' },
    ]);
    expect(read?.structured).toMatchObject({ workplace: 'hybrid', employmentType: 'full-time', locations: ['San Francisco, CA', 'Remote (US)'] });
  });

  it('finds nothing on an unknown board (the API answers an empty list, not 404)', () => {
    expect(ashby.fromJson(api('ashby-empty-board.json'), request ?? undefined)).toBeNull();
    expect(ashby.recognize(api('ashby-empty-board.json'))).toBe(true);
  });
});

describe('Workday', () => {
  it('maps both URL forms to the cxs job API', () => {
    expect(workday.match(new URL('https://blueharbor.wd1.myworkdayjobs.com/en-US/BlueHarbor/job/McLean-VA/Lead-Software-Engineer--Payments_R214567'))?.apiUrl).toBe(
      'https://blueharbor.wd1.myworkdayjobs.com/wday/cxs/blueharbor/BlueHarbor/job/McLean-VA/Lead-Software-Engineer--Payments_R214567',
    );
    expect(workday.match(new URL('https://wd5.myworkdaysite.com/recruiting/acme/External/job/Austin-TX/Data-Engineer_R1'))?.apiUrl).toBe(
      'https://wd5.myworkdaysite.com/wday/cxs/acme/External/job/Austin-TX/Data-Engineer_R1',
    );
    expect(workday.match(new URL('https://blueharbor.wd1.myworkdayjobs.com/BlueHarbor'))).toBeNull();
  });

  it('reads jobPostingInfo and hiringOrganization, with pay left in the text', () => {
    const read = workday.fromJson(api('workday-job.json'));
    expect(read?.structured).toMatchObject({
      title: 'Lead Software Engineer, Payments',
      company: 'Blue Harbor Bank',
      locations: ['McLean, VA', 'Richmond, VA'],
      workplace: 'hybrid',
      employmentType: 'full-time',
      posted: 'Oct 14, 2026',
    });
    expect(read?.text).toContain('Richmond, VA: $144,200 - $164,600 for Lead Software Engineer');
    expect(read?.text).toContain("• Bachelor's degree");
  });
});

describe('SmartRecruiters', () => {
  it('maps a posting page to the detail API', () => {
    expect(smartRecruiters.match(new URL('https://jobs.smartrecruiters.com/Alpenwerk/744000098765432-field-service-technician-m-w-d-'))?.apiUrl).toBe(
      'https://api.smartrecruiters.com/v1/companies/Alpenwerk/postings/744000098765432',
    );
  });

  it('reads jobAd sections, location, typeOfEmployment and experienceLevel', () => {
    const read = smartRecruiters.fromJson(api('smartrecruiters-posting.json'));
    expect(read?.structured).toMatchObject({
      title: 'Field Service Technician (m/w/d)',
      company: 'Alpenwerk GmbH',
      locations: ['München, Bayern, Germany'],
      employmentType: 'full-time',
      level: { seniority: 'entry' },
      posted: 'Oct 1, 2026',
    });
    expect(read?.text).toContain('Qualifications\n\n• Completed vocational training as a mechatronics technician');
  });
});

describe('LinkedIn', () => {
  it('maps every job URL form to the guest job-posting endpoint', () => {
    for (const u of [
      'https://www.linkedin.com/jobs/view/staff-machine-learning-engineer-at-harborlight-analytics-4098765432/',
      'https://uk.linkedin.com/jobs/view/4098765432',
      'https://www.linkedin.com/jobs/search/?currentJobId=4098765432',
    ]) {
      expect(linkedIn.match(new URL(u))?.apiUrl).toBe('https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/4098765432');
    }
  });

  const doc = parseHtml(page('linkedin-guest.html'));
  const read = linkedIn.fromHtml?.(doc);

  it('reads the top card, the criteria and the hirer’s salary', () => {
    expect(linkedIn.recognizeHtml?.(doc)).toBe(true);
    expect(read?.structured).toMatchObject({
      title: 'Staff Machine Learning Engineer',
      company: 'Harborlight Analytics',
      locations: ['Boston, MA'],
      employmentType: 'full-time',
      posted: '2 weeks ago',
      pay: [{ location: null, min: 210000, max: 260000, currency: 'USD', period: 'year', note: null }],
    });
    // "Mid-Senior level" is the source's criteria (senior), read after the title's own level word.
    expect(read?.structured.level).toMatchObject({ seniority: 'senior', label: 'Mid-Senior level' });
    const posting = extractPosting(cleanPosting(read?.text ?? '').text, { structured: read?.structured ?? {} });
    expect(posting.level).toMatchObject({ seniority: 'staff', track: 'ic' });
  });

  it('keeps the description and criteria, and never another employer’s salary from similar jobs', () => {
    expect(read?.text).toContain('• Lead the design of our demand-forecasting models in PyTorch');
    expect(read?.text).toContain('Seniority level: Mid-Senior level');
    expect(read?.text).not.toMatch(/Tidewater|320,000|Sign in to see|Show more/);
  });

  it('parses salary lines by period and currency', () => {
    expect(parseLinkedInSalary('£45.50/hr - £52/hr')).toMatchObject({ min: 45.5, max: 52, currency: 'GBP', period: 'hour' });
    expect(parseLinkedInSalary('A$160,000.00/yr - A$200,000.00/yr')).toMatchObject({ min: 160000, max: 200000, currency: 'AUD', period: 'year' });
  });
});

describe('placeFromBandTitle', () => {
  it.each([
    ['NYC Salary Range', 'NYC'],
    ['Salary Range - San Francisco, CA', 'San Francisco, CA'],
    ['Remote (US) Salary Range', 'Remote (US)'],
    ['Base Pay Range (London)', 'London'],
    ['Zone 2', null],
    ['Salary Range', null],
    ['Tier A Compensation', null],
  ])('%s → %s', async (title, want) => {
    const { placeFromBandTitle } = await import('../../src/links/facts.js');
    expect(placeFromBandTitle(title)).toBe(want);
  });
});

describe('tidyTitle', () => {
  it('drops trailing arrangement, country and location segments after " | "', async () => {
    const { tidyTitle } = await import('../../src/links/facts.js');
    expect(tidyTitle('Senior Platform Engineer | Remote | Australia')).toBe('Senior Platform Engineer');
    expect(tidyTitle('Data Analyst | Leeds', ['Leeds, United Kingdom'])).toBe('Data Analyst');
    expect(tidyTitle('Engineer | Payments Platform')).toBe('Engineer | Payments Platform');
    expect(tidyTitle('Engineer - Remote')).toBe('Engineer - Remote');
  });
});

describe('companyFromPageTitle', () => {
  it.each([
    ['Hinge - Android Engineer III', 'Android Engineer III', 'Hinge'],
    ['Data Engineer @ Quillstack', 'Data Engineer', 'Quillstack'],
    ['Senior Data Engineer | Jobs at Fieldnote', 'Senior Data Engineer', 'Fieldnote'],
    ['Jobs', 'Data Engineer', null],
    ['Careers - Lever', 'Data Engineer', null],
    ['Acme - Data Engineer - Remote - Lever', 'Data Engineer', null],
  ])('%s → %s', async (pageTitle, jobTitle, want) => {
    const { companyFromPageTitle } = await import('../../src/links/facts.js');
    expect(companyFromPageTitle(pageTitle, jobTitle)).toBe(want);
  });
});
