import type { PayBand } from '../../posting.js';
import { linkedInJobId } from '../canonical.js';
import {
  amountsOf, compactFacts, composeText, currencyOf, levelFromLabel, mapEmploymentType, mapPayPeriod, mapWorkplace, payBand,
  type ReadResult,
} from '../facts.js';
import { findAll, findFirst, hasClass, htmlToText, innerText, pageTitle, type HtmlDocument, type HtmlElement } from '../html.js';
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

// The criteria list in the languages LinkedIn serves guest pages in. Its order is fixed
// (seniority, employment type, function, industries), which also reads a language not listed.
const CRITERIA_LABELS: Readonly<Record<'seniority' | 'employment', RegExp>> = {
  seniority: /seniority|niveau hi[ée]rarchique|karrierestufe|nivel de antig[üu]edad|n[íi]vel de experi[êe]ncia|livello di anzianit|senioriteitsniveau|poziom|senioritetsniv|職位レベル/i,
  employment: /employment type|type d[’']emploi|besch[äa]ftigungsverh[äa]ltnis|anstellungsart|tipo de empleo|tipo de emprego|tipo di impiego|dienstverband|rodzaj zatrudnienia|anst[äa]llningsform|雇用形態/i,
};

function criterion(rows: ReadonlyArray<[string, string]>, name: keyof typeof CRITERIA_LABELS, position: number): string | null {
  const labelled = rows.find(([k]) => CRITERIA_LABELS[name].test(k));
  if (labelled) return labelled[1] || null;
  // Labels in a language the table lacks: the full four-row list keeps its order.
  return rows.length === 4 ? (rows[position]?.[1] ?? null) : null;
}

/**
 * The place a job page's <title> names when the top card has none: "Atos hiring Engineer in
 * Amstelveen, North Holland, Netherlands | LinkedIn", "Engineer at Atos — Amstelveen, … | LinkedIn Jobs".
 */
function placeFromPageTitle(doc: HtmlDocument): string | null {
  const title = pageTitle(doc);
  if (!title || !/\|\s*LinkedIn/i.test(title)) return null;
  const m = /\bhiring .+? in (.+?)\s*\|\s*LinkedIn/i.exec(title) ?? /\s[—–]\s([^—–|]+?)\s*\|\s*LinkedIn/i.exec(title);
  return m?.[1]?.trim() || null;
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
    const location = firstText(doc, 'topcard__flavor--bullet') ?? placeFromPageTitle(doc);
    const posted = firstText(doc, 'posted-time-ago__text');
    const salaryText = firstText(doc, 'compensation__salary');
    const band = salaryText ? parseLinkedInSalary(salaryText) : null;
    const rows = criteria(doc);
    const level = levelFromLabel(criterion(rows, 'seniority', 0));
    const workplace = mapWorkplace(firstText(doc, 'workplace-type') ?? '');
    const facts = compactFacts({
      title,
      company: company && company !== title ? company : null,
      locations: location ? [location] : [],
      employmentType: mapEmploymentType(criterion(rows, 'employment', 1)),
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
