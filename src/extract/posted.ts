import { found, type Found } from './found.js';
import { linesOf, withoutOtherJobs } from './text.js';

/** The posting date or age as stated: "Oct 2, 2025", "1 week ago", "4d ago". */

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})`;
const AGE = String.raw`(?:\d+\s*(?:\+\s*)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[mhdw])\s+ago|just now|today|yesterday)`;

const POSTED = new RegExp(String.raw`\b(?:re-?)?posted(?:\s+on|\s+date)?\s*(?:[:：]\s*)?(${DATE}|${AGE})`, 'i');
const DATE_POSTED = new RegExp(String.raw`\bdate posted\s*(?:[:：]\s*)?(${DATE}|${AGE})`, 'i');
// LinkedIn's header: "Cambridge, MA · 1 week ago · 36 applicants".
const DOTTED_AGE = new RegExp(String.raw`·\s*(?:re-?posted\s+)?(${AGE})`, 'i');

export function extractPosted(text: string): Found<string | null> {
  const lines = linesOf(withoutOtherJobs(text));
  for (const l of lines) {
    const m = POSTED.exec(l.text) ?? DATE_POSTED.exec(l.text);
    if (m) return found((m[1] ?? '').trim(), l.text, 'posted line');
  }
  for (const l of lines.slice(0, 30)) {
    const m = DOTTED_AGE.exec(l.text);
    if (m) return found((m[1] ?? '').trim(), l.text, 'header line');
  }
  return found(null, null, null);
}
