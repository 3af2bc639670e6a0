import type { EmploymentType } from '../posting.js';
import { found, type Found } from './found.js';
import { linesOf, sentencesOf, withoutOtherJobs } from './text.js';

/**
 * Full-time, part-time, contract, internship or temporary. Only wording that states the
 * role's own type counts: a labelled field, a header line ("Full-time"), or "this is a
 * full-time position". Boilerplate such as "salaries for part-time roles will be prorated"
 * says nothing about this role.
 */

const TYPES: ReadonlyArray<readonly [RegExp, EmploymentType]> = [
  [/\b(intern(ship)?|co-?op|werkstudent(in)?|praktikum|alternance)\b/i, 'internship'],
  [/\b(contract(-to-hire| to hire)?|contractor|freelance|1099|c2c|corp[- ]to[- ]corp)\b/i, 'contract'],
  [/\b(temporary|temp|seasonal|fixed[- ]term|cdd|befristet)\b/i, 'temporary'],
  [/\bpart[- ]?time\b|\bteilzeit\b|\btemps partiel\b|\b(?:tiempo parcial|medio tiempo|media jornada)\b/i, 'part-time'],
  // French CDI and German "Vollzeit" / "Feste Anstellung" are permanent full-time posts.
  [/\b(full[- ]?time|permanent|regular|cdi|vollzeit|festanstellung|feste anstellung|unbefristet|temps plein|tiempo completo|jornada completa|(?:t[ée]rmino|tiempo) indefinido)\b/i, 'full-time'],
];

function typeOf(value: string): EmploymentType | null {
  for (const [re, t] of TYPES) if (re.test(value)) return t;
  return null;
}

const LABELLED = /\b(?:job type|employment type|time type|worker type|type of employment|type of position|position type|work type|contract type|employment|commitment|job category|schedule|duration|engagement|(?:employment |job )?status|full\/part[- ]time|type de contrat|anstellungsart)\s*[:：\t]\s*([^\n]{2,60})/i;
const TYPE_WORD = /^(full[- ]?time|part[- ]?time|contract(or)?|internship|temporary|permanent|co-?op|freelance|cdi|cdd|vollzeit|teilzeit|feste anstellung|festanstellung)$/i;
// A header line made of short segments, one of them the type: "Remote - US · Part-Time", "Full-time /".
function headerType(line: string): EmploymentType | null {
  // A Hacker News field line ("Acme | Engineer | NYC | Full-time | $150k") runs longer.
  if (line.length > 80 && !(line.length <= 200 && (line.match(/\s\|\s/g) ?? []).length >= 3)) return null;
  const segments = line.split(/\s*[·•|/,]\s*|\s+[-–—]\s+/).map((x) => x.trim()).filter((x) => x.length > 0);
  // "Permanent, part-time": the more specific type wins over "permanent" (the table's order).
  const types = segments.filter((x) => TYPE_WORD.test(x)).map(typeOf);
  for (const [, t] of TYPES) if (types.includes(t)) return t;
  return null;
}
const SENTENCE = /\b(?:this|the|a|is an?)\s+(full[- ]?time|part[- ]?time|contract(?:-to-hire)?|temporary|permanent|paid|\d+-month)\s+(?:\w+\s+)?(position|role|opportunity|job|assignment|internship|contract|engagement)\b|\bthe role is (contract-to-hire|full[- ]time|part[- ]time|temporary)\b|\b(?:this|our|a|the)\s+(?:paid\s+|unpaid\s+)?(?:summer|winter|spring|fall|autumn|\d+[- ](?:week|month))\s+(?:paid\s+|unpaid\s+)?(internship|co-?op)\b|\bcontrato (?:a |de |por )?(t[ée]rmino indefinido|tiempo indefinido|tiempo completo|tiempo parcial|jornada completa|medio tiempo)\b/i;

export function extractEmploymentType(text: string, title: string | null, titleLine: string | null = null): Found<EmploymentType | null> {
  const body = withoutOtherJobs(text);
  for (const line of linesOf(body)) {
    const m = LABELLED.exec(line.text);
    if (m) {
      const t = typeOf((m[1] ?? '').split(/\s{2,}|(?<=[a-z)])(?=[A-Z][A-Za-z ]{1,25}[:：])/)[0] ?? '');
      // "Job Category (NOC): 2173 Software Engineers" and the like say nothing.
      if (t !== null) return found(t, line.text, 'labelled field');
    }
  }
  for (const line of linesOf(body).slice(0, 30)) {
    const t = headerType(line.text);
    if (t !== null) return found(t, line.text, 'header line');
  }
  // The title as posted, with its "(Part-Time)" or "(Contract)" before cleaning took it off.
  const titleWords = titleLine ?? title;
  if (titleWords !== null) {
    const t = typeOf(titleWords);
    if (t === 'internship' || t === 'contract' || t === 'temporary' || t === 'part-time') return found(t, titleLine, `title: ${title}`);
  }
  for (const s of sentencesOf(body)) {
    const m = SENTENCE.exec(s.text);
    if (!m) continue;
    // "this full-time role" → full-time; "this paid summer internship" → internship.
    const t = m.slice(1).map((g) => (g === undefined ? null : typeOf(g))).find((x) => x !== null) ?? null;
    if (t !== null) return found(t, s.text, 'stated in a sentence');
  }
  return found(null, null, null);
}
