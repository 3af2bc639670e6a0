/**
 * `npm run eval -- DIR [DIR...] [--split heldout|tune] [--misses] [--one-line]`: runs extraction over folders
 * of labelled postings and prints, per field, how many came out right, left blank, or
 * confidently wrong; the share of confidently wrong fields; and the share of cards that need
 * no correction. A folder holds `labels.json` (../shared/corpus format, optionally with
 * `split`) or `expected.json` (../shared/seeds format). Text files are pastes; JSON (ATS API
 * objects) and HTML pages go through the link reader (src/links/read.ts), as links do in the bot.
 *
 * `--one-line` reads each pasted text as Discord's `/jd text:` delivers it (its lines joined into
 * one) and scores that, and counts how many of those cards are the same as the card of the paste
 * with its lines.
 *
 * Held-out postings are for measuring only, so `--split heldout` prints the figures without the
 * list of misses unless `--misses` asks for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCard, renderCardText } from '../src/card/index.js';
import { cleanPosting } from '../src/clean/index.js';
import { extractPosting } from '../src/extract/index.js';
import { readDocument } from '../src/links/read.js';
import { readPaste } from '../src/pipeline.js';
import { Degree, type Posting } from '../src/posting.js';
import { inSplit, readLabels, SPLITS, type Split } from './eval/labels.js';
import { compare, confidentlyWrong, emptySummary, scoreSkills, tallyPosting, type Summary } from './eval/score.js';

export { alternatives, readLabels, type Expected } from './eval/labels.js';
export { compare, placeKey, scoreSkills, type FieldResult, type SkillScore } from './eval/score.js';

/** A labelled file as a Posting: pastes as they are, pages and API answers through the link reader. */
export function extractFile(file: string, oneLine = false): Posting {
  const stored = readFileSync(file, 'utf8');
  if (file.endsWith('.txt')) {
    const raw = oneLine ? flatten(stored) : stored;
    // As the bot reads a paste: what is data in it (a JSON record, HTML) first.
    const pasted = readPaste(raw);
    return extractPosting(cleanPosting(pasted?.text ?? raw).text, { ...(pasted ? { structured: pasted.structured } : {}), source: { kind: 'paste', url: null, site: null } });
  }
  const read = readDocument(stored, { fileName: path.basename(file) });
  return extractPosting(cleanPosting(read.text).text, { structured: read.structured, source: { kind: 'link', url: null, site: read.site } });
}

/** What Discord's `/jd text:` option makes of a paste: its lines joined into one. */
export const flatten = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

export interface EvalOptions {
  dirs: string[];
  split: Split | null;
  showMisses: boolean;
  /** Read pasted texts on one line, as `/jd text:` delivers them. */
  oneLine: boolean;
}

/** The command line as options; a bad argument is a one-line error, not a stack trace. */
export function parseArgs(argv: string[]): EvalOptions {
  const dirs: string[] = [];
  let split: Split | null = null;
  let misses: boolean | null = null;
  let oneLine = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--misses') misses = true;
    else if (arg === '--one-line') oneLine = true;
    else if (arg === '--split' || arg.startsWith('--split=')) {
      const value = arg.includes('=') ? arg.slice('--split='.length) : argv[++i];
      if (!SPLITS.includes(value as Split)) throw new Error(`--split takes ${SPLITS.join(' or ')}, not ${JSON.stringify(value ?? '')}`);
      split = value as Split;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else dirs.push(path.resolve(arg));
  }
  if (dirs.length === 0) dirs.push(path.resolve('../shared/corpus'));
  return { dirs, split, showMisses: misses ?? split !== 'heldout', oneLine };
}

interface FolderRun {
  dir: string;
  postings: number;
}

/** Extracts and scores every posting of the folders the options name. */
export function evaluate(options: EvalOptions): { summary: Summary; folders: FolderRun[]; misses: string[]; unscored: string[]; sameCard: { same: number; of: number } } {
  const summary = emptySummary();
  const sameCard = { same: 0, of: 0 };
  const card = (p: Posting): string => renderCardText(buildCard(p));
  const folders: FolderRun[] = [];
  const misses: string[] = [];
  const unscored: string[] = [];
  for (const dir of options.dirs) {
    const expected = inSplit(readLabels(dir), options.split);
    folders.push({ dir, postings: expected.length });
    const name = path.basename(dir);
    for (const e of expected) {
      const file = path.join(dir, e.file);
      if (!existsSync(file)) {
        misses.push(`${name}/${e.file}: file missing`);
        continue;
      }
      const posting = extractFile(file, options.oneLine);
      if (options.oneLine && file.endsWith('.txt')) {
        sameCard.of++;
        if (card(posting) === card(extractFile(file))) sameCard.same++;
      }
      const results = compare(posting, e);
      tallyPosting(summary, results, scoreSkills(posting, e));
      for (const r of results.filter((x) => x.outcome !== 'right')) {
        misses.push(`${name}/${e.file} ${r.field} [${r.outcome}]: got ${JSON.stringify(r.got)}, expected ${JSON.stringify(r.expected)}`);
      }
      if (e.degree !== null && !Degree.safeParse(e.degree).success) unscored.push(`${name}/${e.file} degree: label "${e.degree}" is outside the contract's values`);
    }
  }
  return { summary, folders, misses, unscored, sameCard };
}

const pct = (a: number, b: number): string => (b === 0 ? '   n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const cell = (n: number, total: number): string => `${String(n).padStart(4)} ${pct(n, total)}`;

/** The per-field table and the two headline shares, as printed. */
export function formatSummary(summary: Summary): string {
  const lines = [`${'field'.padEnd(15)} ${'right'.padStart(11)} ${'left blank'.padStart(11)} ${'conf. wrong'.padStart(11)}`];
  for (const [field, t] of summary.fields) {
    const total = t.right + t.blank + t.wrong;
    lines.push(`${field.padEnd(15)} ${cell(t.right, total)} ${cell(t.blank, total)} ${cell(t.wrong, total)}`);
  }
  const cw = confidentlyWrong(summary);
  const s = summary.skills;
  lines.push('');
  lines.push(`confidently wrong: ${cw.wrong} of ${cw.total} fields (${pct(cw.wrong, cw.total).trim()})`);
  lines.push(`cards needing no correction: ${summary.noCorrection} of ${summary.postings} (${pct(summary.noCorrection, summary.postings).trim()})`);
  lines.push(`skills: recall ${pct(s.recalled, s.labelled).trim()}, precision ${pct(s.precise, s.found).trim()}`);
  return lines.join('\n');
}

function main(): void {
  let options: EvalOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`eval: ${(err as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const { summary, folders, misses, unscored, sameCard } = evaluate(options);
  const where = folders.map((f) => `${path.relative(process.cwd(), f.dir) || '.'}: ${f.postings}`).join(', ');
  console.log(`eval: ${summary.postings} postings${options.split ? ` (split ${options.split})` : ''}${options.oneLine ? ', pasted texts read on one line' : ''} — ${where}\n`);
  console.log(formatSummary(summary));
  if (options.oneLine) console.log(`one line (/jd text:): the same card as with its lines for ${sameCard.same} of ${sameCard.of} pastes (${pct(sameCard.same, sameCard.of).trim()})`);
  if (options.showMisses && misses.length > 0) console.log(`\nmisses (${misses.length}):\n${misses.map((m) => `  ${m}`).join('\n')}`);
  else if (misses.length > 0) console.log(`\n${misses.length} misses not listed (held-out postings are for measuring only; --misses lists them)`);
  if (unscored.length > 0) console.log(`\nnot scored:\n${unscored.map((m) => `  ${m}`).join('\n')}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(`eval: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
