import { makeWordIndex } from './word-gate.js';

/**
 * Legal and recruiting boilerplate as data. Patterns run on one sentence at a time (lower-cased),
 * with bounded gaps ({0,120}) so a long sentence costs linear time.
 */
export interface SentenceRule {
  rule: string;
  /** Words (whole, or their first five letters) one of which any match contains: the rule's cheap gate. */
  hints: readonly string[];
  patterns: readonly RegExp[];
}

export const SENTENCE_RULES: readonly SentenceRule[] = [
  {
    // What a job board says about itself or the agency behind an ad, not about the job.
    rule: 'job-board-notes',
    hints: ['emplo', 'milli'],
    patterns: [
      /is acting as an employment (?:agency|business) in relation to this vacancy/,
      /has millions of jobs plus salary information/,
    ],
  },
  {
    rule: 'equal-opportunity',
    hints: ['oppor', 'eoe', 'eeo', 'affir', 'qualified', 'regar', 'discr', 'disch', 'retal', 'commi', 'nondi', 'non-d', 'drug', 'drug-', 'e-ver', 'verif', 'trans', 'law', 'right', 'ofccp', 'vevra', 'secti', 'prote', 'diver', 'unabh', 'schwe', 'chanc', 'igual', 'sin'],
    patterns: [
      /equal (?:employment )?opportunit(?:y|ies)(?: and affirmative action)? (?:employer|workplace|company)/,
      /(?:not|never) (?:discharge|retaliate)/,
      /discriminate against (?:employees|applicants).{0,120}(?:inquired|discussed|disclosed)/,
      /pay transparency (?:provision|policy|rule|nondiscrimination)/,
      /committed to (?:creating|building|fostering|providing) (?:an? )?(?:inclusive|diverse)/,
      /\beoe\b/,
      /affirmative action employer/,
      /all qualified applicants (?:will|shall) receive consideration/,
      /kept confidential according to eeo guidelines/,
      /without regard to (?:their |an applicant'?s? )?(?:race|age|sex|gender|color|colour|religion|creed|national|ancestry|disability|sexual|marital|veteran|citizenship|pregnancy|genetic)/,
      /regardless of (?:their )?(?:race|age|sex|gender|color|colour|religion|creed|national|ancestry|disability|sexual|marital|veteran|background)/,
      /(?:does|do|will) not discriminate\b/,
      /committed to (?:non-?discrimination|equal (?:employment )?opportunit|providing equal)/,
      /\bnon-?discrimination\b/,
      /drug-?free workplace/,
      /\be-?verify\b/,
      /pay transparency (?:non-?discrimination|nondiscrimination)/,
      /(?:eeo|equal employment opportunity) is the law/,
      /\bknow your rights\b/,
      /\b(?:ofccp|vevraa|section 503 of the rehabilitation act)\b/,
      /protected (?:veteran|characteristic|class|status|by (?:federal|state|local|applicable) law)/,
      /we (?:celebrate|value|embrace) diversity and are committed to (?:creating|building|an)/,
      /unabhängig von (?:geschlecht|alter|herkunft|nationalität|ethnischer|religion|weltanschauung|behinderung|sexueller)/,
      /schwerbehinderte/,
      /chancengleichheit/,
      /igualdad de oportunidades/,
      /sin (?:distinción|discriminación|importar) (?:de|por|alguna)/,
      /no discrimina(?:mos)?\b/,
    ],
  },
  {
    rule: 'criminal-history',
    hints: ['crimi', 'fair', 'arres', 'artic'],
    patterns: [
      /criminal (?:history|histories|background|record|conviction)/,
      /\bfair chance\b/,
      /arrest (?:and|or) conviction record/,
      /article 23-a/,
    ],
  },
  {
    rule: 'accommodation',
    hints: ['accom', 'alter', 'disab', 'requi', 'need', 'reque', 'reaso', 'commi', 'perso', 'indiv', 'appli', 'candi'],
    patterns: [
      /(?:require|need|request)s? (?:an? |any )?(?:reasonable )?accommodation/,
      /reasonable accommodations? (?:will be|are|is) (?:provided|available|made)/,
      /accommodations? (?:during|in|for) (?:the|our) (?:application|recruiting|hiring|interview)/,
      /to the extent required to provide needed reasonable accommodations/,
      /alternative methods of application or screening/,
      /(?:individuals|applicants|candidates|persons) with disabilities.{0,120}(?:accommodat|contact|assist)/,
      /accommodations? (?:are|is) available (?:on|upon) request/,
      /committed to (?:providing|making) (?:reasonable )?accommodations?/,
      /(?:a person|an individual|applicants?|candidates?) with a disability/,
    ],
  },
  {
    rule: 'recruiting-contact',
    hints: ['techn', 'quest'],
    patterns: [
      /technical support or questions about .{0,80}(?:recruiting|application|hiring) process/,
      /questions about (?:the |our )?(?:recruiting|application|hiring) process.{0,80}(?:email|contact|reach)/,
    ],
  },
  {
    rule: 'no-agencies',
    hints: ['agenc', 'unsol', 'third', 'third-', 'accep', 'recru', 'staff', 'searc', 'keine', 'ohne', 'forwa', 'send', 'submi', 'acqui'],
    patterns: [
      /\bno (?:recruitment |staffing |third[- ]party )?agencies\b/,
      /(?:do(?:es)?|will) not accept (?:unsolicited )?(?:resumes|cvs|candidate|submissions|agency)/,
      /unsolicited (?:resumes|cvs|candidates|submissions|applications from (?:agencies|recruiters))/,
      /third[- ]party (?:recruiters?|agenc)/,
      /(?:recruitment|staffing|search) agencies (?:should|are|please|will|may|must)/,
      /(?:to|from|by) (?:recruitment|staffing|search) agencies/,
      /(?:do not|don't|please don't) (?:forward|send|submit) (?:any )?(?:cvs|resumes|profiles|candidates)/,
      /(?:keine|ohne) (?:vermittler|agenturen|personalvermittler|headhunter)/,
      /acquisition (?:in response to|for) this (?:vacancy|position|role) is not appreciated/,
    ],
  },
  {
    rule: 'privacy-notice',
    hints: ['priva', 'perso', 'handl', 'handles', 'proce', 'colle', 'retai', 'uses', 'use', 'appli', 'candi', 'recru', 'ccpa', 'gdpr', 'dsgvo', 'cpra', 'daten', 'datos', 'rgpd', 'lopd', 'avisa', 'aviso', 'prote', 'polít', 'under', 'pursu', 'accor', 'gemäß'],
    patterns: [
      /(?:applicant|candidate|recruitment|job applicant) (?:data protection|privacy) (?:notice|policy|statement)/,
      /(?:handles?|processes|collects?|retains?|uses?),? (?:(?:and|or|retain|use|process|store),? ){0,3}(?:your )?personal (?:data|information)/,
      /privacy (?:notice|policy|statement) (?:for|to learn|describes|explains|applies)/,
      /(?:read|review|see|view) (?:our|the) (?:\w+ ){0,2}privacy (?:notice|policy|statement)/,
      /your personal (?:data|information).{0,80}(?:processed|collected|used|handled|stored|shared)/,
      /(?:under|pursuant to|in accordance with|gemäß|according to) (?:the )?(?:ccpa|gdpr|dsgvo|cpra)\b/,
      /\b(?:ccpa|gdpr|cpra) (?:notice|privacy notice|disclosure)/,
      /california consumer privacy act/,
      /datenschutz(?:erklärung|hinweise|bestimmungen)/,
      /(?:aviso de privacidad|protección de datos|política de privacidad)/,
      /(?:tus|sus) datos personales/,
      /\b(?:rgpd|lopd)\b/,
    ],
  },
  {
    rule: 'fraud-warning',
    hints: ['fraud', 'scam', 'scams', 'imper', 'never'],
    // Specific to recruiting fraud: "fraud detection" and "phishing simulations" are job content.
    patterns: [
      /(?:recruit\w*|job|employment|hiring|interview|offer) (?:fraud|scams?)\b/,
      /fraud(?:ulent|sters?)? (?:job|recruit\w*|offers?|e-?mails?|messages?|communications?|individuals|parties|postings?|websites?|requests?)/,
      /(?:fraud|scams?)\b.{0,80}(?:posing as|pretending to be|claiming to (?:be|represent))/,
      /impersonat\w* (?:our |the )?(?:company|recruit\w*|employees|hiring|representatives)/,
      /(?:will|would|does|do) never (?:ask|request|require) (?:you |candidates |applicants )?(?:for |to )?(?:pay|payment|money|fees|bank|financial|purchase|send)/,
    ],
  },
  {
    rule: 'disclaimer',
    hints: ['endor', 'liabl', 'respo', 'descr', 'posti'],
    patterns: [
      /does not provide, endorse nor guarantee/,
      /(?:is|are) not liable for third[- ]party/,
      /(?:is|are) not responsible for (?:any )?(?:fees|third|external)/,
      /this (?:job description|posting) is not (?:designed|intended) to (?:cover|contain)/,
    ],
  },
  {
    rule: 'export-control',
    hints: ['expor'],
    patterns: [/export[- ]controlled|export control (?:laws|regulations)|deemed export/],
  },
  {
    rule: 'company-links',
    hints: ['press', 'newsr', 'faceb', 'twitt', 'linke', 'insta'],
    patterns: [
      /^find .{1,60} on (?:facebook|twitter|linkedin|instagram)/,
      /visit our (?:press room|newsroom|press page)/,
      /follow us on (?:facebook|twitter|linkedin|instagram)/,
    ],
  },
  {
    rule: 'legal-entities',
    hints: ['entit', 'posit'],
    patterns: [
      /is made up of several different entities/,
      /any position posted in .{1,60} is for .{1,80}/,
    ],
  },
];

/** One pattern with the words that gate it: the rule's hint words found in the pattern's source. */
export interface GatedPattern {
  rule: string;
  pattern: RegExp;
}

export const GATED_PATTERNS: readonly GatedPattern[] = SENTENCE_RULES.flatMap((r) =>
  r.patterns.map((pattern) => ({ rule: r.rule, pattern })),
);

function hintsOf(rule: SentenceRule, pattern: RegExp): string[] {
  const hints = rule.hints.filter((h) => pattern.source.includes(h));
  // A table error, caught by the tests at import: a pattern no hint word can ever let through.
  if (hints.length === 0) throw new Error(`boilerplate pattern without a hint word: ${pattern.source}`);
  return hints;
}

/** Indexes into GATED_PATTERNS of the patterns whose hint words occur in the lower-cased text. */
export const candidatePatterns = makeWordIndex(
  SENTENCE_RULES.flatMap((r) => r.patterns.map((p) => hintsOf(r, p))),
);

/** Headings of boilerplate sections: dropped with the section under them. */
export const BOILERPLATE_HEADINGS: ReadonlySet<string> = new Set([
  'equal opportunity employer', 'equal employment opportunity', 'equal opportunity', 'eeo statement', 'eeo', 'eoe',
  'equal employment opportunity statement', 'equal opportunity statement', 'pay transparency nondiscrimination provision',
  'pay transparency non-discrimination provision', 'privacy notice', 'applicant privacy notice', 'candidate privacy notice',
  'privacy policy', 'data privacy', 'accommodations', 'accommodation', 'reasonable accommodation', 'reasonable accommodations',
  'disability accommodation', 'notice to agencies', 'notice to recruiters', 'note to recruiters', 'recruitment agencies',
  'to recruitment agencies', 'agency notice', 'fraud alert', 'recruitment fraud', 'recruitment fraud alert', 'beware of fraud',
  'fraud warning', 'e-verify', 'know your rights', 'california applicants', 'for california residents',
  'notice to california applicants', 'legal disclaimer', 'disclaimer', 'our commitment to diversity and inclusion',
  'commitment to diversity and inclusion', 'diversity and inclusion', 'diversity, equity and inclusion',
  'diversity, equity, and inclusion', 'pay transparency policy statement', 'pay transparency nondiscrimination policy',
  'compliance', 'export control', 'global data privacy notice for job candidates', 'data privacy notice', 'chancengleichheit', 'datenschutz', 'datenschutzhinweis',
  'igualdad de oportunidades', 'aviso de privacidad', 'eeo/aa', 'diversity statement',
]);
