import { makeWordGate } from './word-gate.js';

/**
 * Facts later steps extract and the cleaner must never drop: pay figures, sponsorship or
 * work-authorisation statements, years of experience, the application window.
 * Each test is a handful of linear regexes; none backtracks on long lines.
 */

// A currency sign next to a non-zero amount ("$158,600", "€ 65k", "65.000 €"), or an ISO code next to one.
const PAY_PATTERNS: readonly RegExp[] = [
  /[$€£¥₹₩]\s?[1-9]/,
  /[1-9][\d.,]{0,12}\s?[kK]?\s?[€£¥₹]/,
  /\b(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|SGD|INR|JPY|SEK|NOK|DKK|PLN|HKD|MXN|BRL|ZAR)\s?[1-9]/,
  /[1-9][\d.,]{0,12}\s?[kK]?\s?(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|SGD|INR|JPY|SEK|NOK|DKK|PLN|HKD|MXN|BRL|ZAR)\b/,
  // "85000.00 - 90000.00", "55-65/hr", "per hour" amounts without a sign.
  /\b[1-9]\d{1,2}(?:,?\d{3}){1,3}(?:\.\d\d)?\s?(?:-|–|—|to)\s?[1-9]\d{1,2}(?:,?\d{3}){1,3}/,
  /\b[1-9][\d.,]{0,12}\s?[kK]?\s?(?:\/|per\s)(?:hour|hr|year|yr|annum|month|mo)\b/i,
];

// "sponsor", "visa", "H-1B", "authorized to work", "work authorization" (not "authorization status" in an EEO list).
const SPONSORSHIP_PATTERNS: readonly RegExp[] = [
  /sponsor/i,
  /\b(?:visas?|h-?1b|work permits?|green card)\b/i,
  /\b(?:OPT|CPT|EAD|TN)\b/,
  /\b(?:authori[sz]ed|authori[sz]ation|eligible|eligibility|permission|right|permit(?:ted)?)\s+to\s+work\b/i,
  /\b(?:work|employment)\s+authori[sz]ation\b(?!\s+status)/i,
  /\b(?:visum|arbeitserlaubnis|aufenthaltstitel|arbeitsgenehmigung|permiso de trabajo|autorización de trabajo|permis de travail|patrocinio)\b/i,
];

// "5+ years", "at least 3 years", "3-5 years", "minimum of two years", "mindestens 3 Jahre", "3 años".
const NUMBER_WORD = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)';
const YEARS_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${NUMBER_WORD}\\s?\\+?\\s?(?:(?:-|–|—|to|or)\\s?\\d{1,2}\\s?\\+?\\s?)?(?:\\(\\d{1,2}\\)\\s?)?(?:years?|yrs?)\\b`, 'i'),
  /\b\d{1,2}\s?\+?\s?(?:jahre|jahren|años|anos|ans|anni|jaar)\b/i,
];

// "accept applications for a minimum of 5 business days", "apply by", "application deadline".
const WINDOW_PATTERNS: readonly RegExp[] = [
  /\baccept(?:ing)? applications\b/i,
  /\bapplications? (?:will be accepted|close|deadline|window)\b/i,
  /\b(?:apply|applications due) by\b/i,
];

function any(patterns: readonly RegExp[], text: string): boolean {
  for (const p of patterns) if (p.test(text)) return true;
  return false;
}

// Word gates in front of the regexes: most lines carry none of these words.
const DIGIT = /\d/;
const sponsorshipGate = makeWordGate([
  'spons', 'visa', 'visas', 'visum', 'h-1b', 'h1b', 'permi', 'green', 'autho', 'right', 'eligi', 'arbei', 'aufen', 'patro',
  'opt', 'cpt', 'ead', 'f-1', 'autor', 'visa-',
]);
const yearsGate = makeWordGate(['year', 'years', 'yr', 'yrs', 'jahr', 'jahre', 'jahren', 'año', 'años', 'ano', 'anos', 'ans', 'anni', 'jaar']);
const windowGate = makeWordGate(['appli', 'apply']);

export function hasPayFigure(text: string): boolean {
  return DIGIT.test(text) && any(PAY_PATTERNS, text);
}
export function hasSponsorshipStatement(text: string, lower = text.toLowerCase()): boolean {
  return sponsorshipGate(lower) && any(SPONSORSHIP_PATTERNS, text);
}
export function hasYearsOfExperience(text: string, lower = text.toLowerCase()): boolean {
  return yearsGate(lower) && any(YEARS_PATTERNS, text);
}
export function hasApplicationWindow(text: string, lower = text.toLowerCase()): boolean {
  return windowGate(lower) && any(WINDOW_PATTERNS, text);
}

/** Which protected fact a line carries, if any (the cleaner keeps such lines and sentences). */
export function keepSignal(text: string): 'pay' | 'sponsorship' | 'years' | 'window' | null {
  if (text.length < 4) return null;
  if (hasPayFigure(text)) return 'pay';
  const lower = text.toLowerCase();
  if (hasSponsorshipStatement(text, lower)) return 'sponsorship';
  if (hasYearsOfExperience(text, lower)) return 'years';
  if (hasApplicationWindow(text, lower)) return 'window';
  return null;
}
