/**
 * Words the line-restoring step (unflatten.ts) reads a flattened paste by. All lower case;
 * compared against one word at a time, so none of them is a pattern.
 */

/**
 * Words a sentence goes on after: a capitalised word right after one of these is a name inside
 * the sentence ("with Python", "the Product team"), never the start of a new line.
 */
export const CONTINUING_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'in', 'into', 'for', 'with', 'without', 'by', 'at', 'on', 'from',
  'as', 'our', 'your', 'their', 'its', 'his', 'her', 'my', 'is', 'are', 'be', 'been', 'being', 'was', 'were', 'will', 'would',
  'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'this', 'that', 'these', 'those', 'than', 'about', 'over', 'under',
  'like', 'such', 'within', 'across', 'via', 'per', 'not', 'no', 'including', 'include', 'includes', 'included', 'plus',
  'minimum', 'least', 'approximately', 'around', 'up', 'between', 'among', 'using', 'use', 'used', 'through', 'toward',
  'towards', 'during', 'after', 'before', 'since', 'until', 'upon', 'onto', 'off', 'out', 'if', 'when', 'where', 'while',
  'which', 'who', 'whom', 'whose', 'what', 'whether', 'both', 'either', 'neither', 'each', 'every', 'all', 'any', 'some',
  'many', 'most', 'more', 'less', 'other', 'another', 'same', 'called', 'named', 'known', 'join', 'joining', 'joined',
  'work', 'working', 'support', 'supporting', 'build', 'building', 'leverage', 'leveraging', 'call', 'contact', 'visit',
  'see', 'learn', 'located', 'based', 'near', 'also', 'whilst', 'against', 'beyond', 'besides', 'except', 'unlike',
  '&', '+', '/', 'vs', 'versus', 'e.g.', 'i.e.', 'etc', 'say', 'says', 'said', 'has', 'have', 'had', 'do', 'does', 'did',
  'make', 'makes', 'made', 'take', 'takes', 'get', 'gets', 'got', 'partner', 'partners', 'partnering', 'report', 'reports',
  'reporting', 'lead', 'leads', 'leading', 'manage', 'manages', 'managing', 'own', 'owns', 'help', 'helps', 'helping',
]);

/** Words before a full stop that does not end a sentence: titles, legal forms, "e.g.", months. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'sr', 'jr', 'snr', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'ste', 'mt', 'ft', 'inc', 'co', 'ltd', 'corp', 'llc', 'plc',
  'etc', 'vs', 'no', 'nos', 'approx', 'incl', 'dept', 'univ', 'est', 'min', 'max', 'avg', 'ext', 'tel', 'ph', 'hr', 'hrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mgr', 'eng', 'assoc', 'asst',
  'govt', 'intl', 'natl', 'bros', 'cf', 'al', 'fig', 'op', 'vol', 'yr', 'yrs', 'mo', 'wk', 'k', 'mn', 'bn',
]);

/** Employment words a page header prints on a line of their own ("Full-time", "Contract"). */
export const HEADER_FACT_WORDS: ReadonlySet<string> = new Set([
  'full-time', 'part-time', 'full time', 'part time', 'contract', 'contractor', 'temporary', 'internship', 'permanent',
  'freelance', 'on-site', 'onsite', 'remote', 'hybrid', 'vollzeit', 'teilzeit',
]);

/**
 * Where a block begins that the cleaning drops or reads on its own: the similar-jobs rail,
 * insights, "About the company". In a flattened paste they must start a line again.
 */
export const BLOCK_STARTS: readonly string[] = [
  'set alert for similar jobs', 'similar jobs', 'more jobs', 'see more jobs like this', 'people also viewed',
  'jobs you may be interested in', 'looking for talent?', 'similar searches', 'explore collaborative articles',
  'see how you compare to others who clicked apply', 'candidates who clicked apply', 'show premium insights',
  'exclusive job seeker insights about', 'about the company', 'other jobs at', 'more jobs at', 'similar positions',
  'related jobs', 'you may also like', 'recommended jobs', 'explore similar jobs', 'similar job categories',
  'career guide articles', 'people also searched', 'explore other jobs', 'meet the hiring team', 'job highlights',
  'full job description', 'job details', 'profile insights', 'top skills', 'what we do', 'why work with us',
];

/** Words that open a title's level: the title starts there when a header runs company and title together. */
export const LEVEL_OPENERS: ReadonlySet<string> = new Set([
  'senior', 'sr', 'sr.', 'junior', 'jr', 'jr.', 'staff', 'principal', 'lead', 'head', 'director', 'vp', 'chief',
  'associate', 'intern', 'entry', 'mid', 'mid-level', 'executive', 'distinguished', 'assistant', 'deputy', 'graduate',
]);
