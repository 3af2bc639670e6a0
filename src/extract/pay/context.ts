/**
 * Context rules that tell this role's pay from other money on a page: pay words, words that
 * mark a figure as something else (bonus, stipend, funding …), quantities that only look like
 * money ("10-15 hours/week", "Travel 80%"), and page rails listing other jobs' salaries.
 */

/** Words that make a sentence (or a heading over a block) about pay. */
export const PAY_WORDS = /\b(?:salary|salaries|salaried|pay|pay\s?range|pay\s?rate|base pay|compensation|comp|wages?|hourly rate|day rate|daily rate|rate of pay|remuneration|earnings|earning potential|OTE|on[- ]target|hiring range|stipend for this role|CTC|LPA|lakhs?|lacs?\s*p\.?\s?a\.?|gehalt|jahresgehalt|vergütung|salario|sueldo|salário|salaris|rémunération|salaire|retribuzione|stipendio|wynagrodzenie|lön|lønn|løn|palkka)(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž])|年収|月給|給与|給料|時給|薪资|薪酬|연봉|급여/i;

/** A pay word acting as a label right before a bare number ("Salary 85000.00 - 90000.00", "Compensation: 80k"). */
export const PAY_LABEL_BEFORE = /(?:\b(?:salary|pay|compensation|wage|wages|rate|remuneration|OTE|CTC|earnings)(?:\s+(?:range|rate|band|scale|is|of|from|between|will be|offered))*\s*(?:[:\-–—]\s*)?(?:(?:USD|CAD|GBP|EUR|AUD)\s*)?)$/i;

/**
 * Words just before an amount that make it something other than pay. Only the few words
 * before the amount in its own clause count, so "Base salary $100k plus sign-on bonus of $20k"
 * keeps the salary and drops the bonus.
 */
const NOT_PAY_BEFORE = /\b(?:bonus(?:es)?|sign(?:ing|-on| on)|relocation|(?:education(?:al)?|tuition|learning) assistance|HRA|house rent|gym|childcare|stipends?|allowances?|vouchers?|budgets?|reimburse(?:ment|d)?|revenues?|funding|funded|raised|raise|valuations?|valued|ARR|series [a-f]|invest(?:ment|ed|ors)?|grants?|retirement-plan|match(?:ing)?|tuition|per diem|worth|sales of|gmv|refunds?|savings|save[sd]?|saving|processed|manage(?:s|d)? (?:a )?budget|fees?|deposits?|rent|prize|award|donat(?:ed|ion)s?|insurance|coverage|life insurance|referral|credits?|equity|RSUs?|stock|options|commissions? of|cash back|glassdoor est\.?|differentials?|premiums?|overtime|shift diff|averages?|averaged|on average|top (?:performers|producers|earners|reps|agents)|projected|(?:income|earning|earnings) potential|potential to earn|(?:can|could) earn|have earned)\b(?:\W+\w+){0,4}\W*$/i;

/**
 * Income projections: what a commission job might earn, not its pay. A row of a table by year
 * ("Year 2: $90,000 - $120,000"), or a block under an "Income potential" heading.
 */
export const PROJECTION_ROW = /^\W{0,3}(?:(?:year|yr|month)\s*\d{1,2}|(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:year|month))\b/i;
export const PROJECTION_HEADING = /\b(?:income|earning|earnings)\s+(?:potential|projections?|forecast|examples?)\b|\bprojected (?:income|earnings|pay)\b|\bwhat (?:you|our \w+) (?:can|could|will) (?:make|earn)\b/i;

/** Words right after an amount that make it something other than pay. */
const NOT_PAY_AFTER = /^\W{0,3}(?:\w+\W+){0,3}?(?:in (?:funding|revenue|sales|transactions|ARR|assets|refunds|savings|annual revenue|capital|investment|venture|series|seed|fertility|benefits)|of (?:funding|capital|revenue|travel|private)|(?:annual |yearly |monthly )?(?:budget|stipend|allowance|voucher|bonus|sign-on|signing|relocation|reimbursement|credit|grant|increase|raise|gift|per diem|deposit|rent|fee|tips?)s?\b|worth of|under management|AUM|valuation|market cap|for (?:gym|food|meals?|lunch|wellness|learning|training|education|conferences|books|equipment|home office|internet|phone|commute|transit|childcare|fertility|coworking|co-working|tools|health)|(?:towards|toward|to spend on)\b|training (?:and development )?(?:budget|allowance|stipend|fund)|learning and development|L&D|professional development|WFH|home office|per (?:employee|person) (?:for|towards)|\bfund\b|(?:private|venture) capital|raised|ecosystem|travel\b(?! (?:required|expected))|(?:in )?(?:RSUs?|equity|stock|options|shares)\b|(?:annual |sales )?(?:quota|ARR|pipeline|P&L|ad spend|spend|portfolio|book of business|deal size|deals)\b)/i;

/** A parenthetical that restates a figure in other units ("(approximately $30/hour)"). */
const RESTATEMENT_BEFORE = /\(\s*(?:approximately|approx\.?|about|around|roughly|~|≈|equivalent(?: to)?|equiv\.?|i\.e\.?|or|which is|that's)\s*$/i;

/** Nouns that make a number a count, not money ("10-15 hours per week", "50,000 employees"). */
const QUANTITY_AFTER = /^\s*(?:-\s*)?(?:%|percent\b|pct\b|hours?\b|hrs?\b|days?\b|weeks?\b|wks?\b|months?\b|mos?\b|years?\b|yrs?\b|minutes?\b|mins?\b|employees\b|people\b|persons\b|staff\b|users\b|customers\b|clients\b|members\b|contributors\b|countries\b|offices\b|locations\b|students\b|patients\b|beds\b|miles\b|km\b|projects\b|lines\b|times\b|x\b|\+\s*years)/i;

/** Sentences about a benefit or the business, not the salary ("… 401(k) contributions, up to $10,000 per year"). */
const NOT_PAY_TOPIC = /\b(?:retirement-plan|education assistance|tuition assistance|HRA|house rent allowance|retirement|pension|match(?:es|ing)?|contributions?|stipends?|allowances?|budgets?|reimburse(?:ment|d|s)?|bonus(?:es)?|tuition|vouchers?|per diem|relocation|sign-on|signing|funding|revenue|raised|valuation|insurance|credits?|perks?|referral|differentials?|premiums?|overtime)\b/i;

export function isNotPayTopic(sentence: string): boolean {
  return NOT_PAY_TOPIC.test(sentence);
}

/** A job board's own estimate after the figure ("(Glassdoor est.)", "Indeed estimate"), not the employer's pay. */
const BOARD_ESTIMATE_AFTER = /^\s*(?:\(\s*)?(?:(?:glassdoor|indeed|levels\.fyi|salary\.com|linkedin)\s*)?est(?:\.|imate\b)/i;

export function isBoardEstimate(after: string): boolean {
  return BOARD_ESTIMATE_AFTER.test(after);
}

export function isQuantity(after: string): boolean {
  return QUANTITY_AFTER.test(after);
}

export function notPayBefore(before: string): boolean {
  return NOT_PAY_BEFORE.test(before);
}

export function notPayAfter(after: string): boolean {
  return NOT_PAY_AFTER.test(after.slice(0, 80));
}

export function isRestatement(before: string): boolean {
  return RESTATEMENT_BEFORE.test(before);
}

/**
 * Headings that start a rail of other jobs (LinkedIn's "More jobs", "Similar jobs", "People
 * also viewed"; Indeed's and SEEK's recommendations). Money after them belongs to other jobs.
 */
export const RAIL_HEADING = /^\s*(?:more jobs(?: like this)?|similar jobs|see more jobs like this|people also viewed|jobs you may be interested in|recommended jobs|recommended for you|other jobs(?: you might like)?|similar searches|explore (?:more )?jobs|related jobs|jobs similar to (?:this|.{0,60})|people who viewed this job also viewed|more jobs from .{0,60}|you may also like|looking for more jobs\??|other people also viewed|jobs like this|top jobs|similar positions|jobs near .{0,60}|people also searched(?: for)?|recently viewed jobs|explore similar roles|other roles you may be interested in|more jobs at .{0,60}|see all jobs(?: at .{0,60})?|similar jobs near you)\s*(?::\s*)?$/i;

/** Headings of a posting's own text: after a rail, they mean the posting resumes. */
export const POSTING_HEADING = /^\s*(?:about the (?:job|role|position|team)|job description|description|responsibilities|what you'?ll do|qualifications|requirements|minimum qualifications|basic qualifications|preferred qualifications|compensation|salary|pay (?:range|transparency)|benefits|who you are|the role)\s*(?::\s*)?$/i;

/** Plain-text form of one line: HTML entities decoded (to a fixed point), tags as spaces, tax-form numbers blanked. */
export function normaliseLine(line: string): string {
  let s = line;
  for (let i = 0; i < 3 && /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s); i++) s = decodeEntities(s);
  // A tag holds no '<': "<a<a<a…" with no '>' is read once, not once per '<'.
  s = s.replace(/<\/?[a-z][^<>]*>/gi, ' ');
  s = s.replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
  // 401(k), 403(b), 457(b) and tax forms are not amounts; "1099" contracts, "W-2".
  s = s.replace(/\b(?:401|403|457)\s?\(?[kb]\)?/gi, 'retirement-plan');
  s = s.replace(/(?<![$€£\d,.])\b1099\b(?![,.]\d)/g, 'contractor-form');
  // "100 000 €", "80 000 - 100 000 SEK": space-grouped thousands where currencies written that way appear.
  if (SPACE_GROUPED_CURRENCY.test(s)) s = s.replace(/\b\d{1,3}(?: \d{3})+\b/g, (m) => m.replace(/ /g, ''));
  return s;
}

const SPACE_GROUPED_CURRENCY = /€|\b(?:EUR|PLN|SEK|NOK|DKK|CHF|CZK|HUF|RUB|UAH|kr|zł|brut|brutto|Kč|Ft)\b|zł|Kč/;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–',
  minus: '−', euro: '€', pound: '£', yen: '¥', dollar: '$', hellip: '…', rsquo: '’', lsquo: '‘',
  ldquo: '“', rdquo: '”', bull: '•', middot: '·', tilde: '~', thinsp: '\u2009', ensp: ' ', emsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATION_BEFORE_DOT = /(?:\b[A-Za-z]|\b(?:Sr|Jr|Mr|Ms|Mrs|Dr|St|No|Inc|Ltd|Co|Corp|approx|vs|etc|e\.g|i\.e|Mgr|Dept|Ave|Rd|Blvd|Ft|Mt|est|incl|min|max|p\.a|p\.m|a\.m))$/;

/**
 * Spans of the sentences of one line. Ends at ".", "!", "?" (not a decimal point, not an
 * abbreviation such as "U.S." or "Sr."), at ";", at a bullet, and at " | " (a table-ish divider).
 */
export function sentenceSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let cut = false;
    if (c === ';' || c === '•' || c === '|') cut = true;
    else if (c === '.' || c === '!' || c === '?') {
      const nextChar = s[i + 1] ?? ' ';
      const decimal = c === '.' && /\d/.test(s[i - 1] ?? '') && /\d/.test(nextChar);
      const abbreviation = c === '.' && ABBREVIATION_BEFORE_DOT.test(s.slice(Math.max(0, i - 8), i));
      cut = !decimal && !abbreviation && /\s/.test(nextChar);
    }
    if (cut) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < s.length) spans.push([start, s.length]);
  return spans;
}

/** Text from the clause boundary before `at` (comma, parenthesis, "plus", "and") to `at`. */
export function clauseBefore(s: string, from: number, at: number): string {
  const piece = s.slice(from, at);
  const cut = Math.max(piece.lastIndexOf(','), piece.lastIndexOf('('), piece.lastIndexOf(' plus '), piece.lastIndexOf(' + '));
  return cut >= 0 ? piece.slice(cut + 1) : piece;
}

/** Text from `at` to the next clause boundary (comma, parenthesis, "plus", "+"). */
export function clauseAfter(s: string, at: number, to: number): string {
  const piece = s.slice(at, to);
  const m = /,|\(|\bplus\b|\+|\band\b|\bincluding\b/i.exec(piece);
  return m ? piece.slice(0, m.index) : piece;
}
