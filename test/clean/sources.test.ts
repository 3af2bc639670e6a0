import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { lineDiff, readFixture } from './golden.js';

/**
 * Pages from each kind of site, as they read when copied with Ctrl+A. For each: what must go
 * (chrome, boilerplate) and what must stay (the posting), then the whole golden file.
 */
interface SourceCase {
  name: string;
  site: string;
  gone: string[];
  kept: string[];
}

const CASES: SourceCase[] = [
  {
    name: 'greenhouse',
    site: "Greenhouse's navigation, job-alert box, application form and footer",
    gone: ['Back to jobs', 'Northwind Robotics logo', 'Create a Job Alert', 'First Name', 'Voluntary Self-Identification', 'Submit application', 'Powered by', 'E-Verify', 'equal opportunity employer', 'reasonable accommodation', 'require sponsorship for employment visa status?'],
    kept: ['Senior Backend Engineer, Fleet Platform', 'Boston, MA or Remote (US)', '5+ years of experience building backend services', '$165,000 - $205,000 USD', 'unable to sponsor or take over sponsorship'],
  },
  {
    name: 'lever',
    site: "Lever's logo, apply buttons and 'Jobs powered by' footer",
    gone: ['Quarry Analytics logo', 'Apply for this job', 'Home Page', 'Jobs powered by', 'Lever logo', 'equal opportunity workplace'],
    kept: ['Staff Data Engineer', 'Engineering – Data Platform /', 'Full-time /', 'Hybrid', '8+ years of experience in data engineering', '$210,000 - $245,000 per year', 'require visa sponsorship'],
  },
  {
    name: 'workday',
    site: "Workday's header, similar-jobs rail and footer",
    gone: ['Careers Home', 'Search for Jobs', 'Sign In', 'English', 'Similar Jobs', 'Software Engineer II, Payments', 'Follow Us', '© 2025 Workday', 'Equal Opportunity Employer'],
    kept: ['Senior Software Engineer, Payments', 'locations: Charlotte, NC', 'time type: Full time', 'posted on: Posted 2 Days Ago', '6+ years of software engineering experience', 'Pay Range: $128,000.00 - $176,000.00', 'will not sponsor applicants for work visas'],
  },
  {
    name: 'ashby',
    site: "Ashby's tabs, apply button and footer",
    gone: ['Overview', 'Application', 'Apply for this Job', 'Powered by Ashby', 'Privacy Policy', 'Vulnerability Disclosure', 'equal opportunity employer'],
    kept: ['Senior Product Designer', 'Location: New York City', 'Employment Type: Full time', 'Location Type: Hybrid', 'Compensation: $150K – $185K', '5+ years of product design experience', 'Compensation Range: $150K - $185K'],
  },
  {
    name: 'indeed',
    site: "Indeed's navigation, ratings, profile-insights quiz, insights and related searches",
    gone: ['Company reviews', 'Find jobs', '3.6 out of 5 stars', 'Apply now', 'Profile insights', 'Do you have experience in SQL?', 'Pulled from the full job description', 'Report job', 'Employer active', 'People also searched', 'Accessibility at Indeed'],
    kept: ['Data Analyst', 'Harbor & Pine Logistics', 'Savannah, GA 31401', 'Pay: $68,000 - $82,000 a year', 'Job type: Full-time', '2+ years of experience in data analysis', 'Pay: $68,000.00 - $82,000.00 per year', 'Posted 3 days ago'],
  },
  {
    name: 'smartrecruiters',
    site: "SmartRecruiters' buttons, EEO line, fraud warning and other-jobs rail",
    gone: ["I'm interested", 'Share', 'kept confidential according to EEO guidelines', 'recruitment fraud', 'Powered by SmartRecruiters', 'Other jobs at Vantage Foods', 'Production Supervisor'],
    kept: ['Quality Assurance Specialist', 'Columbus, OH, United States', 'At least 2 years of quality assurance experience', 'Pay range: $24 - $29 per hour'],
  },
  {
    name: 'careers-page',
    site: "a company careers page's cookie banner, navigation, share links and agency notice",
    gone: ['We use cookies', 'Accept all', 'Open roles', 'Life at Finch', 'Back to all jobs', 'Share this job', 'recruitment agencies', 'forward CVs', '© 2025 Finch', 'equal opportunity employer'],
    kept: ['Product Manager, Payments', 'London, UK · Hybrid · Full-time', '4+ years of product management experience', 'Salary: £75,000 – £90,000', 'unable to sponsor visas'],
  },
  {
    name: 'german',
    site: 'a German careers page: cookie banner, Bewerben/Merken buttons, AGG statement, Datenschutz and footer',
    gone: ['Wir verwenden Cookies', 'Zurück zur Übersicht', 'Jetzt bewerben', 'Merken', 'unabhängig von Geschlecht', 'Schwerbehinderte', 'Datenschutzhinweisen', 'Impressum', 'Karriere'],
    kept: ['Backend-Entwickler (m/w/d) Java/Kotlin', 'Hamburg · Vollzeit · Hybrid', 'Mindestens 3 Jahre Berufserfahrung', '65.000 € und 78.000 €', 'Arbeitserlaubnis', 'Deine Aufgaben'],
  },
  {
    name: 'spanish',
    site: 'a Spanish careers page: buttons, equal-opportunity and privacy text, legal footer',
    gone: ['Volver a ofertas', 'Postularme', 'Compartir', 'igualdad de oportunidades', 'datos personales', 'Aviso legal', 'Política de cookies'],
    kept: ['Ingeniera/o de Datos Senior', 'Madrid, España · Híbrido · Jornada completa', 'Al menos 4 años de experiencia', 'Salario: 55.000 € - 65.000 €', 'Requisitos'],
  },
];

describe.each(CASES)('cleaning a $name page', ({ name, site, gone, kept }) => {
  const result = cleanPosting(readFixture('clean', 'sources', `${name}.txt`));

  it(`drops ${site}`, () => {
    for (const g of gone) expect(result.text, `should be gone: ${g}`).not.toContain(g);
  });

  it('keeps the title block, requirements, pay and sponsorship', () => {
    for (const k of kept) expect(result.text, `should be kept: ${k}`).toContain(k);
  });

  it('gives its golden text line for line', () => {
    const diff = lineDiff(result.text, readFixture('clean', 'sources', `${name}.clean.txt`));
    if (diff !== null) expect.fail(`cleaned text differs from the golden file (- golden, + actual):\n${diff}`);
  });

  it('explains every removal with the rule that made it', () => {
    const removals = result.explain.filter((e) => e.after === '' && (e.step === 'chrome' || e.step === 'boilerplate'));
    expect(removals.length).toBeGreaterThan(0);
    for (const r of removals) expect(r.rule).toMatch(/^[a-z][a-z.-]+$/);
  });
});
