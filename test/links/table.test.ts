import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStructuredPaste } from '../../src/links/read.js';
import { parseTablePaste } from '../../src/links/table.js';

const real = (name: string): string => readFileSync(new URL(`../../fixtures/real/${name}`, import.meta.url), 'utf8');

describe('a job pasted as a table row under its header', () => {
  it('reads a Markdown row of a JobSpy scrape (a real paste) by its column names, description lines and all', () => {
    const read = readStructuredPaste(real('b/b073.txt'));
    expect(read?.structured).toMatchObject({
      title: 'Software Engineer I',
      company: 'Mastercard',
      locations: ['Pune'],
      pay: [{ min: 816433, max: 1000000, currency: 'INR', period: 'year' }],
    });
    expect(read?.text).toContain('Our Purpose');
    expect(read?.text).not.toContain('job_url');
  });

  it('reads a CSV row whose quoted description spans lines and holds commas', () => {
    const csv = [
      'site,job_url,title,company,location,is_remote,interval,min_amount,max_amount,currency,description',
      'indeed,https://example.test/j/1,Data Engineer,Northwind Traders,"Austin, TX",True,yearly,120000,150000,USD,"About the role',
      'You will build pipelines, dashboards and tools.',
      'Requirements: 3+ years of SQL."',
    ].join('\n');
    const row = parseTablePaste(csv);
    expect(row).toMatchObject({ title: 'Data Engineer', company: 'Northwind Traders', location: 'Austin, TX' });
    expect(row?.['description']).toContain('3+ years of SQL.');
    const read = readStructuredPaste(csv);
    expect(read?.structured).toMatchObject({ title: 'Data Engineer', workplace: 'remote', pay: [{ min: 120000, max: 150000, currency: 'USD', period: 'year' }] });
  });

  it('reads a tab-separated row copied from a spreadsheet', () => {
    const tsv = 'Job Title\tCompany Name\tLocation\tJob Description\nBackend Developer\tContoso\tBerlin\tWir suchen eine Entwicklerin.';
    expect(parseTablePaste(tsv)).toEqual({ 'Job Title': 'Backend Developer', 'Company Name': 'Contoso', Location: 'Berlin', 'Job Description': 'Wir suchen eine Entwicklerin.' });
  });

  it('leaves prose alone: a first line with commas, a header without a title column, one line only', () => {
    expect(parseTablePaste('Python, Go, Rust, and a love of testing\nWe are hiring a backend engineer.')).toBeNull();
    expect(parseTablePaste('name,age,city\nAda,36,London')).toBeNull();
    expect(parseTablePaste('title,company,location')).toBeNull();
    expect(parseTablePaste('| Company | Role | Location |\nAcme | Engineer | NYC')).toBeNull();
  });
});
