import {
  compactFacts, composeText, mapEmploymentType, tidyTitle, type ReadResult,
} from '../facts.js';
import { findFirst, htmlToText, innerText, type HtmlDocument, type HtmlElement } from '../html.js';

/**
 * Job boards whose pages mark each fact with a stable test attribute (SEEK's data-automation,
 * Indeed's data-testid). A profile names those attributes; the page's chrome around them
 * (report-this-ad forms, salary insights, other jobs) is never read.
 */
interface Selector {
  attr: string;
  value: string;
}
interface PageProfile {
  site: string;
  /** Present on the job page itself. */
  marker: Selector;
  title: Selector[];
  company: Selector[];
  location: Selector[];
  workType: Selector[];
  salary: Selector[];
  body: Selector[];
}

const da = (value: string): Selector => ({ attr: 'data-automation', value });
const tid = (value: string): Selector => ({ attr: 'data-testid', value });
const id = (value: string): Selector => ({ attr: 'id', value });

const PROFILES: readonly PageProfile[] = [
  {
    site: 'seek',
    marker: da('jobAdDetails'),
    title: [da('job-detail-title')],
    company: [da('advertiser-name')],
    location: [da('job-detail-location')],
    workType: [da('job-detail-work-type')],
    salary: [da('job-detail-salary')],
    body: [da('jobAdDetails')],
  },
  {
    site: 'indeed',
    marker: id('jobDescriptionText'),
    title: [tid('jobsearch-JobInfoHeader-title')],
    company: [tid('inlineHeader-companyName')],
    location: [tid('jobsearch-JobInfoHeader-companyLocation'), tid('job-location')],
    workType: [],
    salary: [id('salaryInfoAndJobType')],
    body: [id('jobDescriptionText')],
  },
];

function pick(doc: HtmlDocument, selectors: readonly Selector[]): HtmlElement | null {
  for (const s of selectors) {
    const el = findFirst(doc, (e) => e.attribs[s.attr] === s.value);
    if (el) return el;
  }
  return null;
}

function textOf(doc: HtmlDocument, selectors: readonly Selector[]): string | null {
  const el = pick(doc, selectors);
  const text = el ? innerText(el) : '';
  return text || null;
}

/** The posting on a page a profile knows, or null. */
export function readProfiledPage(doc: HtmlDocument): ReadResult | null {
  for (const p of PROFILES) {
    if (!pick(doc, [p.marker])) continue;
    const body = pick(doc, p.body);
    const title = textOf(doc, p.title);
    if (!body || !title) continue;
    const location = textOf(doc, p.location);
    const workType = textOf(doc, p.workType);
    const salary = textOf(doc, p.salary);
    const workplace = /\bremote\b/i.test(location ?? '') ? 'remote' : /\bhybrid\b/i.test(location ?? '') ? 'hybrid' : null;
    const facts = compactFacts({
      title: tidyTitle(title, location ? [location] : []),
      company: textOf(doc, p.company),
      locations: location ? [location] : [],
      workplace,
      employmentType: mapEmploymentType(workType),
    });
    const header = [workType, salary ? `Salary: ${salary}` : null];
    return { text: composeText(facts, [htmlToText(body)], header), structured: facts, site: p.site };
  }
  return null;
}
