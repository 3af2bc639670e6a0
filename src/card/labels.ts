import type { EmploymentType, Seniority, Workplace } from '../posting.js';

/** Display names for the card; data, not branching code. */
export const SENIORITY_NAMES: Readonly<Record<Seniority, string>> = {
  intern: 'Intern',
  entry: 'Entry level',
  mid: 'Mid level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  lead: 'Lead',
  manager: 'Manager',
  'senior-manager': 'Senior Manager',
  director: 'Director',
  vp: 'VP',
  executive: 'Executive',
};

/** Seniorities that already say "manages people"; others get "(people leader)" on the manager track. */
export const MANAGER_SENIORITIES: ReadonlySet<Seniority> = new Set([
  'manager', 'senior-manager', 'director', 'vp', 'executive',
]);

export const WORKPLACE_NAMES: Readonly<Record<Workplace, string>> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

export const EMPLOYMENT_NAMES: Readonly<Record<EmploymentType, string>> = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
};

export const DEGREE_NAMES: Readonly<Record<string, string>> = {
  associate: "Associate's degree",
  bachelor: "Bachelor's degree",
  master: "Master's degree",
  phd: 'PhD',
};

/** Source sites as people write them; a site not listed is shown as given. */
export const SITE_NAMES: Readonly<Record<string, string>> = {
  linkedin: 'LinkedIn',
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  workday: 'Workday',
  indeed: 'Indeed',
  seek: 'SEEK',
  builtin: 'Built In',
  glassdoor: 'Glassdoor',
  wellfound: 'Wellfound',
  smartrecruiters: 'SmartRecruiters',
  workable: 'Workable',
  jobvite: 'Jobvite',
  icims: 'iCIMS',
  ziprecruiter: 'ZipRecruiter',
  dice: 'Dice',
  monster: 'Monster',
  hn: 'Hacker News',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 20, 2026" from an ISO timestamp (UTC); the input as given when it does not parse. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** Unicode for the emoji names people pick for "full text"; renderers without shortcodes use it. */
export const EMOJI_UNICODE: Readonly<Record<string, string>> = {
  page_facing_up: '📄',
  page_with_curl: '📃',
  scroll: '📜',
  memo: '📝',
  newspaper: '📰',
  books: '📚',
  eyes: '👀',
  mag: '🔍',
};
