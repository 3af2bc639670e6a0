import { lineKey, wordCountAtMost } from './lines.js';

/**
 * Section headings postings use, by key (lower case, no trailing ':').
 * The structure step lays them out; the header and boilerplate steps use them as landmarks.
 */
export const KNOWN_HEADINGS: ReadonlySet<string> = new Set([
  'about the job', 'about the role', 'about the position', 'about the team', 'about us', 'about the company', 'about you',
  'job description', 'description', 'position summary', 'job summary', 'summary', 'overview', 'the role', 'the opportunity',
  'role overview', 'company description', 'company overview', 'who we are', 'what we do', 'our mission', 'the team',
  "what you'll do", 'what you’ll do', "what you'll do in the role", 'what you’ll do in the role', 'what you will do',
  "what you'll be doing", 'what you’ll be doing', 'responsibilities', 'key responsibilities', 'duties', 'your responsibilities',
  'duties and responsibilities', 'job responsibilities', 'in this role you will', 'day to day', 'your impact', 'the impact you will have',
  'requirements', 'qualifications', 'basic qualifications', 'minimum qualifications', 'required qualifications',
  'preferred qualifications', 'desired qualifications', 'additional qualifications', 'nice to have', 'nice to haves', 'bonus points',
  'who you are', 'what we look for', "what we're looking for", 'what we’re looking for', 'what you bring', "what you'll bring",
  'what you’ll bring', 'skills', 'required skills', 'skills and experience', 'experience', 'education', 'must have', 'must haves',
  'benefits', 'perks', 'perks and benefits', 'what we offer', "what's in it for you", 'what’s in it for you', 'why join us',
  'compensation', 'compensation and benefits', 'salary', 'pay range', 'pay transparency', 'salary range', 'location',
  'additional information', 'how to apply', 'application process', 'interview process', 'hiring process', 'job details',
  'full job description', 'job type', 'schedule', 'work location', 'pay', 'shift and schedule', 'work setting',
  'deine aufgaben', 'ihre aufgaben', 'aufgaben', 'dein profil', 'ihr profil', 'profil', 'wir bieten', 'was wir bieten',
  'das bieten wir', 'das bieten wir dir', 'das bringst du mit', 'das bringen sie mit', 'über uns', 'deine benefits',
  'responsabilidades', 'funciones', 'requisitos', 'qué ofrecemos', 'que ofrecemos', 'ofrecemos', 'sobre nosotros',
  'descripción del puesto', 'tus funciones', 'tu perfil', 'beneficios',
]);

/** Field labels sites print on their own line above the value ("Employment type" / "Full-time"). */
export const FIELD_LABELS: ReadonlySet<string> = new Set([
  'seniority level', 'employment type', 'job function', 'industries', 'job type', 'pay', 'salary', 'location', 'locations',
  'time type', 'posted on', 'job requisition id', 'requisition id', 'remote type', 'location type', 'workplace type',
  'department', 'compensation', 'schedule', 'shift and schedule', 'work location', 'experience level', 'contract type',
  'job id', 'req id', 'team', 'commitment', 'arbeitsort', 'standort', 'beschäftigungsart', 'anstellungsart', 'gehalt',
  'ubicación', 'tipo de contrato', 'jornada', 'salario', 'modalidad',
]);

/** "Basic Qualifications:", "What you'll do", "REQUIREMENTS", "Dein Profil": a heading line. */
export function isHeading(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 80) return false;
  const key = lineKey(text);
  if (KNOWN_HEADINGS.has(key)) return true;
  if (!wordCountAtMost(text, 9)) return false;
  // A short line ending in a colon with no sentence inside it.
  if (/^[^.!?]{2,70}:$/.test(text) && /\p{L}/u.test(text)) return true;
  // A short ALL-CAPS line of two words or more ("WHAT YOU WILL DO"); one word is a skill ("SQL").
  if (/\p{Lu}.*\p{Lu}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase() && !/[.!?,]$/.test(text)) {
    return wordCountAtMost(text, 7) && !wordCountAtMost(text, 1) && /\p{L}{3}/u.test(text);
  }
  // A short Title Case line opening like a section ("What You Bring to the Table", "Why Join Us?").
  if (TITLE_CASE_OPENER.test(text) && wordCountAtMost(text, 8) && !/[.!,;:]$/.test(text) && isTitleCase(text)) return true;
  return false;
}

const TITLE_CASE_OPENER = /^(?:what|why|who|how|about|our|your|the|where|when|benefits|requirements|responsibilities)\s/i;

/** Every word of four letters or more starts with a capital. */
function isTitleCase(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2) return false;
  return words.every((w) => w.length < 4 || /^[\p{Lu}\d("'“]/u.test(w));
}
