import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import type { Posting } from '../../src/posting.js';

/**
 * Postings in formats found by exploratory testing (chat ads, recruiter notes, job-board copies,
 * non-English pages), each asserting the fields a careful reader takes from it.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/postings/explore');
const extract = (name: string): Posting => extractPosting(cleanPosting(readFileSync(path.join(dir, name), 'utf8')).text);

describe('Hacker News "Who is hiring" comment', () => {
  const p = extract('hn-who-is-hiring.txt');
  it('takes the title from the role field of the pipe-separated first line', () => {
    expect(p.title).toBe('Senior Backend Engineer (Go)');
    expect(p.level.seniority).toBe('senior');
  });
  it('reads the employment type from a field of that line', () => {
    expect(p.employmentType).toBe('full-time');
  });
  it('keeps the company, pay and sponsorship stance', () => {
    expect(p.company).toBe('Lumenfield');
    expect(p.pay).toMatchObject([{ min: 165000, max: 195000, currency: 'USD', period: 'year' }]);
    expect(p.sponsorship.stance).toBe('no');
  });
});

describe('staffing agency contract ad', () => {
  const p = extract('contract.txt');
  it('reads "No H1B or OPT/CPT candidates" and "Only US Citizens" as no sponsorship', () => {
    expect(p.sponsorship.stance).toBe('no');
  });
  it('reads "Onsite 3 days/week" as hybrid', () => {
    expect(p.workplace).toBe('hybrid');
  });
  it('does not take a described, unnamed client ("Fortune 500 retailer") for the company', () => {
    expect(p.company).toBeNull();
  });
  it('keeps the contract type, hourly rate and years', () => {
    expect(p.employmentType).toBe('contract');
    expect(p.pay).toMatchObject([{ min: 80, max: 80, currency: 'USD', period: 'hour' }]);
    expect(p.requirements.minYears).toBe(6);
  });
});

describe('Indian posting with CTC in LPA', () => {
  const p = extract('india-lpa.txt');
  it('reads "Work from Office - 5 days" as on-site', () => {
    expect(p.workplace).toBe('onsite');
  });
  it('keeps the CTC band in rupees a year and the labelled fields', () => {
    expect(p.pay).toMatchObject([{ min: 2500000, max: 3500000, currency: 'INR', period: 'year' }]);
    expect(p.title).toBe('Senior Software Engineer - Backend (Node.js)');
    expect(p.company).toBe('Paysetu Technologies Pvt. Ltd.');
    expect(p.locations).toEqual(['Bengaluru, India']);
  });
});

describe('French posting', () => {
  const p = extract('french.txt');
  it('reads the company from "Entreprise : …" (French spacing before the colon)', () => {
    expect(p.company).toBe('Vignoble Tech');
  });
  it('keeps title, place, CDI and hybrid work', () => {
    expect(p.title).toBe('Développeur Full Stack Senior');
    expect(p.locations).toEqual(['Bordeaux, France']);
    expect(p.employmentType).toBe('full-time');
    expect(p.workplace).toBe('hybrid');
  });
});

describe('pay ranges joined by a non-English "to"', () => {
  it('reads "50 000 € à 60 000 € brut annuel" as one band', () => {
    expect(extract('french.txt').pay).toMatchObject([{ min: 50000, max: 60000, currency: 'EUR', period: 'year' }]);
  });
  it('reads German "60.000 bis 75.000 €" as one band', () => {
    const p = extractPosting(cleanPosting('Backend Developer\nAcme GmbH\nBerlin\n\nGehalt: 60.000 bis 75.000 € brutto jährlich\n').text);
    expect(p.pay).toMatchObject([{ min: 60000, max: 75000, currency: 'EUR', period: 'year' }]);
  });
});

describe('Workable page with the pay under Benefits', () => {
  const p = extract('workable-page.txt');
  it('keeps an hourly range whose line goes on to a shift differential', () => {
    expect(p.pay).toEqual([{ location: null, min: 21.5, max: 24, currency: 'USD', period: 'hour', note: null }]);
  });
  it('reads the header fields under the title', () => {
    expect(p.title).toBe('Warehouse Associate - Night Shift');
    expect(p.company).toBe('Northwind Logistics');
    expect(p.locations).toEqual(['Reno, NV']);
    expect(p.workplace).toBe('onsite');
    expect(p.employmentType).toBe('full-time');
  });
});

describe('benefit amounts stay out of pay', () => {
  it('still drops a 401(k) figure named before the amount', () => {
    const p = extractPosting(cleanPosting('Data Analyst\nAcme\nBoston, MA\n\nBenefits\n\n- 401(k) contributions, up to $10,000 per year\n').text);
    expect(p.pay).toEqual([]);
  });
});

describe('places written in their own language', () => {
  it('reads "Köln, Deutschland" on a German header line', () => {
    const p = extract('german.txt');
    expect(p.locations).toEqual(['Köln, Germany']);
    expect(p.title).toBe('Softwareentwickler Java / Spring Boot');
    expect(p.pay).toMatchObject([{ min: 60000, max: 75000, currency: 'EUR', period: 'year' }]);
  });
  it('matches countries whose names hold accented letters ("España", "Österreich")', () => {
    for (const [line, want] of [['Madrid, España', 'Madrid, Spain'], ['Wien, Österreich', 'Wien, Austria'], ['Zürich, Schweiz', 'Zürich, Switzerland']] as const) {
      expect(extractPosting(cleanPosting(`Backend Engineer\nAcme\n${line}\n\nWe build things.\n`).text).locations).toEqual([want]);
    }
  });
});

describe('university posting with a department field', () => {
  const p = extract('gov-university.txt');
  it('takes the institution under the title, not the department named in "Department:"', () => {
    expect(p.company).toBe('University of Northern Colorado Research Institute');
  });
  it('keeps the annual range, citizenship stance and minimum qualifications', () => {
    expect(p.pay).toMatchObject([{ min: 78400, max: 96200, currency: 'USD', period: 'year' }]);
    expect(p.sponsorship.stance).toBe('no');
    expect(p.requirements.minYears).toBe(3);
    expect(p.requirements.degree).toBe('bachelor');
    expect(p.locations).toEqual(['Greeley, CO']);
  });
});

describe('Reddit "[Hiring]" post', () => {
  const p = extract('reddit-hiring.txt');
  it('takes the company from "We\'re Kettlebyte, a small indie studio"', () => {
    expect(p.company).toBe('Kettlebyte');
  });
  it('reads the bracketed title line with its remote region and euro band', () => {
    expect(p.title).toBe('Junior Frontend Developer (React/TypeScript)');
    expect(p.level.seniority).toBe('entry');
    expect(p.workplace).toBe('remote');
    expect(p.pay).toMatchObject([{ min: 38000, max: 45000, currency: 'EUR', period: 'year' }]);
    expect(p.sponsorship.stance).toBe('no');
  });
});

describe('pay bands placed by "for <place>" after the amount', () => {
  const p = extract('manager-ladder.txt');
  it('gives each band the place written after it, remote hires included', () => {
    expect(p.pay).toEqual([
      { location: 'Chicago, IL', min: 190000, max: 225000, currency: 'USD', period: 'year', note: null },
      { location: 'Remote (US)', min: 175000, max: 210000, currency: 'USD', period: 'year', note: null },
    ]);
  });
  it('does not take "for the first year" for a place', () => {
    const q = extractPosting(cleanPosting('Data Analyst\nAcme\nBoston, MA\n\nSalary: $80,000 per year for the first year, then reviewed.\n').text);
    expect(q.pay).toMatchObject([{ min: 80000, max: 80000 }]);
    expect(q.pay[0]?.location ?? '').not.toMatch(/year/);
  });
});

describe('a country with header words under the title', () => {
  it('reads "United States · Remote" as a remote US role', () => {
    const p = extract('part-time-remote.txt');
    expect(p.locations).toEqual(['Remote (US)']);
    expect(p.employmentType).toBe('part-time');
    expect(p.pay).toMatchObject([{ min: 22, max: 22, currency: 'USD', period: 'hour' }]);
  });
  it('reads "Germany | Full-time" as Germany', () => {
    const p = extractPosting(cleanPosting('Backend Engineer\nAcme GmbH\nGermany | Full-time\n\nWe build things.\n').text);
    expect(p.locations).toEqual(['Germany']);
  });
});

describe('recruiter email', () => {
  const p = extract('recruiter-email.txt');
  it('takes the employer from "on behalf of Maplecrest Health", not the agency', () => {
    expect(p.company).toBe('Maplecrest Health');
  });
  it('leaves the company\'s home city ("a … company based in Toronto") out of a remote role\'s places', () => {
    expect(p.locations).toEqual(['Remote (Canada)']);
  });
  it('reads the subject line title, CAD band and the no-sponsorship must-have', () => {
    expect(p.title).toBe('Lead DevOps Engineer');
    expect(p.pay).toMatchObject([{ min: 150000, max: 170000, currency: 'CAD', period: 'year' }]);
    expect(p.sponsorship.stance).toBe('no');
    expect(p.requirements.minYears).toBe(7);
  });
});

describe('principal posting with a "Level: L6" header', () => {
  const p = extract('staff-l6.txt');
  it('keeps the region of "Location: Remote - US"', () => {
    expect(p.locations).toEqual(['Remote (US)']);
    expect(p.workplace).toBe('remote');
  });
  it('reads the principal IC level, company label and base range', () => {
    expect(p.level).toMatchObject({ seniority: 'principal', track: 'ic' });
    expect(p.company).toBe('Orbitra');
    expect(p.pay).toMatchObject([{ min: 245000, max: 310000, currency: 'USD', period: 'year' }]);
    expect(p.requirements.minYears).toBe(12);
  });
});

describe('one-line chat message', () => {
  const p = extract('discord-casual.txt');
  it('reads a k range with a currency code in a long run-on line as the pay', () => {
    expect(p.pay).toMatchObject([{ min: 120000, max: 150000, currency: 'USD', period: 'year' }]);
  });
  it('reads title, company, place and stance from the prose', () => {
    expect(p.title).toBe('Mid-Level Backend Engineer');
    expect(p.company).toBe('Fernwood Games');
    expect(p.workplace).toBe('remote');
    expect(p.sponsorship.stance).toBe('no');
    expect(p.requirements.minYears).toBe(3);
  });
  it('still ignores a funding range in a long line', () => {
    const q = extractPosting(cleanPosting(`Backend Engineer\nAcme\n\n${'We are a small team that loves building reliable systems for hospitals and clinics, '.repeat(3)}and we raised $10-15M from great investors last year.\n`).text);
    expect(q.pay).toEqual([]);
  });
});

describe('Australian graduate posting', () => {
  const p = extract('australia.txt');
  it('reads "citizen, or Australian permanent resident" as no sponsorship', () => {
    expect(p.sponsorship.stance).toBe('no');
  });
  it('keeps the entry level, AUD band with super and Melbourne', () => {
    expect(p.level.seniority).toBe('entry');
    expect(p.pay).toMatchObject([{ min: 82000, max: 88000, currency: 'AUD', period: 'year' }]);
    expect(p.locations).toEqual(['Melbourne, Australia']);
  });
  it('does not read citizenship in an equal-opportunity list as a stance', () => {
    const q = extractPosting(cleanPosting('Data Analyst\nAcme\nBoston, MA\n\nWe hire without regard to race, citizenship or permanent resident status.\n').text);
    expect(q.sponsorship.stance).toBe('unstated');
  });
});

describe('Spanish posting from Colombia', () => {
  const p = extract('spanish.txt');
  it('keeps a company whose legal form ends in a full stop ("S.A.S.")', () => {
    expect(p.company).toBe('Andina Pagos S.A.S.');
  });
  it('reads "Remoto" on the header line and "contrato a término indefinido" as full-time', () => {
    expect(p.workplace).toBe('remote');
    expect(p.employmentType).toBe('full-time');
  });
  it('keeps the monthly peso band, place and years', () => {
    expect(p.pay).toMatchObject([{ min: 14000000, max: 18000000, currency: 'COP', period: 'month' }]);
    expect(p.locations).toEqual(['Bogotá, Colombia']);
    expect(p.requirements.minYears).toBe(5);
  });
});

describe('qualification headings and degrees in other languages', () => {
  it('reads the lines under "Requisitos" as basic qualifications and "Título profesional" as a bachelor', () => {
    const p = extract('spanish.txt');
    expect(p.requirements.basic).toContain('Mínimo 5 años de experiencia en ingeniería de datos');
    expect(p.requirements.degree).toBe('bachelor');
  });
  it('keeps "Wir bieten" perks out of the German basic qualifications', () => {
    const p = extract('german.txt');
    expect(p.requirements.basic).toContain('Mindestens 3 Jahre Berufserfahrung in der Softwareentwicklung mit Java');
    expect(p.requirements.basic.some((l) => /Urlaub/.test(l))).toBe(false);
  });
});

describe('Ashby page with field labels on their own lines', () => {
  const p = extract('ashby-page.txt');
  it('keeps the region of "Remote - US" in a labelled location list', () => {
    expect(p.locations).toEqual(['San Francisco, CA', 'Remote (US)']);
  });
  it('reads the labelled fields and the compensation line', () => {
    expect(p.title).toBe('Senior Site Reliability Engineer');
    expect(p.company).toBe('Cobaltline');
    expect(p.workplace).toBe('hybrid');
    expect(p.employmentType).toBe('full-time');
    expect(p.pay).toMatchObject([{ min: 175000, max: 215000, currency: 'USD', period: 'year' }]);
  });
});

describe('amounts written with local digit grouping', () => {
  const payOf = (line: string): Posting['pay'] => extractPosting(cleanPosting(`Software Engineer\nAcme\nZurich\n\n${line}\n`).text).pay;
  it('reads Indian lakh grouping ("₹18,00,000 - ₹24,00,000")', () => {
    expect(payOf('CTC: ₹18,00,000 - ₹24,00,000 per annum')).toMatchObject([{ min: 1800000, max: 2400000, currency: 'INR', period: 'year' }]);
  });
  it("reads Swiss apostrophe grouping (\"CHF 120'000 - 140'000\")", () => {
    expect(payOf("Salary: CHF 120'000 - 140'000 per year")).toMatchObject([{ min: 120000, max: 140000, currency: 'CHF', period: 'year' }]);
  });
  it('still reads US grouping', () => {
    expect(payOf('Salary: $1,200,000 - $1,500,000 per year')).toMatchObject([{ min: 1200000, max: 1500000 }]);
  });
});

describe('sponsorship wording variants', () => {
  const stanceOf = (sentence: string): string => extractPosting(cleanPosting(`Software Engineer\nAcme\nBoston, MA\n\n${sentence}\n`).text).sponsorship.stance;
  it('reads "H-1B transfer candidates are welcome" as yes', () => {
    expect(stanceOf('H-1B transfer candidates are welcome.')).toBe('yes');
  });
  it('reads "relocation assistance and sponsorship are available" as yes', () => {
    expect(stanceOf('Relocation assistance and sponsorship are available for the right candidate.')).toBe('yes');
  });
});

describe('job titles beyond the usual role nouns', () => {
  const posting = (title: string): Posting => extractPosting(cleanPosting(`${title}\nAcme\nBoston, MA\n\nWe build things.\n`).text);
  it('takes "Member of Technical Staff" as the title, not the staff rung', () => {
    const p = posting('Member of Technical Staff');
    expect(p.title).toBe('Member of Technical Staff');
    expect(p.level.seniority).toBeNull();
    expect(posting('Senior Member of Technical Staff').level.seniority).toBe('senior');
  });
  it('takes trade and service titles (welder, line cook, copywriter)', () => {
    for (const t of ['Welder - 2nd Shift', 'Line Cook', 'Copywriter']) expect(posting(t).title).toBe(t);
  });
});

describe('workplace phrasing variants', () => {
  const workplaceOf = (sentence: string): Posting['workplace'] => extractPosting(cleanPosting(`Software Engineer\nAcme\nBoston, MA\n\n${sentence}\n`).text).workplace;
  it('reads days working from home as hybrid', () => {
    expect(workplaceOf('You can work from home up to 2 days a week.')).toBe('hybrid');
    expect(workplaceOf('Work from home 2 days per week, 3 in the office.')).toBe('hybrid');
  });
  it('reads plain working from home and openness to remote candidates as remote', () => {
    expect(workplaceOf('This job is work from home.')).toBe('remote');
    expect(workplaceOf('Open to remote candidates in the US.')).toBe('remote');
    expect(workplaceOf('Flexible: remote or in our NYC office.')).toBe('remote');
  });
  it('reads a full-time office and a daily commute as on-site', () => {
    expect(workplaceOf('This position is 100% in office.')).toBe('onsite');
    expect(workplaceOf('Must be able to commute to our Denver office.')).toBe('onsite');
  });
  it('does not take a work-from-home stipend for the arrangement', () => {
    expect(workplaceOf('Work from home stipend of $500.')).toBeNull();
  });
  it('reads "a 12-week paid internship" as an internship', () => {
    expect(extractPosting(cleanPosting('Software Engineer\nAcme\nBoston, MA\n\nThis is a 12-week paid internship.\n').text).employmentType).toBe('internship');
  });
});

describe('Hacker News field line without prose naming the company', () => {
  const posting = (first: string): Posting => extractPosting(cleanPosting(`${first}\n\nWe are building the future of things. Email jobs@acme.dev.\n`).text);
  it('takes the first field as the company, without its batch note', () => {
    const p = posting('Acme Robotics (YC S21) | Founding Engineer | San Francisco | Onsite | $150k-$200k');
    expect(p.company).toBe('Acme Robotics');
    expect(p.title).toBe('Founding Engineer');
  });
  it('reads a bare city field and an arrangement field', () => {
    const p = posting('Acme Robotics (YC S21) | Founding Engineer | San Francisco | Onsite | $150k-$200k');
    expect(p.locations).toEqual(['San Francisco, CA']);
    expect(p.workplace).toBe('onsite');
  });
  it('does not take a title first field for the company', () => {
    expect(posting('Senior Engineer | Remote | Europe | Full-time').company).toBeNull();
  });
});

describe('postings that already read right (kept as regression guards)', () => {
  it('gives per-location bands where one line prices two cities', () => {
    const p = extract('multi-location.txt');
    expect(p.pay.map((b) => [b.location, b.min, b.max])).toEqual([
      ['San Francisco, CA', 182000, 228000], ['New York, NY', 182000, 228000], ['Seattle, WA', 172000, 215000], ['Austin, TX', 158000, 198000],
    ]);
    expect(p.sponsorship.stance).toBe('yes');
  });
  it('reads a UK posting: pounds per annum, hybrid, right to work', () => {
    const p = extract('uk-hybrid.txt');
    expect(p.pay).toMatchObject([{ min: 75000, max: 90000, currency: 'GBP', period: 'year' }]);
    expect(p.workplace).toBe('hybrid');
    expect(p.sponsorship.stance).toBe('no');
    expect(p.locations).toEqual(['Manchester, United Kingdom']);
  });
  it('reads an Indeed nursing copy: hourly pay, associate degree, in person', () => {
    const p = extract('indeed-nurse.txt');
    expect(p.pay).toMatchObject([{ min: 38, max: 52, currency: 'USD', period: 'hour' }]);
    expect(p.requirements.degree).toBe('associate');
    expect(p.workplace).toBe('onsite');
    expect(p.employmentType).toBe('full-time');
  });
  it('reads a Glassdoor copy: part-time shift supervisor at hourly pay', () => {
    const p = extract('glassdoor-retail.txt');
    expect(p.title).toBe('Store Shift Supervisor');
    expect(p.company).toBe('Brightmart');
    expect(p.employmentType).toBe('part-time');
    expect(p.pay).toMatchObject([{ min: 19, max: 23.5, currency: 'USD', period: 'hour' }]);
  });
  it('reads a recruiter DM with labelled fields and an unnamed client', () => {
    const p = extract('linkedin-recruiter-dm.txt');
    expect(p.title).toBe('Staff Data Engineer');
    expect(p.company).toBeNull();
    expect(p.workplace).toBe('hybrid');
    expect(p.requirements.minYears).toBe(8);
    expect(p.sponsorship.stance).toBe('no');
  });
  it('reads an internship with three cities and CPT/OPT support', () => {
    const p = extract('internship.txt');
    expect(p.level.seniority).toBe('intern');
    expect(p.employmentType).toBe('internship');
    expect(p.locations).toEqual(['San Francisco, CA', 'Seattle, WA', 'New York, NY']);
    expect(p.pay).toMatchObject([{ min: 52, max: 58, period: 'hour' }]);
  });
});
