import { parse } from 'csv-parse/sync';
import { recordFieldOf } from './record.js';

/**
 * A job pasted as a table row under its header: a scraper's CSV export (JobSpy, a Glassdoor or
 * Indeed crawl), a TSV copied from a spreadsheet, a Markdown table from a notes file. The header
 * names the columns the way a JSON record names its keys ("title", "company", "job_url",
 * "min_amount"), so the row becomes a record and is read like one (src/links/record.ts).
 *
 * A paste counts as a table only when its first line is a header: at least three cells, each
 * short and shaped like a column name, with a title column and a company, description or
 * location column among them. Anything else is left to the text path.
 */

const DELIMITERS = ['|', '\t', ',', ';'] as const;
type Delimiter = (typeof DELIMITERS)[number];

const MIN_COLUMNS = 3;
const NAME_MAX = 40;
/** A pasted table holds one job, maybe a few: the first row is the one read. */
const READ_MAX_CHARS = 200_000;

/** "job_url", "Company Name", "min_amount": words, digits and joiners, no sentence. */
const COLUMN_NAME = /^[\p{L}_][\p{L}\d _./()#-]*$/u;

function cellsOf(line: string, delimiter: Delimiter): string[] {
  let cells = line.split(delimiter).map((c) => c.trim());
  if (delimiter === '|') cells = cells.slice(line.trimStart().startsWith('|') ? 1 : 0, line.trimEnd().endsWith('|') ? -1 : undefined);
  return cells;
}

/** The header's delimiter and column names, when the first line is a table header. */
function headerOf(firstLine: string): { delimiter: Delimiter; names: string[] } | null {
  for (const delimiter of DELIMITERS) {
    const names = cellsOf(firstLine, delimiter).map((n) => n.replace(/^"(.*)"$/, '$1').trim());
    if (names.length < MIN_COLUMNS) continue;
    if (!names.every((n) => n === '' || (n.length <= NAME_MAX && COLUMN_NAME.test(n)))) continue;
    const fields = new Set(names.map(recordFieldOf));
    if (fields.has('title') && (fields.has('company') || fields.has('description') || fields.has('location'))) return { delimiter, names };
  }
  return null;
}

/** "|:----|:---|": the line under a Markdown table's header. */
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * A Markdown row, whose long cell (the description) may run over many lines and hold pipes of
 * its own: the cells before it are taken from the left, those after it from the right.
 */
function markdownRow(body: string, names: readonly string[]): string[] | null {
  const cells = cellsOf(body.trim(), '|');
  if (cells.length < names.length) return null;
  if (cells.length === names.length) return cells;
  const long = names.findIndex((n) => recordFieldOf(n) === 'description');
  if (long < 0) return cells.slice(0, names.length);
  const after = names.length - long - 1;
  return [...cells.slice(0, long), cells.slice(long, cells.length - after).join('|'), ...cells.slice(cells.length - after)];
}

/** The first row of a pasted table as a record keyed by its header, or null when the paste is no table. */
export function parseTablePaste(text: string): Record<string, string> | null {
  // Every text paste passes here: its first line is read before anything is copied.
  const start = /^\ufeff?\s*/.exec(text)?.[0].length ?? 0;
  const newline = text.indexOf('\n', start);
  if (newline < 0) return null;
  const header = headerOf(text.slice(start, newline).replace(/\r$/, ''));
  if (header === null) return null;
  const trimmed = text.slice(start, start + READ_MAX_CHARS);
  let row: string[] | null = null;
  if (header.delimiter === '|') {
    const rest = trimmed.slice(newline - start + 1).split('\n');
    if (rest.length > 0 && MARKDOWN_RULE.test(rest[0] ?? '')) rest.shift();
    row = markdownRow(rest.join('\n'), header.names);
  } else {
    try {
      const rows = parse(trimmed, { delimiter: header.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 2_000 }) as string[][];
      row = rows[1] ?? null;
    } catch {
      return null;
    }
  }
  if (row === null || row.every((c) => c.trim() === '')) return null;
  const record: Record<string, string> = {};
  header.names.forEach((name, i) => {
    const value = (row?.[i] ?? '').trim();
    if (name !== '' && value !== '' && !(name in record)) record[name] = value;
  });
  return record;
}
