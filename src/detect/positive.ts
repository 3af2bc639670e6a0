/** What job postings say: the signals that add to the score. */
import type { Signal } from './signal.js';

const AMOUNT = '\\d{1,3}(?:[,.\\s]\\d{3})+(?:\\.\\d{2})?|\\d+(?:\\.\\d+)?\\s?[kKmM]?';
const CURRENCY = '(?:[$£€¥₹]|\\b(?:USD|EUR|GBP|CAD|AUD|INR|CHF|SGD|NZD|USDC|USDT)\\s?|\\b(?:CA|A|NZ|S|HK)\\$)';
const PERIOD = '(?:per|an?|/|each)\\s?(?:hour|hr|year|yr|annum|month|mo|week|wk|day)\\b|\\bhourly\\b|\\bannually\\b|\\bp\\.?a\\.?\\b|\\bLPA\\b';

/** Section headings of job postings, matched as a line of their own. */
const POSTING_HEADINGS = [
  'responsibilities', 'key responsibilities', 'your responsibilities', 'duties', 'key duties', 'duties and responsibilities',
  'qualifications', 'basic qualifications', 'minimum qualifications', 'preferred qualifications', 'required qualifications',
  'requirements', 'job requirements', 'minimum requirements', 'about the role', 'about the job', 'about the position',
  'about the opportunity', 'the role', 'the opportunity', 'your role', 'role overview', 'position overview', 'job description',
  'job summary', 'position summary', 'role description', 'what the role involves', 'what the job involves', "what you'll do", 'what you will do', "what you'll be doing",
  'what you will be doing', "what you'll work on", 'what you will work on', 'how you will make an impact', 'your impact',
  "what you'll bring", 'what you bring', 'what you will bring', "what we're looking for", 'what we are looking for',
  'who you are', 'about you', "you'll have", 'you have', "what you'll need", 'what you need', 'must have', 'must haves',
  'nice to have', 'nice to haves', 'bonus points', 'preferred skills', 'skills and experience', 'experience and skills',
  'skills & experience', 'required skills', 'benefits', 'our benefits', 'perks', 'perks and benefits', 'benefits and perks',
  'what we offer', "what's in it for you", 'compensation', 'compensation and benefits', 'salary', 'pay', 'how to apply',
  'why join us', 'why you should join', 'who we are', 'about us', 'the team', 'about the team', 'the internship',
  // German, French and Spanish postings shared in the same channels.
  'deine aufgaben', 'ihre aufgaben', 'aufgaben', 'dein profil', 'ihr profil', 'wir bieten', 'das bieten wir', 'was wir bieten',
  'was dich erwartet', 'was du mitbringst', 'was sie mitbringen', 'vos missions', 'missions', 'profil recherché', 'votre profil',
  'nous offrons', 'ce que nous offrons', 'avantages', 'requisitos', 'responsabilidades', 'funciones', 'ofrecemos', 'qué ofrecemos',
];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
const HEADING_ALT = POSTING_HEADINGS.map(escapeRe).join('|');

export const POSITIVE_SIGNALS: readonly Signal[] = [
  {
    id: 'heading', label: 'posting section headings', weight: 2, cap: 4, distinct: true, core: true,
    pattern: new RegExp(`^[ \\t#*•-]*(?:${HEADING_ALT})\\s*(?:[:*][ \\t*]*)?$`, 'gim'),
  },
  {
    // Pastes that lost their line breaks keep headings as "Requirements:" or "Requirements   Self-starter".
    id: 'inline-heading', label: 'inline section headings', weight: 1, cap: 3, distinct: true, core: true,
    pattern: new RegExp(`(?:^|[.!:]\\s+|\\s{2,})(?:${HEADING_ALT})(?::[ \\t]*(?=\\S)|[ \\t]{2,}(?=\\S))`, 'gim'),
  },
  {
    id: 'pay', label: 'a pay figure', weight: 3, cap: 1,
    // A bare amount starts where a number starts ((?<!\d)): tried from every digit, a line of
    // 50,000 digits took 50 s.
    pattern: new RegExp(
      `${CURRENCY}\\s?(?:${AMOUNT})\\s?(?:-|–|—|to)\\s?${CURRENCY}?\\s?(?:${AMOUNT})|${CURRENCY}\\s?(?:${AMOUNT})\\+?\\s?(?:${PERIOD})|(?:salary|pay|rate|compensation|wage|budget)[^.\\n]{0,40}${CURRENCY}\\s?\\d|${CURRENCY}\\s?(?:${AMOUNT})\\s(?:budget|flat fee|per project|stipend)|(?<!\\d)\\d+(?:\\.\\d+)?\\s?(?:LPA|lakhs?)\\b|(?<!\\d)(?:${AMOUNT})\\s?(?:USD|USDC|USDT|EUR|GBP)\\s?(?:${PERIOD})|(?<!\\d)(?:${AMOUNT})\\s?(?:€|£|EUR|GBP|CHF)?\\s?(?:-|–|—|to|bis|à)\\s?(?:${AMOUNT})\\s?(?:€|£|EUR|GBP|CHF|kr|zł)`,
      'gi'),
  },
  {
    id: 'pay-words', label: 'pay wording', weight: 1, cap: 1,
    pattern: /\b(?:salary range|pay range|base (?:salary|pay)|hourly rate|compensation (?:range|package)|total rewards|pay transparency|starting (?:salary|pay)|(?:competitive|attractive) (?:salary|pay|compensation))\b/gi,
  },
  {
    id: 'years', label: 'years of experience', weight: 2, cap: 1,
    pattern: /\b\d{1,2}\s*(?:\+\s*)?(?:(?:-|–|to|or)\s*\d{1,2}\s*(?:\+\s*)?)?(?:years?|yrs?)['’]?\s+(?:of\s+)?(?:[\w/&.,+-]+\s+){0,5}?(?:experience|exp\b)|\b(?:minimum|at least|min\.?)\s+(?:of\s+)?\d{1,2}\s*(?:\+\s*)?(?:years?|yrs?)\b|\bexperience(?: requirement)?:\s*(?:&lt;|<|\d)|\b\d{1,2}\s*\+\s*(?:years?|yrs?)\b|\b\d{1,2}\s*(?:years?|yrs?)\s+(?:of|in|with)\s+(?:professional |hands-on |commercial |applied )?[A-Z]/gi,
  },
  {
    id: 'hiring', label: 'hiring wording', weight: 1.5, cap: 3, core: true,
    pattern: /^\W{0,3}hiring\W{0,3}[:|\-–]|\[hiring\]|#hiring\b|\b(?:open (?:role|position|req|headcount)s?\b|job opening|we have an? (?:opening|open role|new role)|(?:we|they)(?:['’]re| are) (?:currently )?(?:looking for|seeking|hiring|searching for)|(?:is|are) (?:currently )?(?:seeking|looking for|hiring)(?! freeze)|i(?:['’]m| am) hiring|now hiring|has an? (?:opening|opportunity|vacancy)|(?:an )?opening for an?|join (?:our|the|us)(?: \w+){0,2} (?:team|company|office|mission)|(?:looking for|seeking) an? [\w ,/-]{3,60} to join us|the (?:ideal|successful) candidate|in this role|this (?:role|position) (?:will|is|requires|reports)|you will be (?:responsible|working|part)|you['’]ll (?:be|work|own|join|lead|build|help|partner|collaborate)|you will (?:work|own|join|lead|build|help|partner|collaborate|design|develop|report)|reporting to the|reports? (?:directly )?to the)\b/gi,
  },
  {
    id: 'apply', label: 'how to apply', weight: 1.5, cap: 2, core: true,
    pattern: /\b(?:apply (?:now|today|here|online|in store|in person|through|via|at|on|for this|by)|to apply(?:[:,]| for (?:this|the)| please| visit| send| click| email)|how to apply|submit (?:your|a) (?:resume|cv|application|portfolio)|send (?:us |me )?(?:your |a )?portfolio|send (?:us )?your (?:resume|cv)|applicants?\b|(?:qualified|successful|ideal) candidates?|application (?:deadline|process)|email (?:us|your|[\w.+-]+@[\w-]+\.[\w.]+ (?:with|and))|\bapply ?[:→] ?(?:https?:\/\/|www\.|[\w-]+\.[a-z]{2,}\/)|dm me (?:or|if|with|for)|dm (?:me )?for (?:details|more info))/gi,
  },
  {
    id: 'eeo', label: 'equal-opportunity statement', weight: 3, cap: 1, core: true,
    pattern: /\b(?:equal (?:employment )?opportunity|affirmative action|without regard to (?:race|age|sex|religion|color)|EEO\b|reasonable accommodations?|protected veteran|E-Verify)/gi,
  },
  {
    id: 'benefits', label: 'benefits', weight: 1, cap: 2,
    pattern: /\b(?:(?:health|medical|dental|vision|life) (?:insurance|coverage|benefits)|401\s?\(?k\)?|403\(?b\)?|paid time off|\bPTO\b|parental leave|stock options|\bRSUs?\b|equity|relocation (?:assistance|support|package)|sign-?on bonus|pension|days['’]? (?:holiday|vacation|annual leave)|tuition (?:reimbursement|assistance)|private healthcare|housing stipend|visa sponsorship)\b/gi,
  },
  {
    id: 'employment-type', label: 'employment type', weight: 1, cap: 1,
    pattern: /\b(?:full[- ]time|part[- ]time|contract(?:-to-hire| role| position)?|internship|temporary|permanent (?:role|position)|freelance|W-?2|C2C|1099|\d+x12s?)\b/gi,
  },
  {
    id: 'workplace', label: 'workplace', weight: 1, cap: 1,
    pattern: /\b(?:remote|hybrid|on-?site|in-office|in office|days? (?:a|per) week in|work from home)\b/gi,
  },
  {
    id: 'labelled-field', label: 'labelled job fields', weight: 1, cap: 3, distinct: true, core: true,
    pattern: /^[ \t]*(?:[-•*▪◦●·][ \t]*)?(?:job title|position(?: title)?|role|job type|employment type|type of position|location|where|salary|pay|rate|compensation|duration|department|team|reports to|start date|schedule|shift|hours|openings|experience requirement|education requirement|stack|apply|visa|sponsorship)[ \t]*:/gim,
  },
  {
    // "(m/w/d)", "(f/m/d)", "(H/F)": the gender marker German and French job titles carry by law or custom.
    id: 'gender-marker', label: 'a job-title gender marker', weight: 2, cap: 1, core: true,
    pattern: /\((?:[mwfdhx])(?:\s?\/\s?[mwfdhx]){1,2}\)/gi,
  },
  {
    id: 'hiring-other-languages', label: 'hiring wording', weight: 1.5, cap: 2, core: true,
    pattern: /\b(?:wir suchen|suchen wir|nous recherchons|nous cherchons|buscamos|estamos buscando|estamos contratando)\b/gi,
  },
  {
    // "Company | Role | Location | Full-time | $pay": the Hacker News "Who is hiring" header line.
    id: 'pipe-header', label: 'a "Company | Role | Place" header', weight: 1.5, cap: 1, core: true,
    pattern: /^(?![ \t]*\|)[^|\n]{2,80}(?:\|[^|\n]{2,80}){2,}$/gm,
  },
  {
    id: 'title-words', label: 'job title words', weight: 0.5, cap: 4,
    pattern: /\b(?:engineer|developer|programmer|tester|QA|SRE|devops|manager|analyst|scientist|researcher|designer|architect|consultant|specialist|coordinator|administrator|technician|nurse|RN|physician|surgeon|dentist|hygienist|therapist|pharmacist|paramedic|caregiver|intern|postdoc|director|representative|executive|agent|advisor|planner|strategist|marketer|accountant|auditor|controller|attorney|paralegal|counsel|officer|assistant|teacher|tutor|instructor|lecturer|professor|writer|copywriter|editor|producer|artist|illustrator|animator|photographer|videographer|translator|bookkeeper|recruiter|barista|bartender|chef|cook|driver|pilot|mechanic|electrician|welder|carpenter|clerk|cashier|supervisor|associate|lead|head of|VP)s?\b/gi,
  },
  {
    id: 'qualification-words', label: 'qualification wording', weight: 0.5, cap: 6,
    pattern: /\b(?:bachelor['’]?s|master['’]?s|degree in|or equivalent (?:experience|practical)|proficien(?:t|cy) (?:in|with)|strong (?:understanding|knowledge|experience|background)|familiarity with|ability to|experience (?:with|in|building)|knowledge of|must (?:have|be)|nice to have|is a plus|a plus\b|preferred\b|required\b|certification|licen[cs]e)/gi,
  },
  {
    id: 'second-person', label: 'addresses the reader', weight: 0.25, cap: 8,
    pattern: /\byou(?:r|['’]ll|['’]re|['’]ve)?\b/gi,
  },
];

