import type { PayBand } from '../../posting.js';
import { linkedInJobId } from '../canonical.js';
import {
  amountsOf, compactFacts, composeText, currencyOf, levelFromLabel, mapEmploymentType, mapPayPeriod, mapWorkplace, payBand,
  type ReadResult,
} from '../facts.js';
import { findAll, findFirst, hasClass, htmlToText, innerText, type HtmlDocument, type HtmlElement } from '../html.js';
import type { SiteReader } from './types.js';

/**
 * LinkedIn's public guest job page (/jobs-guest/jobs/api/jobPosting/{id}, the same markup as
 * a logged-out /jobs/view/ page): the top card, the description, the criteria list and the
 * salary when the hirer gave one. Everything else on the page (similar jobs with other
 * employers' salaries, sign-in modals, footer) is ignored.
 */
export const LINKEDIN_BASE = 'https://www.linkedin.com';

const byClass = (cls: string) => (el: HtmlElement): boolean => hasClass(el, cls);

function firstText(doc: HtmlDocument | HtmlElement, ...classes: string[]): string | null {
  for (const cls of classes) {
    const el = findFirst(doc, byClass(cls));
    const text = el ? innerText(el) : '';
    if (text) return text;
  }
  return null;
}

/** "$150,000.00/yr - $200,000.00/yr", "£45/hr": the hirer's own range from the top card. */
export function parseLinkedInSalary(text: string): PayBand | null {
  const amounts = amountsOf(text);
  const unit = /\/\s*(yr|year|hr|hour|mo|month|wk|week|day)\b/i.exec(text)?.[1] ?? '';
  const period = mapPayPeriod(unit.replace(/^yr$/i, 'year').replace(/^hr$/i, 'hour').replace(/^mo$/i, 'month').replace(/^wk$/i, 'week'));
  return payBand(amounts[0], amounts[1] ?? amounts[0], currencyOf(text), period);
}

function criteria(doc: HtmlDocument): Array<[string, string]> {
  return findAll(doc, byClass('description__job-criteria-item')).map((item) => [
    firstText(item, 'description__job-criteria-subheader') ?? '',
    firstText(item, 'description__job-criteria-text') ?? '',
  ]);
}

export const linkedIn: SiteReader = {
  site: 'linkedin',
  match(url, baseUrl) {
    const id = linkedInJobId(url);
    if (!id) return null;
    return { apiUrl: `${(baseUrl ?? LINKEDIN_BASE).replace(/\/$/, '')}/jobs-guest/jobs/api/jobPosting/${id}`, accept: 'html' };
  },
  recognize: () => false,
  fromJson: () => null,
  recognizeHtml(doc) {
    return findFirst(doc, (el) => hasClass(el, 'top-card-layout__title') || hasClass(el, 'topcard__title') || hasClass(el, 'description__job-criteria-list')) !== null;
  },
  fromHtml(doc): ReadResult | null {
    const title = firstText(doc, 'top-card-layout__title', 'topcard__title');
    const descriptionEl = findFirst(doc, byClass('show-more-less-html__markup')) ?? findFirst(doc, byClass('description__text'));
    if (!title && !descriptionEl) return null;
    const company = firstText(doc, 'topcard__org-name-link', 'top-card-layout__second-subline');
    const location = firstText(doc, 'topcard__flavor--bullet');
    const posted = firstText(doc, 'posted-time-ago__text');
    const salaryText = firstText(doc, 'compensation__salary');
    const band = salaryText ? parseLinkedInSalary(salaryText) : null;
    const rows = criteria(doc);
    const value = (name: RegExp): string | null => rows.find(([k]) => name.test(k))?.[1] ?? null;
    const level = levelFromLabel(value(/seniority/i));
    const workplace = mapWorkplace(firstText(doc, 'workplace-type') ?? '');
    const facts = compactFacts({
      title,
      company: company && company !== title ? company : null,
      locations: location ? [location] : [],
      employmentType: mapEmploymentType(value(/employment type/i)),
      workplace,
      pay: band ? [band] : [],
      posted,
      ...(level ? { level } : {}),
    });
    const description = descriptionEl ? htmlToText(descriptionEl) : null;
    const criteriaText = rows.filter(([k, v]) => k && v).map(([k, v]) => `${k}: ${v}`).join('\n');
    const sections = [salaryText ? `Base pay range: ${salaryText}` : null, description, criteriaText || null];
    return { text: composeText(facts, sections), structured: facts, site: 'linkedin' };
  },
};
