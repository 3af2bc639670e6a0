import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findJobPostings, jobPostingFromScripts, parseJsonLd, readJobPosting } from '../../src/links/jsonld.js';
import { jsonLdScripts, parseHtml } from '../../src/links/html.js';

const page = (name: string): string => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url), 'utf8');

describe('JSON-LD JobPosting', () => {
  const ld = jobPostingFromScripts(jsonLdScripts(parseHtml(page('jsonld-graph.html'))));

  it('finds the JobPosting inside @graph', () => {
    expect(ld?.facts.title).toBe('Customer Support Specialist');
    expect(ld?.facts.company).toBe('Brightpath Learning');
  });

  it('reads a remote job with applicant location requirements', () => {
    expect(ld?.facts.workplace).toBe('remote');
    expect(ld?.facts.locations).toEqual(['Remote, United States']);
  });

  it('reads an hourly baseSalary range', () => {
    expect(ld?.facts.pay).toEqual([{ location: null, min: 24, max: 28.5, currency: 'USD', period: 'hour', note: null }]);
  });

  it('maps employmentType and datePosted', () => {
    expect(ld?.facts.employmentType).toBe('part-time');
    expect(ld?.facts.posted).toBe('Oct 3, 2026');
  });

  it('unescapes an entity-escaped description and keeps its structure', () => {
    expect(ld?.description).toContain('What you’ll do\n\n• Answer learner questions by chat and email\n• Write help-center articles in Zendesk');
  });

  it('reads a PostalAddress, a single salary value and a top-level array', () => {
    const jp = findJobPostings(
      parseJsonLd(`[{"@type":"BreadcrumbList"},{"@context":"http://schema.org","@type":"JobPosting","title":"Nurse &amp; Educator",
        "hiringOrganization":"St. Olave Clinic",
        "jobLocation":[{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Austin","addressRegion":"TX","addressCountry":"US"}},
                       {"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Leeds","addressCountry":"GB"}}],
        "baseSalary":{"@type":"MonetaryAmount","currency":"usd","value":{"@type":"QuantitativeValue","value":5200,"unitText":"MONTH"}},
        "employmentType":"CONTRACTOR"}]`),
    )[0];
    const read = readJobPosting(jp ?? {});
    expect(read.facts).toMatchObject({
      title: 'Nurse & Educator',
      company: 'St. Olave Clinic',
      locations: ['Austin, TX', 'Leeds, United Kingdom'],
      employmentType: 'contract',
      pay: [{ min: 5200, max: 5200, currency: 'USD', period: 'month' }],
    });
  });

  it('tolerates CDATA wrappers and raw newlines inside strings', () => {
    const parsed = parseJsonLd('//<![CDATA[\n{"@type":"JobPosting","title":"Line\nCook"}\n//]]>');
    expect(findJobPostings(parsed)).toHaveLength(1);
  });

  it('skips a JSON-LD block nested 100k deep and reads the posting in the next one', () => {
    const deep = '{"@type":"JobPosting","hiringOrganization":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(parseJsonLd(deep)).toBeNull();
    expect(jobPostingFromScripts([deep, '{"@type":"JobPosting","title":"Line Cook"}'])?.facts.title).toBe('Line Cook');
  });

  it('finds nothing on a page whose JSON-LD is only WebSite', () => {
    expect(jobPostingFromScripts(['{"@context":"http://schema.org","@graph":[{"@type":"WebSite","url":"https://example.com"}]}'])).toBeNull();
  });
});
