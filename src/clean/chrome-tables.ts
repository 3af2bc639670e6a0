/**
 * Page chrome as data: what job sites wrap around a posting, as their pages read when copied.
 * All matching is against `lineKey(line)`: lower case, single spaces, no trailing ':' or '*'.
 */

export interface LineRule {
  rule: string;
  /** Whole lines, compared by key. */
  lines?: readonly string[];
  /** Patterns over the key of a short line; anchored, bounded: no backtracking on long input. */
  patterns?: readonly RegExp[];
}

/** Lines that are chrome wherever they appear. */
export const CHROME_LINES: readonly LineRule[] = [
  {
    rule: 'buttons',
    lines: [
      'apply', 'apply now', 'easy apply', 'quick apply', 'apply with indeed', 'apply on company site', 'apply on company website',
      'save', 'saved', 'save job', 'unsave', 'share', 'share job', 'share this job', 'share this job:', 'copy link', 'print',
      'apply for this job', 'apply for this position', 'apply for this role', 'apply to this job', 'apply to job',
      'submit application', 'submit your application', "i'm interested", 'i’m interested', 'refer a friend',
      'back to jobs', 'back to all jobs', 'back to search results', 'back to job search', 'view all jobs', 'see all jobs',
      'see all open positions', 'view all open positions', 'all jobs', 'search jobs', 'find jobs', 'job search',
      'show more', 'show less', 'see more', 'see less', 'read more', 'read less', '… more', '…more', '… see more', '…see more',
      'more', 'less', 'report job', 'report this job', 'report this job ad', 'report this job advert', 'report this listing',
      'overview', 'application', 'apply for this job online', 'not interested', 'follow', 'following', 'message', 'connect',
      'jetzt bewerben', 'bewerben', 'merken', 'teilen', 'job merken', 'stelle merken', 'zurück zur übersicht', 'zurück zu allen jobs',
      'alle jobs anzeigen', 'alle stellenangebote', 'postularme', 'postúlate', 'aplicar', 'aplicar ahora', 'guardar', 'compartir',
      'report', 'help', 'send me jobs like this', 'register to apply', 'login to apply', 'sign in to apply', 'log in to apply',
      'refer this job to a friend', 'email this job to a friend', 'email this job', 'share on your newsfeed', 'need help?',
      'back to search', 'back to open roles', 'back to careers', 'show more options', 'see the company', 'view website',
      'view company', 'company website', 'actively hiring', 'viewed', 'featured', 'view all jobs at this company', 'application faqs', 'options', 'want to know more?',
      'volver a ofertas', 'volver a la búsqueda', 'ver todas las ofertas', 'postuler', 'enregistrer', 'partager',
    ],
  },
  {
    rule: 'site-navigation',
    lines: [
      'skip to main content', 'skip to content', 'skip to main', 'start of main content', 'main content', 'menu', 'close menu',
      'open menu', 'toggle navigation', 'sign in', 'sign up', 'log in', 'login', 'join now', 'register', 'create account',
      'create your resume', 'upload your resume', 'post your resume', 'employers / post job', 'post a job', 'post a job ad',
      'open app', 'expand search', 'clear text', 'what', 'where', 'people search', 'company reviews', 'find salaries',
      'search salary', 'change country', 'careers home', 'search for jobs', 'job alerts', 'create job alert',
      'create alert', 'get job alerts', 'set job alert', 'sign in to create job alert', 'join our talent community',
      'join our talent network', 'join talent community', 'cookie settings', 'cookie preferences', 'manage cookies',
      'accept all cookies', 'accept all', 'reject all', 'accept cookies', 'decline', 'allow all', 'necessary only',
      'alle akzeptieren', 'alle ablehnen', 'cookie-einstellungen', 'aceptar todas', 'rechazar todas', 'aceptar cookies',
      'configuración de cookies', 'impressum', 'privacy policy', 'terms of use',
      'terms of service', 'terms & conditions', 'cookie policy', 'privacy & terms', 'do not sell or share my personal information',
      'your privacy choices', 'privacy centre', 'privacy center', 'accessibility statement', 'sitemap', 'select language',
      'forgot password?', 'email or phone', 'password', 'sign in with email', 'new to linkedin?', 'create a job alert',
      'indicates a required field', 'open roles', 'open positions', 'current openings', 'job openings', 'all openings',
      'careers', 'an official website of the united states government', "here's how you know", 'here’s how you know',
      'get notion free', 'made with notion', 'suggest edits', 'comment', 'last edit was seconds ago', 'zur karriereseite',
      'stellenangebote', 'indeed home', 'date posted', 'usajobs', 'aviso legal', 'política de privacidad', 'política de cookies', 'mentions légales',
    ],
  },
  {
    rule: 'linkedin.job-insights',
    lines: [
      'show match details', 'help me update my profile', 'beta • is this information helpful?', 'is this information helpful?',
      'beta', 'responses managed off linkedin', 'promoted by hirer', 'promoted', 'actively reviewing applicants',
      'actively recruiting', 'be an early applicant', 'see who you know', 'meet the hiring team', 'job poster',
      'tailor my resume', 'am i a good fit for this job?', 'how can i best position myself for this job?',
      'use ai to assess how you fit', 'get ai-powered advice on this job and more exclusive features with premium.',
      'try premium for $0', 'retry premium for $0', 'show all', 'show all skills', 'how you match', 'people you can reach out to',
      'company alumni', 'premium', 'show premium insights', 'see how you compare to others who clicked apply',
      'reactivate premium', 'hiring trends', 'job search faster with premium', 'access company insights like strategic priorities, headcount trends, and more',
      'report this job',
    ],
    patterns: [
      /^job match is (?:low|medium|high|very high)\b/,
      /^your profile (?:is missing|matches|is a match|has)\b/,
      /^matches your job preferences\b/,
      /^\d[\d,]{0,9}\+? people clicked apply$/,
      /^see who .{1,80} has hired for this role$/,
      /^referrals increase your chances of interviewing at .{1,80}$/,
      /^join to apply for the .{1,160} role at .{1,80}$/,
      /^join or sign in to find your next job$/,
      /^this button displays the currently selected search type\b.{0,300}$/,
      /^interested in building your career at .{1,80}\? get future opportunities sent straight to your email\.?$/,
      /^life at [^.]{1,40}$/,
      /^by clicking (?:continue|agree).{0,200}$/,
      /^tell me more about .{1,80}$/,
      /^school alumni from .{1,80}$/,
      /^\d[\d,]{0,9} (?:company|school) alumni$/,
      /^\d(?:st|nd|rd|th)\+?$/,
      /^get notified about new(?: .{1,160})?$/,
      /^[^.]{1,100} jobs in [^.]{1,100}\.?$/,
    ],
  },
  {
    rule: 'job-board.insights',
    lines: [
      '&nbsp;', 'pulled from the full job description', "here's how the job details align with your profile.",
      'here’s how the job details align with your profile.', 'profile insights', 'find out how your skills align with the job description',
      'hiring insights', 'job activity', 'urgently hiring', 'easily apply', 'responsive employer', 'not provided by employer',
      'read what people are saying about working here.', 'company and salary information', 'unlock job insights',
      'hirer responsiveness', 'salary match', 'number of applicants', 'be careful', 'learn how to protect yourself',
      "don’t provide your bank or credit card details when applying for jobs.", "don't provide your bank or credit card details when applying for jobs.",
      'sign in and add your salary to see matches', 'see more detailed salary information',
    ],
    patterns: [
      /^(?:\d(?:\.\d)?) out of 5 stars$/,
      /^[0-5]\.\d$/,
      /^\d{1,3}(?:,\d{3})? reviews?$/,
      /^employer active \d{1,3}\+? (?:minute|hour|day|week|month)s? ago$/,
      /^responded to \d{1,3}% or more applications\b.{0,120}$/,
      /^hiring (?:\d{1,3}|multiple) candidates? for this role$/,
      /^do you have (?:experience|a valid|a current).{0,200}\?$/,
      /^(?:review|salaries) for .{1,160}$/,
      // One literal first letter per pattern: patterns without one are tried on every line.
      /^openings: ?[\d,+]{1,9}$/,
      /^applicants: ?[\d,+]{1,9}$/,
      /^views: ?[\d,+]{1,9}$/,
      /^dice id: ?[\w-]{1,20}$/,
      /^position id: ?[\w-]{1,20}$/,
      /^job id: ?[\w-]{1,20}$/,
      /^req(?:uisition)? id: ?[\w-]{1,20}$/,
      /^employers have access to artificial intelligence language tools\b.{0,400}$/,
      /^save .{1,120} at .{1,80}$/,
      /^visit the .{1,60} page$/,
      /^sort by: .{1,40}$/,
      /^page \d{1,4} of [\d,]{1,9} jobs$/,
      /^last edit (?:was|made) .{1,40} ago$/,
      /^what can i earn as an? .{1,100}$/,
    ],
  },
  {
    rule: 'ats.footer',
    lines: [
      'powered by', 'jobs powered by', 'lever logo', 'greenhouse logo', 'workday logo', 'privacy policy | terms',
      'read our privacy policy', 'follow us', 'follow us on',
    ],
    patterns: [
      /^(?:jobs |careers )?powered by\b.{0,60}$/,
      /^software powered by\b.{0,80}$/,
      /^(?:©|\(c\)|copyright\b).{0,120}$/,
      /^.{1,60} © \d{4}.{0,80}$/,
      /^.{1,60} home page$/,
      /^.{1,60} logo$/,
      /^all rights reserved\.?$/,
    ],
  },
  {
    rule: 'email',
    patterns: [
      /^sent from my (?:iphone|ipad|android|galaxy|phone|mobile device)\.?$/,
      /^you are receiving this (?:e-?mail|message) because\b.{0,300}$/,
      /^unsubscribe\b.{0,80}$/,
    ],
  },
  {
    rule: 'cookie-banner',
    patterns: [
      /^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.{0,600}$/,
      /^wir verwenden cookies\b.{0,600}$/,
      /^(?:utilizamos|usamos) cookies\b.{0,600}$/,
      /^by (?:using|continuing to (?:use|browse)) (?:this|our) (?:web)?site.{0,300}cookies.{0,300}$/,
    ],
  },
];

/** A line-long list of segments joined by '·', '•' or '|': these segments go, the rest stays. */
export const CHROME_SEGMENTS: readonly LineRule[] = [
  {
    rule: 'linkedin.job-insights',
    lines: ['promoted by hirer', 'responses managed off linkedin', 'actively reviewing applicants', 'easy apply', 'promoted', 'be an early applicant'],
    patterns: [/^\d[\d,]{0,9}\+? people clicked apply$/, /^see who .{1,80} has hired for this role$/],
  },
];

/** Short lines that are chrome when several stand together (site footers and menus), not alone. */
export const FOOTER_RUN_LINES: readonly string[] = [
  'about', 'about us', 'accessibility', 'talent solutions', 'community guidelines', 'careers', 'marketing solutions',
  'ad choices', 'advertising', 'sales solutions', 'mobile', 'small business', 'safety center', 'questions?',
  'visit our help center.', 'manage your account and privacy', 'go to your settings.', 'recommendation transparency',
  'learn more about recommended content.', 'help', 'help center', 'help centre', 'contact', 'contact us', 'home',
  'jobs', 'people', 'learning', 'companies', 'recruiters', 'employers', 'employer site', 'career advice', 'browse jobs',
  'browse companies', 'salaries', 'indeed events', 'work at indeed', 'countries', 'esg at indeed', 'hiring lab',
  'accessibility at indeed', 'privacy centre and ad choices', 'privacy center and ad choices', 'blog', 'press', 'newsroom',
  'investors', 'facebook', 'instagram', 'twitter', 'x', 'youtube', 'linkedin', 'tiktok', 'glassdoor', 'github', 'email',
  'android', 'ios', 'download apps', 'job seekers', 'profile', 'saved searches', 'saved jobs', 'applied jobs',
  'explore careers', 'explore salaries', 'products & prices', 'customer service', 'hiring advice', 'market insights',
  'partner services', 'social', 'resources', 'company', 'product', 'solutions', 'pricing', 'events', 'team', 'culture',
  'faq', 'faqs', 'support', 'legal', 'status', 'docs',
  'karriere', 'über uns', 'kontakt', 'empleos', 'sobre nosotros', 'contacto', 'inicio', 'datenschutz', 'privacy',
  'terms', 'security', 'vulnerability disclosure', 'language', 'english', 'deutsch', 'español', 'français', 'or',
  'cancel', 'what', 'where', 'cookies', 'imprint', 'agb', 'user agreement,', 'privacy policy, and',
  'file', 'edit', 'view', 'insert', 'format', 'tools', 'extensions', 'normal text', '100%', 'arial', 'foia', 'research',
  'guides', 'departments', 'locations', 'connect', 'log in', 'sign in', 'workplace & culture', 'career site', 'colleagues',
  'discover', 'messages', 'notifications', 'startups', 'talent', 'media', 'find a job', 'find a company', 'courses',
  'recruiting?', 'register cv', 'community', 'for employers', 'search', 'my network', 'messaging', 'me', 'for business',
  'jobvite', 'workable', 'teamtailor', 'personio', 'recruitee', 'bamboohr', 'icims',
  'cookie policy.', 'user agreement', 'seek', 'indeed', 'linkedin', 'trust & safety', 'guidelines', 'apps',
];

/** Application-form fields: chrome when several stand together ("Resume" alone may be an instruction). */
export const FORM_FIELD_LINE =
  /^(?:first name|last name|full name|preferred name|name|email|email address|phone|phone number|resume\/cv|resume|cv|cover letter|linkedin profile|website|portfolio|current company|current location|location \(city\)|attach|dropbox|google drive|enter manually|or drag and drop here|accepted file types:.{0,80}|\(?(?:file types:|max file size).{0,80}|attach resume\/cv|submit application|upload)\s?[*✱]?$/;

/** LinkedIn's "Select language" list: "Deutsch (German)". */
export const LANGUAGE_LINE = /^\S[^()]{0,40} \((?:arabic|bangla|czech|danish|german|greek|english|spanish|persian|finnish|french|hindi|hungarian|indonesian|italian|hebrew|japanese|korean|marathi|malay|dutch|norwegian|punjabi|polish|portuguese|romanian|russian|swedish|telugu|thai|tagalog|turkish|ukrainian|vietnamese|chinese \((?:simplified|traditional)\))\)?\)$/;

/**
 * Markers after which the rest of the page is chrome (similar-jobs rails, company cards, insights).
 * `confirm`: the marker counts only if one of these keys follows within `within` non-blank lines.
 * `guard`: the cut is refused if the rest carries a pay, sponsorship or years line (weaker markers).
 */
export interface TailRule {
  rule: string;
  start: RegExp;
  confirm?: { within: number; any: readonly RegExp[] };
  guard?: boolean;
  /** Lines inside the cut that state a fact about the job and stay (a profile's "Hybrid Workspace"). */
  rescue?: RegExp;
}

export const TAIL_RULES: readonly TailRule[] = [
  { rule: 'linkedin.similar-jobs', start: /^(?:set alert for similar jobs|similar jobs|more jobs|see more jobs like this|people also viewed|jobs you may be interested in|looking for talent\?|similar searches|explore collaborative articles)$/ },
  { rule: 'linkedin.premium-insights', start: /^(?:see how you compare to others who clicked apply|exclusive job seeker insights about .{1,80}|show premium insights|candidates who clicked apply)$/ },
  {
    rule: 'linkedin.about-the-company',
    start: /^about the company$/,
    confirm: { within: 4, any: [/^[\d,.]{1,12}[km]? followers$/] },
  },
  {
    rule: 'company-profile',
    start: /^(?:top skills|what we do|why work with us|gallery|perks \+ benefits)$/,
    confirm: { within: 8, any: [/^(?:what we do|why work with us|gallery|.{1,60} offices|.{1,60} teams|perks \+ benefits)$/] },
    guard: true,
    rescue: /\b(?:hybrid|remote|on-?site|in-office|in office)\b/i,
  },
  {
    rule: 'application-form',
    start: /^(?:apply for this job|apply for this position|submit (?:your )?application|application form|apply now)$/,
    confirm: { within: 6, any: [/^(?:first name|full name|name|email|resume\/cv|resume|attach resume\/cv)\s?[*✱]?$/] },
  },
  {
    rule: 'job-board.company-card',
    start: /^(?:company overview|about company|key skills|company info)$/,
    guard: true,
  },
  {
    // Glassdoor's company facts and ratings: the similar-jobs rail after it carries other jobs' pay.
    rule: 'job-board.company-card',
    start: /^(?:company overview|company information|company details)$/,
    confirm: { within: 4, any: [/^(?:size|founded|industry|type|revenue|headquarters|company size)$/] },
  },
  { rule: 'ats.talent-pitch', start: /^(?:already working at .{1,60}\?|learn more about the federal hiring process|want to know more\?)$/ },
  { rule: 'indeed.related', start: /^(?:similar job categories|career guide articles|people also searched|salary search:.{0,120}|explore other jobs)$/ },
  {
    rule: 'job-board.report-form',
    start: /^(?:report this job advert|report this job ad)$/,
    confirm: { within: 6, any: [/^reason for reporting.{0,40}$/, /^your email address$/] },
  },
  { rule: 'ats.similar-jobs', start: /^(?:other jobs at .{1,60}|more jobs at .{1,60}|similar positions|related jobs|you may also like|recommended jobs|explore similar jobs|these jobs might interest you|you might also like|weitere jobs|ähnliche jobs|ofertas similares|empleos similares)$/ },
];

/** Blocks with a start marker and an end marker (the end line stays). */
export interface RegionRule {
  rule: string;
  start: RegExp;
  end: RegExp;
  within: number;
}

export const REGION_RULES: readonly RegionRule[] = [
  // LinkedIn guest page: the sign-in modal between the title block and the description.
  { rule: 'linkedin.sign-in-modal', start: /^join or sign in to find your next job$/, end: /^(?:cookie policy\.?|.{0,40}cookie policy\.)$/, within: 20 },
  // Indeed: "Profile insights" (skills quiz) up to the job details or the description.
  { rule: 'indeed.profile-insights', start: /^profile insights$/, end: /^(?:job details|full job description|location|benefits)$/, within: 60 },
  // A forwarded e-mail's header block (From, Date, Subject, To) up to the first blank line.
  { rule: 'email.forward-header', start: /^(?:-{2,} ?forwarded message ?-{2,}|begin forwarded message:?)$/, end: /^$/, within: 8 },
  // A job board's company card between the title block and the description.
  { rule: 'job-board.company-card', start: /^the company$/, end: /^(?:the position|the job|job description|the role)$/, within: 12 },
  // Naukri's "Job highlights": a summary repeated from the description below it.
  { rule: 'job-board.highlights', start: /^job highlights$/, end: /^(?:job description|about the job)$/, within: 12 },
  // LinkedIn: "Meet the hiring team" card up to the description.
  { rule: 'linkedin.hiring-team', start: /^meet the hiring team$/, end: /^(?:about the job|job description)$/, within: 12 },
];
