import type { Sponsorship, SponsorshipStance } from '../posting.js';
import { found, type Found } from './found.js';
import { sentencesOf, withoutOtherJobs } from './text.js';

/**
 * Whether the employer sponsors work visas, from the sentence that says so. Rules are data:
 * each sentence about visas or work authorisation is tested against NOT_ABOUT_VISAS (criminal
 * history, security clearances, export control, EEO lists), then against the stance rules in
 * order. An explicit statement about sponsoring beats an implied one ("must be authorized to
 * work"); among explicit statements "no" beats "considered" beats "yes", because a posting
 * that both advertises sponsorship in general and refuses it for this role means no.
 */

interface StanceRule {
  pattern: RegExp;
  stance: Exclude<SponsorshipStance, 'unstated'>;
  /** Explicit statements about sponsoring beat implied ones (authorisation, citizenship). */
  explicit: boolean;
}

const SPONSOR = String.raw`(?:sponsor(?:s|ed|ing|ship)?|visa|immigration|work permit|h-?1-?b|h1|j-?1|opt\b|employment authori[sz]ation)`;
const NEG = String.raw`(?:will not|won't|wont|cannot|can't|can not|unable to|not able to|do not|does not|don't|doesn't|are not|is not|not in a position to|no longer|not currently|are unable|is unable|not)`;

// Visa and status types named in staffing ads.
const VISA_TYPES = String.raw`(?:h-?1-?b|h-?4(?: ead)?|opt|cpt|stem opt|ead|tn|l-?2|visa)`;

const RULES: readonly StanceRule[] = [
  // A labelled answer: "Visa sponsorship: No", "Sponsorship available: Yes".
  { pattern: /\b(?:visa\s+)?sponsorship(?:\s+available)?\s*[:：]\s*(?:no|not available|none|unavailable)\b/i, stance: 'no', explicit: true },
  { pattern: /\b(?:visa\s+)?sponsorship(?:\s+available)?\s*[:：]\s*(?:yes|available|provided)\b/i, stance: 'yes', explicit: true },
  // "Candidates who require sponsorship will not be considered."
  { pattern: /\b(?:requir\w*|need\w*)\s+(?:\w+\s+){0,3}sponsorship\b[^.]{0,40}\b(?:not|ineligible|cannot|won't)\b/i, stance: 'no', explicit: true },
  // Explicit no.
  { pattern: new RegExp(String.raw`\b${NEG}\s+(?:\w+\s+){0,4}(?:sponsor|offer(?:ing)? (?:\w+ )?sponsorship|provide (?:\w+ )?sponsorship|support (?:\w+ )?(?:visa|sponsorship|immigration|work permits?)|consider (?:\w+ ){0,3}(?:candidates|applicants) (?:who|that) (?:will )?(?:now or in the future )?require)`, 'i'), stance: 'no', explicit: true },
  { pattern: /\b(?:without|no)\s+(?:the\s+)?(?:need (?:for|of)\s+)?(?:current or future\s+|future\s+|any\s+|employer\s+|company\s+)?(?:visa\s+|immigration\s+|employer\s+)?sponsorship\b/i, stance: 'no', explicit: true },
  { pattern: /\bsponsorship\s+(?:is\s+|will\s+)?(?:not|n't)\s+(?:be\s+)?(?:available|offered|provided|possible|an option|supported)\b|\bnot (?:eligible|available) for (?:visa |immigration )?sponsorship\b|\bno (?:visa|immigration|h-?1b) (?:sponsorship|support)\b/i, stance: 'no', explicit: true },
  { pattern: /\b(?:do|does|will) not sponsor\b|\bnot sponsor(?:ing)?\b/i, stance: 'no', explicit: true },
  // Staffing ads name the visa types they turn away: "No H1B or OPT/CPT candidates", "H1B not accepted".
  { pattern: new RegExp(String.raw`\bno\s+${VISA_TYPES}(?:\s*(?:\/|,|or|and)\s*${VISA_TYPES})*(?:\s+(?:candidates|applicants|holders|transfers|please|at this time)|\s*[.!;)]|\s*$)|\b${VISA_TYPES}(?:\s*(?:\/|,|or|and)\s*${VISA_TYPES})*\s+(?:candidates\s+|holders\s+|applicants\s+)?(?:are\s+|will\s+)?not\s+(?:be\s+)?(?:accepted|considered|eligible)\b`, 'i'), stance: 'no', explicit: true },
  // Explicit considered (before yes: "will consider sponsoring" is not a promise).
  { pattern: /\b(?:will|may|might|could|can)\s+(?:\w+\s+){0,2}consider\s+(?:\w+\s+){0,2}sponsor/i, stance: 'considered', explicit: true },
  { pattern: /\b(?:may|might|could)\s+(?:be able to\s+)?(?:offer\s+|provide\s+)?sponsor|\bsponsorship\s+(?:may|might|could)\s+be\b|\bcase[- ]by[- ]case\b|\bopen to (?:discussing |considering )?(?:visa )?sponsor|\bpossible (?:visa )?sponsorship\b|\bsponsorship (?:is )?(?:negotiable|considered|evaluated)\b/i, stance: 'considered', explicit: true },
  { pattern: /\b(?:visa holders?|nationals?|citizens?|right to work|work permit)\b[^.]{0,60}\bpreferred\b[^.]{0,40}\bnot (?:a )?(?:deal[- ]?breaker|requirement|required|must|essential)\b/i, stance: 'considered', explicit: true },
  // Explicit yes.
  { pattern: /\b(?:h-?1-?b|visa)\s+transfers?\s+(?:candidates\s+|applicants\s+)?(?:are\s+)?(?:welcome|accepted|considered|ok|supported)\b|\b(?:j-?1|h-?1-?b|tn|o-?1|e-?3)(?:\s*(?:\/|,|or|and)\s*(?:j-?1|h-?1-?b|tn|o-?1|e-?3))*\s+(?:candidates\s+)?(?:accepted|welcome|considered)\b/i, stance: 'yes', explicit: true },
  { pattern: /\b(?:visa|immigration|work permit)\s+(?:sponsorship|support|assistance)\s+(?:is\s+|will be\s+)?(?:available|provided|offered|included)\b|\b(?:offer|offers|provide|provides|including|includes|with|plus|and)\s+(?:full\s+)?(?:visa|immigration|relocation and visa|relocation & visa)\s+(?:sponsorship|support|assistance)\b|\bsponsorship (?:is |are )?available\b|\(visa sponsorship available\)/i, stance: 'yes', explicit: true },
  { pattern: /\b(?:we|will|can|happy to|able to|glad to|do|does)\s+(?:\w+\s+){0,2}sponsor\b|\bsponsor(?:s|ing)?\s+(?:work\s+)?visas\b|\bprovides? (?:a )?visa\b|\bビザ/i, stance: 'yes', explicit: true },
  // Implied no: must already be authorised, citizens only.
  { pattern: /\b(?:must|should|need to|required to)\s+(?:already\s+|currently\s+)?(?:be|have|hold|possess)\s+(?:legally\s+|currently\s+)?(?:authori[sz]ed|eligible|permitted|entitled|the (?:legal )?right|a valid (?:work permit|visa))\b|\b(?:authori[sz]ation|authori[sz]ed|right) to work\b[^.]{0,60}\brequired\b|\brequires? (?:existing |current |the )?(?:legal )?right to work\b|\bhave (?:a )?valid work permit\b|\bvalid work permit or visa\b|\b(?:must|should|need to)\s+(?:already\s+)?have\s+(?:full\s+|unrestricted\s+|existing\s+)?(?:working|work)\s+rights\b|\b(?:full|unrestricted|existing)\s+(?:working|work)\s+rights\b[^.]{0,30}\brequired\b/i, stance: 'no', explicit: false },
  // A requirement line naming the country's work rights: "Australian working rights (unrestricted)",
  // "Full right to work in the UK", "You must have the right to work in Ireland".
  { pattern: /^\W{0,3}(?:(?:full|unrestricted|permanent)\s+)?(?:australian|new zealand|nz|uk|british|irish|eu|canadian|us|u\.s\.|american)\s+(?:working|work)\s+rights\b|\b(?:working|work)\s+rights\s*\(\s*(?:unrestricted|full|permanent)\s*\)|\b(?:have|hold|possess|with)\s+(?:the\s+|a\s+|full\s+|existing\s+|current\s+|valid\s+|unrestricted\s+)*right\s+to\s+work\s+(?:in|within)\s+(?:the\s+)?(?:uk|united kingdom|ireland|eu|australia|new zealand|canada|us|u\.s\.|united states)\b|^\W{0,3}(?:full\s+|valid\s+)?right\s+to\s+work\s+in\s+(?:the\s+)?(?:uk|united kingdom|ireland|eu|australia|new zealand|canada)\b/i, stance: 'no', explicit: false },
  { pattern: /\b(?:u\.?s\.?|us|united states)\s+citizen(?:ship)?\s+(?:is\s+|only|required)|\bcitizenship\s+(?:is\s+)?required\b|\bmust be (?:a )?(?:u\.?s\.?|us) citizens?\b|\bcitizens? (?:only|or (?:green card|permanent resident))\b|\bcitizen(?:s|ship)?,?\s+or\s+(?:an?\s+)?(?:\w+\s+)?(?:green card|permanent residen)|\bcitizens?\s+(?:and|or|&|\/)\s+(?:green card|gc|permanent resident)s?(?:\s+holders?)?\s+only\b|\bonly\s+(?:u\.?s\.?\s+|us\s+)?citizens?\b|\bus citizen\s*\/\s*green card\b|\b(?:active|current)\s+(?:ts\/sci|top secret|secret|ts)\b[^.]{0,30}\bclearance\b|\bclearance\b[^.]{0,40}\b(?:requires|required) (?:u\.?s\.? )?citizenship\b/i, stance: 'no', explicit: false },
];

// Sentences that mention these words for other reasons.
const NOT_ABOUT_VISAS = /\b(criminal|arrest|conviction|background check|fair chance|without regard to|regardless of|discriminat|protected (veteran|class|characteristic)|equal (employment )?opportunity|export (control|administration|license)|itar|ear\b|deemed export|company[- ]sponsored|sponsored (events?|profit|plan|health|benefits?|insurance|retirement)|employer[- ]sponsored (health|insurance|benefit|plan|retirement)|sponsor(s|ed)? (by|the event)|corporate sponsor|sponsor(s|ed|ing)? (?:\w+ ){0,2}(?:certifications?|training|conferences?|events?|memberships?|education|courses?|tuition|licens\w+|team|hackathons?|meetups?))\b/i;
// "We will sponsor your security clearance" is about clearances, not visas.
const CLEARANCE_SPONSOR = /\bsponsor(ing|ship)?\b[^.]{0,40}\bclearance\b|\bclearance\b[^.]{0,30}\bsponsor/i;
const ABOUT = new RegExp(String.raw`${SPONSOR}|authori[sz]ed to work|authori[sz]ation to work|work authori[sz]ation|right to work|entitled to work|work(?:ing)? rights|eligible to work|citizen|green card|permanent resident|clearance|ビザ`, 'i');

/** The value of a yes/no label right after its match ("… Required: No"). */
const NO_VALUE_AFTER = /^\s*[:：?]\s*(?:no|none|n\/a|not required|false)\b/i;

const STRENGTH: Readonly<Record<Exclude<SponsorshipStance, 'unstated'>, number>> = { no: 3, considered: 2, yes: 1 };

/** A readable piece of a long (flattened) sentence around a match, still a substring. */
export function excerptAround(sentence: string, index: number, length: number, max = 240): string {
  if (sentence.length <= max) return sentence;
  let from = Math.max(0, index - Math.floor((max - length) / 2));
  let to = Math.min(sentence.length, from + max);
  from = Math.max(0, to - max);
  // Widen to word edges so the excerpt does not cut a word in half.
  while (from > 0 && /\S/.test(sentence.charAt(from - 1))) from--;
  while (to < sentence.length && /\S/.test(sentence.charAt(to))) to++;
  return sentence.slice(from, to).trim();
}

// How far from a match an unrelated trigger ("criminal history", "export control") voids it.
const VOID_WINDOW = 120;

function voided(sentence: string, index: number, length: number): boolean {
  const from = Math.max(0, index - VOID_WINDOW);
  const window = sentence.slice(from, index + length + VOID_WINDOW);
  const hit = window.search(NOT_ABOUT_VISAS);
  if (hit < 0) return false;
  // A sentence that also names visa sponsorship outright stays about visas.
  return !/\b(visa|h-?1b)\b[^.]*\bsponsor|\bsponsor[^.]*\bvisa/i.test(window);
}

export function extractSponsorship(text: string): Found<Sponsorship> {
  const candidates: { stance: Exclude<SponsorshipStance, 'unstated'>; explicit: boolean; line: string }[] = [];
  for (const s of sentencesOf(withoutOtherJobs(text))) {
    if (!ABOUT.test(s.text)) continue;
    if (CLEARANCE_SPONSOR.test(s.text) && !/\b(visa|immigration|h-?1b|work authori)/i.test(s.text)) continue;
    for (const r of RULES) {
      const m = r.pattern.exec(s.text);
      if (m === null || voided(s.text, m.index, m[0].length)) continue;
      // A label read by its value: "US Citizenship Required: No" requires nothing.
      if (NO_VALUE_AFTER.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 20)) && /required$/i.test(m[0])) continue;
      candidates.push({ stance: r.stance, explicit: r.explicit, line: excerptAround(s.text, m.index, m[0].length) });
      break;
    }
  }
  if (candidates.length === 0) return found({ stance: 'unstated', evidence: null }, null, null);
  const explicit = candidates.filter((c) => c.explicit);
  const pool = explicit.length > 0 ? explicit : candidates;
  const best = pool.reduce((a, b) => (STRENGTH[b.stance] > STRENGTH[a.stance] ? b : a));
  return found({ stance: best.stance, evidence: best.line }, best.line, best.explicit ? 'stated' : 'implied by a work-authorisation requirement');
}
