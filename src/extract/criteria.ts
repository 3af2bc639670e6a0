import type { EmploymentType, Seniority } from '../posting.js';
import { LINKEDIN_SENIORITY } from './tables/levels.js';
import { linesOf } from './text.js';

/**
 * LinkedIn's job criteria as they read in a paste: a label line ("Seniority level") and its
 * value on the next line ("Mid-Senior level"), or both on one line. They are the source's own
 * facts, so they win over inference.
 */
export interface Criteria {
  seniority: { seniority: Seniority; label: string; line: string } | null;
  employmentType: { value: EmploymentType; line: string } | null;
}

const EMPLOYMENT: Readonly<Record<string, EmploymentType>> = {
  'full-time': 'full-time', 'part-time': 'part-time', contract: 'contract', temporary: 'temporary',
  internship: 'internship', volunteer: 'temporary', other: 'full-time',
};

function valueAfter(label: RegExp, text: string): { value: string; line: string } | null {
  const lines = linesOf(text);
  // Compiled once per call, not once per line.
  const inlineRe = new RegExp(`^${label.source}\\s*(?:[:：]\\s*)?(\\S.*)$`, 'i');
  const aloneRe = new RegExp(`^${label.source}\\s*:?$`, 'i');
  const first = label.source.charAt(0);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]?.text ?? '';
    if (l.charAt(0).toLowerCase() !== first) continue;
    const inline = inlineRe.exec(l);
    if (inline && (inline[1] ?? '').length > 0) return { value: (inline[1] ?? '').trim(), line: l };
    if (aloneRe.test(l)) {
      const next = lines[i + 1]?.text;
      if (next !== undefined) return { value: next.trim(), line: next };
    }
  }
  return null;
}

export function readCriteria(text: string): Criteria {
  const s = valueAfter(/seniority level/, text);
  const seniority = s ? LINKEDIN_SENIORITY[s.value.toLowerCase()] : undefined;
  const e = valueAfter(/employment type/, text);
  const employment = e ? EMPLOYMENT[e.value.toLowerCase()] : undefined;
  return {
    seniority: s && seniority ? { seniority, label: s.value, line: s.line } : null,
    employmentType: e && employment && e.value.toLowerCase() !== 'other' ? { value: employment, line: e.line } : null,
  };
}
