import type { EmploymentType, Seniority } from '../posting.js';
import { lowerSeniority, seniorityOfCriterion } from './tables/levels.js';
import { linesOf } from './text.js';

/**
 * A source's own job criteria as they read in a paste: a label line ("Seniority level",
 * "#### Nível") and its value on the next line or lines ("Mid-Senior level"; "- Pleno" /
 * "- Sênior"), or both on one line ("Experience Level: Mid-Senior Level"). They are the
 * source's own facts, so they win over inference.
 */
export interface Criteria {
  seniority: { seniority: Seniority; label: string; line: string } | null;
  employmentType: { value: EmploymentType; line: string } | null;
}

/** Employment-type values by their first words, in the languages the project reads ("Type d'emploi: Stage"). */
const EMPLOYMENT: ReadonlyArray<readonly [RegExp, EmploymentType]> = [
  [/^(?:internship|intern|stage|stagiaire|praktikum|pr[aá]cticas|est[aá]gio|alternance|apprenticeship|apprentissage|werkstudent)\b/i, 'internship'],
  [/^(?:full[- ]time|cdi|temps plein|tiempo completo|jornada completa|vollzeit|tempo integral|permanent)\b/i, 'full-time'],
  [/^(?:part[- ]time|temps partiel|tiempo parcial|media jornada|teilzeit|meio per[ií]odo)\b/i, 'part-time'],
  [/^(?:contract|contractor|freelance|freelancer|pj)\b/i, 'contract'],
  [/^(?:temporary|temp|int[ée]rim|interim|volunteer|befristet)\b/i, 'temporary'],
];
const EMPLOYMENT_LABEL = /(?:employment type|job type|type d['’]emploi|type de contrat|tipo de (?:empleo|contrato|vaga)|beschäftigungsart|anstellungsart|vertragsart|contract type)/;

/** Labels whose value is the role's level, in the languages the project reads. */
const LEVEL_LABEL = String.raw`(?:seniority level|seniority|experience level|career level|job level|position level|level|n[ií]vel|nivel|senioridade|niveau)`;
/** A value line under a label: a bullet or a short line. */
const MAX_VALUES = 3;

function valueAfter(label: RegExp, text: string): { value: string; line: string } | null {
  const lines = linesOf(text);
  // Compiled once per call, not once per line.
  const inlineRe = new RegExp(`^${label.source}\\s*(?:[:：]\\s*)?(\\S.*)$`, 'i');
  const aloneRe = new RegExp(`^${label.source}\\s*:?$`, 'i');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]?.text ?? '';
    if (l.length > 80) continue;
    const inline = inlineRe.exec(l);
    if (inline && (inline[1] ?? '').length > 0) return { value: (inline[1] ?? '').trim(), line: l };
    if (aloneRe.test(l)) {
      const next = lines[i + 1]?.text;
      if (next !== undefined) return { value: next.trim(), line: next };
    }
  }
  return null;
}

const heading = (line: string): string => line.replace(/^#{1,6}\s*|[*_]+/g, '').trim();

/**
 * The level a labelled field gives. Several values ("Pleno", "Sênior") open the role from the
 * lowest; a value that names no level ("Experience level: 1 year") gives none.
 */
function levelCriterion(text: string): Criteria['seniority'] {
  const inline = new RegExp(`^${LEVEL_LABEL}\\s*[:：]\\s*(\\S.{0,40})$`, 'i');
  const alone = new RegExp(`^${LEVEL_LABEL}\\s*:?$`, 'i');
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const l = heading(lines[i]?.text ?? '');
    if (l.length > 60) continue;
    const m = inline.exec(l);
    if (m) {
      const found = levelOfValues((m[1] ?? '').split(/\s*(?:[,/;]|\bor\b|\bou\b|\be\b)\s*/));
      if (found) return { ...found, line: lines[i]?.text ?? l };
      continue;
    }
    if (!alone.test(l)) continue;
    const values: string[] = [];
    for (let j = i + 1; j < lines.length && values.length < MAX_VALUES; j++) {
      const v = lines[j]?.text ?? '';
      // The values are bullets or one short line; the next heading ends them.
      if (values.length > 0 && !/^[-•*▪●◦]/.test(v)) break;
      values.push(v);
    }
    const found = levelOfValues(values);
    if (found) return { ...found, line: values.join(' / ') };
  }
  return null;
}

function levelOfValues(values: readonly string[]): { seniority: Seniority; label: string } | null {
  let best: { seniority: Seniority; label: string } | null = null;
  for (const v of values) {
    const s = seniorityOfCriterion(v);
    if (s === null) continue;
    const label = v.replace(/^[-•*▪●◦]\s*/, '').trim();
    best = best === null ? { seniority: s, label } : { seniority: lowerSeniority(best.seniority, s), label: lowerSeniority(best.seniority, s) === s ? label : best.label };
  }
  return best;
}

export function readCriteria(text: string): Criteria {
  const e = valueAfter(EMPLOYMENT_LABEL, text);
  const employment = e ? EMPLOYMENT.find(([re]) => re.test(e.value))?.[1] : undefined;
  return {
    seniority: levelCriterion(text),
    employmentType: e && employment ? { value: employment, line: e.line } : null,
  };
}
