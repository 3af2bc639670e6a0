/**
 * What the posting detector looks for, as data. Each signal is a pattern (global), a weight
 * per hit, and a cap on the hits that count; `distinct` counts different wordings only.
 * `core` marks wording that belongs to job postings themselves (an offer of a job to
 * readers), as opposed to words any job talk shares: pay, titles, years.
 */
export interface Signal {
  id: string;
  /** Shown in `jobcard detect` output and in the "not a posting" reply. */
  label: string;
  pattern: RegExp;
  weight: number;
  cap: number;
  distinct?: boolean;
  /** Counts only from this many hits on (one "Education" heading is not a résumé). */
  minHits?: number;
  core?: boolean;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const AMOUNT = '\\d{1,3}(?:[,.\\s]\\d{3})+(?:\\.\\d{2})?|\\d+(?:\\.\\d+)?\\s?[kKmM]?';
const CURRENCY = '(?:[$£€¥₹]|\\b(?:USD|EUR|GBP|CAD|AUD|INR|CHF|SGD|NZD)\\s?|\\b(?:CA|A|NZ|S|HK)\\$)';
const PERIOD = '(?:per|an?|/|each)\\s?(?:hour|hr|year|yr|annum|month|mo|week|wk|day)\\b|\\bhourly\\b|\\bannually\\b|\\bp\\.?a\\.?\\b|\\bLPA\\b';

/** Section headings of job postings, matched as a line of their own. */
const POSTING_HEADINGS = [
  'responsibilities', 'key responsibilities', 'your responsibilities', 'duties', 'key duties', 'duties and responsibilities',
  'qualifications', 'basic qualifications', 'minimum qualifications', 'preferred qualifications', 'required qualifications',
  'requirements', 'job requirements', 'minimum requirements', 'about the role', 'about the job', 'about the position',
  'about the opportunity', 'the role', 'the opportunity', 'your role', 'role overview', 'position overview', 'job description',
  'job summary', 'position summary', 'role description', "what you'll do", 'what you will do', "what you'll be doing",
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
    pattern: new RegExp(`^[ \\t#*•-]*(?:${HEADING_ALT})\\s*:?[ \\t*]*$`, 'gim'),
  },
  {
    // Pastes that lost their line breaks keep headings as "Requirements:" or "Requirements   Self-starter".
    id: 'inline-heading', label: 'inline section headings', weight: 1, cap: 3, distinct: true, core: true,
    pattern: new RegExp(`(?:^|[.!:]\\s+|\\s{2,})(?:${HEADING_ALT})(?::[ \\t]*(?=\\S)|[ \\t]{2,}(?=\\S))`, 'gim'),
  },
  {
    id: 'pay', label: 'a pay figure', weight: 3, cap: 1,
    pattern: new RegExp(
      `${CURRENCY}\\s?(?:${AMOUNT})\\s?(?:-|–|—|to)\\s?${CURRENCY}?\\s?(?:${AMOUNT})|${CURRENCY}\\s?(?:${AMOUNT})\\+?\\s?(?:${PERIOD})|(?:salary|pay|rate|compensation|wage|budget)[^.\\n]{0,40}${CURRENCY}\\s?\\d|${CURRENCY}\\s?(?:${AMOUNT})\\s(?:budget|flat fee|per project|stipend)|\\d+(?:\\.\\d+)?\\s?(?:LPA|lakhs?)\\b|(?:${AMOUNT})\\s?(?:€|£|EUR|GBP|CHF)?\\s?(?:-|–|—|to|bis|à)\\s?(?:${AMOUNT})\\s?(?:€|£|EUR|GBP|CHF|kr|zł)`,
      'gi'),
  },
  {
    id: 'pay-words', label: 'pay wording', weight: 1, cap: 1,
    pattern: /\b(?:salary range|pay range|base (?:salary|pay)|hourly rate|compensation (?:range|package)|total rewards|pay transparency|starting (?:salary|pay)|(?:competitive|attractive) (?:salary|pay|compensation))\b/gi,
  },
  {
    id: 'years', label: 'years of experience', weight: 2, cap: 1,
    pattern: /\b\d{1,2}\s*\+?\s*(?:(?:-|–|to|or)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)['’]?\s+(?:of\s+)?(?:[\w/&.,+-]+\s+){0,5}?(?:experience|exp\b)|\b(?:minimum|at least|min\.?)\s+(?:of\s+)?\d{1,2}\s*\+?\s*(?:years?|yrs?)\b|\bexperience(?: requirement)?:\s*(?:&lt;|<|\d)|\b\d{1,2}\s*\+\s*(?:years?|yrs?)\b|\b\d{1,2}\s*(?:years?|yrs?)\s+(?:of|in|with)\s+(?:professional |hands-on |commercial |applied )?[A-Z]/gi,
  },
  {
    id: 'hiring', label: 'hiring wording', weight: 1.5, cap: 3, core: true,
    pattern: /^\W{0,3}hiring\W{0,3}[:|\-–]|\[hiring\]|#hiring\b|\b(?:open (?:role|position|req|headcount)s?\b|job opening|we have an? (?:opening|open role|new role)|we(?:['’]re| are) (?:currently )?(?:looking for|seeking|hiring|searching for)|(?:is|are) (?:currently )?(?:seeking|looking for|hiring)(?! freeze)|i(?:['’]m| am) hiring|now hiring|has an? (?:opening|opportunity|vacancy)|(?:an )?opening for an?|join (?:our|the|us)(?: \w+){0,2} (?:team|company|office|mission)|the (?:ideal|successful) candidate|in this role|this (?:role|position) (?:will|is|requires|reports)|you will be (?:responsible|working|part)|you['’]ll (?:be|work|own|join|lead|build|help|partner|collaborate)|you will (?:work|own|join|lead|build|help|partner|collaborate|design|develop|report)|reporting to the|reports? (?:directly )?to the)\b/gi,
  },
  {
    id: 'apply', label: 'how to apply', weight: 1.5, cap: 2, core: true,
    pattern: /\b(?:apply (?:now|today|here|online|in store|in person|through|via|at|on|for this|by)|to apply(?:[:,]| for (?:this|the)| please| visit| send| click| email)|how to apply|submit (?:your|a) (?:resume|cv|application|portfolio)|send (?:us |me )?(?:your |a )?portfolio|send (?:us )?your (?:resume|cv)|applicants?\b|(?:qualified|successful|ideal) candidates?|application (?:deadline|process)|email (?:us|your|[\w.+-]+@[\w-]+\.[\w.]+ (?:with|and))|dm me (?:or|if|with|for))/gi,
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

export const NEGATIVE_SIGNALS: readonly Signal[] = [
  {
    id: 'question', label: 'a question to the channel', weight: -3, cap: 2,
    pattern: /\b(?:any(?:one|body) (?:here )?(?:know|knows|heard|have|has|tried|seen|work|worked|interviewed|got)|does any(?:one|body)|has any(?:one|body)|is any(?:one|body)|did you all|should i\b|what do you (?:all |guys )?think|thoughts\?|how (?:do|did|are|should) (?:i|you|people|folks)|is it worth|would you (?:take|accept|recommend)|can someone|could someone|any (?:tips|advice|recommendations)|who (?:here )?(?:knows|has))/gi,
  },
  {
    id: 'recruiter', label: 'a recruiter message', weight: -3, cap: 4,
    pattern: /\b(?:came across your (?:profile|resume|background|work)|your (?:profile|background|experience|resume) (?:caught|stood out|matches|looks)|(?:impressed|interested) by your|(?:are|would) you (?:be )?(?:open|interested) (?:to|in)|open to (?:a |new |hearing |exploring )?(?:new )?(?:opportunit|chat|conversation|call|roles)|quick (?:\d+[- ]minute )?(?:call|chat)|let me know (?:if you(?:['’]re| are| would be)? interested|a good time)|i(?:['’]m| am) (?:a |an )?(?:senior |sr\.? |technical |talent )*recruiter|reaching out (?:because|to see|regarding)|hope (?:this (?:message )?finds you|you(?:['’]re| are) doing)|(?:send|share) (?:me |over )?your (?:updated )?(?:resume|cv)|best time to (?:chat|call|connect|reach)|reply with your|great fit (?:with|for) your|with your background|expected rate|visa status)/gi,
  },
  {
    id: 'date-range', label: 'dated work history (résumé)', weight: -2, cap: 4,
    pattern: new RegExp(
      `\\b(?:${MONTH}\\s+)?(?:19|20)\\d{2}\\s*(?:-|–|—|to)\\s*(?:present|current|now|today|(?:${MONTH}\\s+)?(?:19|20)\\d{2})\\b`,
      'gi'),
  },
  {
    id: 'resume-heading', label: 'résumé headings', weight: -1.5, cap: 4, distinct: true, minHits: 2,
    pattern: /^[ \t]*(?:education|(?:work|professional|employment) (?:experience|history)|(?:professional |career )?(?:summary|objective)|certifications?|projects|references|publications|awards|interests)[ \t]*:?[ \t]*$/gim,
  },
  {
    id: 'first-person', label: 'first-person narrative', weight: -1, cap: 5,
    pattern: /\b(?:I(?:['’]ve| have)? (?:led|built|designed|developed|managed|created|implemented|launched|drove|owned|mentored|architected|reduced|increased|improved|delivered|spearheaded|wrote|shipped|worked|grew|applied|accepted|got|believe|would|was|am excited|am writing)|my (?:current|previous|team lead|resume|job|experience|role)|I['’]m (?:applying|excited|writing|a |an ))\b/g,
  },
  {
    id: 'past-tense-bullet', label: 'achievement bullets (résumé)', weight: -1, cap: 6,
    pattern: /^[ \t]*[-•*▪◦●]?[ \t]*(?:Led|Built|Designed|Developed|Managed|Created|Implemented|Launched|Drove|Owned|Mentored|Architected|Reduced|Increased|Improved|Delivered|Spearheaded|Migrated|Automated|Optimized|Established|Achieved|Streamlined|Supervised|Precepted|Administered|Provided)\b/gm,
  },
  {
    id: 'letter', label: 'a letter', weight: -3, cap: 1,
    pattern: /^\s*(?:dear (?:hiring manager|recruiter|sir|madam|[A-Z][a-z]+)|(?:sincerely|best regards|kind regards|thanks & regards|warm regards),?\s*$)/gim,
  },
  {
    id: 'news', label: 'news or report wording', weight: -2, cap: 5,
    pattern: /\b(?:according to|(?:new |recent |latest |annual )?(?:report|survey|study|analysis) (?:from|by|released|published|found|finds|shows|said)|the (?:report|survey|study|analysis) (?:said|found|finds|shows)|respondents|median (?:base )?(?:salary|pay|total|compensation)|average (?:base )?(?:salary|pay|compensation)|year-over-year|lay(?:s)? off|layoffs|hiring freezes?|spokesperson|(?:said|told) (?:on|in) (?:a |an )?(?:monday|tuesday|wednesday|thursday|friday|statement|memo|interview)|said on (?:monday|tuesday|wednesday|thursday|friday)|shares (?:rose|fell|jumped|dropped)|analysts (?:said|say|expect)|bureau of labor statistics|reported revenue|subscribe to our newsletter)\b/gi,
  },
  {
    id: 'readme', label: 'README sections', weight: -2.5, cap: 3, distinct: true,
    pattern: /^(?:#{1,3}[ \t]+)?(?:installation|install|usage|getting started|quick ?start|contributing|license|development|features|configuration|changelog|roadmap|api reference|running tests|building)[ \t]*$/gim,
  },
  {
    id: 'code-block', label: 'code or shell commands', weight: -1, cap: 8,
    pattern: /^[ \t]*(?:```|>>> |\$ \S|(?:npm|yarn|pnpm|pip3?|brew|apt-get|apt|git|docker|cargo|npx|pytest|cd) [\w./"-]|(?:import|export|const|let|var|function|def|class|return|public|private|package|func|fn|from \S+ import)\b[^\n]*[:;{(=][^\n]*$|(?:if|for|while|elif|else|try|except|with)\b[^\n]*[:{][ \t]*$|[\w.]+(?:\[[^\]\n]*\])?[ \t]*=[ \t]*\S[^\n]*$|[\w.]+\([^\n]*\)[ \t]*;?[ \t]*$|[})\]]+[;,]?[ \t]*$|[^\n]*\{[ \t]*$)/gm,
  },
  {
    id: 'badge', label: 'README badges or tables', weight: -1.5, cap: 2,
    pattern: /!\[[^\]]*\]\([^)]*\)|^\|[^\n]*\|[ \t]*$/gm,
  },
  {
    id: 'log', label: 'log lines', weight: -1.5, cap: 4,
    pattern: /^\s*(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|at \S+ \(\S+:\d+:\d+\)|(?:ERROR|WARN|INFO|DEBUG)\b)/gm,
  },
  {
    id: 'chatter', label: 'chat wording', weight: -1, cap: 3,
    pattern: /\b(?:lol|haha|lmao|omg|fyi|heads up|thanks for|thank you all|anyone want|brb|congrats|:[a-z_]+:)|😬|😂|🙏|☕|🎉|👋|🙌/gi,
  },
  {
    id: 'announcement', label: 'a welcome or team announcement', weight: -3, cap: 1,
    pattern: /\b(?:please (?:join me in )?welcom(?:e|ing)|joins us (?:today|this week|as)|say hi to|welcome to the team)\b/gi,
  },
  {
    id: 'job-search', label: 'someone\'s own job search', weight: -2, cap: 2,
    pattern: /\b(?:my (?:job search|resume|offer|onsite|interview|next role)|(?:applied|applying) to (?:~?\d+|the|a)|(?:got|accepted|received) (?:an|the|a|\d+) offers?|(?:recruiter|hiring manager) (?:wants|said|asked)|(?:refer|referral for) me|i(?:['’]m| am) (?:currently |actively )?(?:looking for|seeking|searching for|open to) (?:a |my next |new |an? )?(?:new )?(?:\w+ ){0,3}(?:role|job|position|opportunit)|#?open ?to ?work)/gi,
  },
  {
    id: 'hiring-correspondence', label: 'a letter to one candidate', weight: -3.5, cap: 3,
    pattern: /\b(?:pleased to offer you|offer of employment|accept this offer|this offer is (?:contingent|conditional)|sign and return|your start date|thank you for (?:applying|your application|your interest in)|invite you to (?:a|an) (?:\d+-minute )?(?:interview|phone screen|call|chat)|move forward with other candidates|decided (?:not )?to (?:move forward|proceed)|keep your (?:resume|cv) on file)/gi,
  },
  {
    id: 'comp-share', label: 'a pay share (TC/YOE)', weight: -3, cap: 3, distinct: true,
    pattern: /\b(?:TC|YOE|total comp|other offers?|competing offers?)\s*:|\bnegotiated (?:base|my|the|up)\b|\bmy (?:TC|total comp)\b/gi,
  },
  {
    id: 'listing', label: 'a rental or sale listing', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:rent|tenants?|lease|landlord|bedrooms?|\d\s?BR|sq\.? ?ft|security deposit|schedule a (?:showing|viewing)|for sale|move-in|utilities included)\b/gi,
  },
  {
    id: 'award-or-event', label: 'a scholarship, award or event', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:scholarships?|grant (?:recipients|applications)|GPA|essay|winners (?:will|are)|register (?:at|now|here|today)|tickets?|RSVP|webinar|career fair|meetup|see you there)\b/gi,
  },
  {
    id: 'policy', label: 'a policy document', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:this policy|policy (?:applies|explains|covers)|employees (?:may|must|who have)|effective (?:date|immediately|(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december)|eligibility)\b/gi,
  },
  {
    id: 'about-hiring', label: 'writing about hiring', weight: -2, cap: 2,
    pattern: /\b(?:our (?:interview|hiring) process|we (?:hired|interviewed)|interviewers|take-homes?|scorecards?|(?:onsite|interview) loop|hiring sync|candidates['’] time)\b/gi,
  },
];
