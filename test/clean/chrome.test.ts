import { describe, expect, it } from 'vitest';
import { stripChromeByLayout, stripPageChrome } from '../../src/clean/chrome.js';
import type { ExplainEntry } from '../../src/clean/types.js';

function chrome(text: string, explain: ExplainEntry[] = []): string {
  return stripChromeByLayout(stripPageChrome(text.split('\n'), explain), explain).join('\n');
}

const DESCRIPTION = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the posting describes the work and the team in enough words to be content.`).join('\n');

describe('page chrome', () => {
  it("drops LinkedIn's buttons, match box and hirer badges but keeps the title block", () => {
    const out = chrome(['Acme', 'Data Engineer', 'Austin, TX · 2 days ago · 12 people clicked apply', 'Promoted by hirer • Responses managed off LinkedIn', 'Full-time', 'Apply', 'Save', 'Job match is high, review match details', 'Show match details', 'Help me update my profile', 'BETA • Is this information helpful?', 'About the job', DESCRIPTION].join('\n'));
    expect(out.split('\n').slice(0, 5)).toEqual(['Acme', 'Data Engineer', 'Austin, TX · 2 days ago', 'Full-time', 'About the job']);
  });

  it("drops LinkedIn's 'More jobs' rail and everything after it, with its pay figures", () => {
    const explain: ExplainEntry[] = [];
    const out = chrome([DESCRIPTION, '… more', 'Set alert for similar jobs', 'Data Engineer', 'Other Co', '$90K/yr - $120K/yr', 'More jobs'].join('\n'), explain);
    expect(out).toBe(DESCRIPTION);
    expect(explain.find((e) => e.rule === 'linkedin.similar-jobs')?.before).toContain('$90K/yr');
  });

  it('drops the "About the company" card only when a follower count confirms it', () => {
    expect(chrome([DESCRIPTION, 'About the company', 'Acme', '12,345 followers', 'Follow', 'Acme makes things.'].join('\n'))).toBe(DESCRIPTION);
    const own = [DESCRIPTION, 'About the company', 'Acme builds tools for farmers across Kenya and Peru.'].join('\n');
    expect(chrome(own)).toBe(own);
  });

  it("drops a company profile's Top Skills / What We Do tail but keeps its workplace line", () => {
    const out = chrome([DESCRIPTION, 'Top Skills', 'What We Do', 'We make things.', 'Why Work With Us', 'Gallery', 'Acme Offices', 'Hybrid Workspace'].join('\n'));
    expect(out).toBe(`${DESCRIPTION}\n\nHybrid Workspace`);
  });

  it('refuses a weak tail marker when pay or sponsorship follows it', () => {
    const text = [DESCRIPTION, 'What We Do', 'Why Work With Us', 'Salary: $120,000 - $150,000'].join('\n');
    expect(chrome(text)).toBe(text);
  });

  it("drops Greenhouse's application form with its sponsorship question", () => {
    const out = chrome([DESCRIPTION, 'Apply for this job', '* indicates a required field', 'First Name*', 'Last Name*', 'Will you now or in the future require sponsorship?*'].join('\n'));
    expect(out).toBe(DESCRIPTION);
  });

  it('drops site navigation and a job board header above the title', () => {
    const out = chrome(['hero', 'WHY VISIT?', 'Sunny beaches and great food all year round for the whole family.', 'Senior Data Engineer', 'Acme', 'Posted on Oct 2, 2025', DESCRIPTION].join('\n'));
    expect(out.split('\n')[0]).toBe('Senior Data Engineer');
  });

  it('keeps a company line right above the title', () => {
    const out = chrome(['Acme Robotics', '', 'Senior Data Engineer', '', 'Boston, MA · 1 week ago', DESCRIPTION].join('\n'));
    expect(out.split('\n')[0]).toBe('Acme Robotics');
  });

  it('drops repeated title lines in the header', () => {
    const out = chrome(['Senior Data Engineer', 'Acme', 'Acme', 'Remote', 'Senior Data Engineer', DESCRIPTION].join('\n'));
    expect(out.split('\n').slice(0, 4)).toEqual(['Senior Data Engineer', 'Acme', 'Remote', 'Paragraph 0 of the posting describes the work and the team in enough words to be content.']);
  });

  it('drops footer links and the language list when several stand together, not a lone word', () => {
    const out = chrome([DESCRIPTION, 'About', 'Accessibility', 'Talent Solutions', 'Careers', 'Deutsch (German)', 'Español (Spanish)'].join('\n'));
    expect(out).toBe(DESCRIPTION);
    const lone = `${DESCRIPTION}\nAbout\n${DESCRIPTION}`;
    expect(chrome(lone)).toBe(lone);
  });

  it('keeps a chrome-looking line that carries pay', () => {
    expect(chrome('Apply now: $40/hour')).toBe('Apply now: $40/hour');
  });
});

describe('a list of job cards pasted before the selected posting', () => {
  const LIST = [
    'Backend Engineer', 'Acme Robotics', 'Denver, CO (Hybrid)', '$120K/yr - $150K/yr',
    'Data Analyst', 'Birch Health', 'Remote', 'Frontend Developer', 'Cobalt Labs', 'Austin, TX',
  ];

  it('drops the cards above the posting whose title repeats, keeping its company line', () => {
    const explain: ExplainEntry[] = [];
    const out = chrome([...LIST, 'Acme Robotics', 'Backend Engineer', 'Denver, CO · 2 days ago', 'Full-time', DESCRIPTION].join('\n'), explain);
    expect(out.split('\n').slice(0, 3)).toEqual(['Acme Robotics', 'Backend Engineer', 'Denver, CO · 2 days ago']);
    expect(out).not.toContain('Birch Health');
    expect(out).not.toContain('$120K/yr');
    expect(explain.some((e) => e.rule === 'job-board.job-list')).toBe(true);
  });

  it('keeps a header that repeats its title when no other job cards stand between', () => {
    const page = ['Backend Engineer', 'Acme Robotics', 'Backend Engineer', 'Denver, CO · 2 days ago', DESCRIPTION].join('\n');
    expect(chrome(page)).toContain('Acme Robotics');
  });

  it('stops looking at the first paragraph: a title repeated inside the description is no list', () => {
    const page = ['Backend Engineer', 'Denver, CO', DESCRIPTION, 'Data Analyst', 'Frontend Developer', 'Backend Engineer', 'Denver, CO'].join('\n');
    expect(chrome(page)).toContain('Paragraph 0 of the posting');
    expect(chrome(page).split('\n')[0]).toBe('Backend Engineer');
  });
});
