import type { Signal } from './signal.js';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** What job talk that is not a posting looks like: questions, recruiter DMs, résumés, letters, articles, READMEs, code, chat. */
export const NEGATIVE_SIGNALS: readonly Signal[] = [
  {
    // Long postings ask rhetorical questions ("Who has what it takes?"); chat asks real ones.
    id: 'question', label: 'a question to the channel', weight: -3, cap: 2, maxLength: 1500,
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
    pattern: /^[ \t]*(?:education|(?:work|professional|employment) (?:experience|history)|(?:professional |career )?(?:summary|objective)|certifications?|projects|references|publications|awards|interests)[ \t]*(?::[ \t]*)?$/gim,
  },
  {
    id: 'first-person', label: 'first-person narrative', weight: -1, cap: 5,
    pattern: /\b(?:I(?:['’]ve| have)? (?:led|built|designed|developed|managed|created|implemented|launched|drove|owned|mentored|architected|reduced|increased|improved|delivered|spearheaded|wrote|shipped|worked|grew|applied|accepted|got|believe|would|was|am excited|am writing)|my (?:current|previous|team lead|resume|job|experience|role)|I['’]m (?:applying|excited|writing|a |an ))\b/g,
  },
  {
    id: 'past-tense-bullet', label: 'achievement bullets (résumé)', weight: -1, cap: 6,
    pattern: /^[ \t]*(?:[-•*▪◦●][ \t]*)?(?:Led|Built|Designed|Developed|Managed|Created|Implemented|Launched|Drove|Owned|Mentored|Architected|Reduced|Increased|Improved|Delivered|Spearheaded|Migrated|Automated|Optimized|Established|Achieved|Streamlined|Supervised|Precepted|Administered|Provided)\b/gm,
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
    // Leading blanks taken whole ((?![ \t])) and "has one of :;{(=" asked by a lookahead: a
    // line of spaces, or of '=', was otherwise tried once per way of splitting it.
    pattern: /^[ \t]*(?![ \t])(?:```|>>> |\$ \S|(?:npm|yarn|pnpm|pip3?|brew|apt-get|apt|git|docker|cargo|npx|pytest|cd) [\w./"-]|(?:import|export|const|let|var|function|def|class|return|public|private|package|func|fn|from \S+ import)\b(?=[^\n]*[:;{(=])[^\n]*$|(?:if|for|while|elif|else|try|except|with)\b[^\n]*[:{][ \t]*$|[\w.]+(?:\[[^\]\n]*\])?[ \t]*=[ \t]*\S[^\n]*$|[A-Za-z_][\w.]*\([^\n]*\)[ \t]*(?:;[ \t]*)?$|[})\]]+[;,]?[ \t]*$|[^\n]*\{[ \t]*$)/gm,
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
    id: 'chatter', label: 'chat wording', weight: -1, cap: 3, maxLength: 1500,
    pattern: /\b(?:lol|haha|lmao|omg|fyi|heads up|thanks for|thank you all|anyone want|brb|congrats|:[a-z_]+:)|😬|😂|🙏|☕|👋|🙌|💀|🤣|😭/gi,
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
    id: 'advice', label: 'career advice writing', weight: -1.5, cap: 2, distinct: true,
    pattern: /\b(?:(?:career|more|our|top|\d+) tips|how to (?:negotiate|ask for|answer|prepare for|write|ace|land|get (?:a|the|your))|here['’]s how|career advice|in this (?:post|article|guide))\b/gi,
  },
  {
    id: 'listing', label: 'a rental or sale listing', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:rent|tenants?|lease|landlord|bedrooms?|\d\s?BR|sq\.? ?ft|security deposit|schedule a (?:showing|viewing)|for sale|move-in|utilities included)\b/gi,
  },
  {
    id: 'award-or-event', label: 'a scholarship, award or event', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:scholarships?|grant (?:recipients|applications)|GPA|essay|winners (?:will|are)|register (?:at|now|here|today)|(?:buy|get) (?:your )?tickets|tickets (?:are|on sale)|RSVP|webinar|career fair|meetup|see you there)\b/gi,
  },
  {
    id: 'policy', label: 'a policy document', weight: -1.5, cap: 3, distinct: true,
    pattern: /\b(?:this policy|policy (?:applies|explains|covers)|employees (?:may|must|who have)|effective (?:date|immediately|(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december))\b/gi,
  },
  {
    id: 'about-hiring', label: 'writing about hiring', weight: -2, cap: 2,
    pattern: /\b(?:we (?:hired|interviewed)|interviewers (?:are|were|should)|take-homes?|scorecards?|(?:onsite|interview) loop|hiring sync|candidates['’] time)\b/gi,
  },
];
