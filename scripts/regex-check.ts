/**
 * `npm run regex-check`: every regular expression in the sources, checked for super-linear
 * backtracking with scslre (the analyser behind eslint-plugin-regexp's ReDoS rules).
 *
 * Literals are read from the TypeScript syntax tree; patterns built with `new RegExp(…)` are
 * recorded as they are constructed, by importing the paste path and running it over the
 * fixtures, so a pattern assembled from tables is checked exactly as it runs.
 *
 * Each pattern gets one verdict:
 * - `exponential`: some input makes it backtrack 2^n (the title patterns once did);
 * - `polynomial`: two quantifiers trade the same characters, n^2 or worse on one match attempt;
 * - `move`: linear per attempt, but an unanchored search may retry at every position (n^2 on
 *   one line that never matches); harmless on the short, length-capped lines it sees;
 * - `linear`, or `unparsed` when the analyser cannot read it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyse, type Report } from 'scslre';
import ts from 'typescript';

export type Verdict = 'exponential' | 'polynomial' | 'move' | 'linear' | 'unparsed';

export interface Pattern {
  source: string;
  flags: string;
  /** Where it is written: `src/extract/title.ts:140` (a literal or the `new RegExp` call). */
  at: string;
  kind: 'literal' | 'constructed';
}

export interface Checked extends Pattern {
  verdict: Verdict;
  /** A character that, repeated, drives the worst report ('' when linear). */
  attackChar: string;
  /** The characters of every backtracking (not move) report: what a run of makes it slow. */
  backtrackChars: string[];
}

/** The directories whose patterns see pasted text: cleaning, detection, extraction, the card. */
export const PASTE_PATH = ['src/clean', 'src/detect', 'src/extract', 'src/card', 'src/repair', 'src/decode.ts', 'src/pipeline.ts', 'src/fingerprint.ts', 'src/desk', 'src/cli'];

const SOURCE_DIRS = ['src', 'adapters', 'app', 'scripts'];

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, run from scripts/ (vitest) or dist/scripts/ (compiled). */
export const ROOT: string = [path.resolve(here, '..'), path.resolve(here, '../..')].find((d) => existsSync(path.join(d, 'src', 'pipeline.ts'))) ?? process.cwd();

export function onPastePath(at: string): boolean {
  return PASTE_PATH.some((p) => at === p || at.startsWith(`${p}/`) || at.startsWith(`${p}:`));
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every regex literal in the sources, with its file and line. */
export function literalPatterns(dirs: readonly string[] = SOURCE_DIRS): Pattern[] {
  const out: Pattern[] = [];
  for (const file of dirs.flatMap((d) => tsFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const rel = path.relative(ROOT, file);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const slash = lit.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ source: lit.slice(1, slash), flags: lit.slice(slash + 1), at: `${rel}:${line}`, kind: 'literal' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Where in the sources the caller of `new RegExp` is (source maps map dist/ back to src/). */
function callSite(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(2)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+\.(?:ts|js)):(\d+):\d+\)?$/.exec(line.trim());
    if (!m?.[1]) continue;
    const file = m[1].startsWith('file:') ? fileURLToPath(m[1]) : m[1];
    const rel = path.relative(ROOT, file).replace(/^dist\//, '').replace(/\.js$/, '.ts');
    if (rel.startsWith('scripts/regex-check')) continue;
    return `${rel}:${m[2]}`;
  }
  return '(unknown)';
}

/**
 * Patterns built with `new RegExp` while `run` executes: the global constructor is wrapped for
 * the duration, so modules imported inside `run` and the functions it calls are recorded.
 */
export async function constructedPatterns(run: () => Promise<void>): Promise<Pattern[]> {
  const Original = globalThis.RegExp;
  const seen = new Map<string, Pattern>();
  const record = (args: unknown[]): void => {
    const [pattern, flags] = args;
    const source = pattern instanceof Original ? pattern.source : String(pattern ?? '(?:)');
    const f = typeof flags === 'string' ? flags : pattern instanceof Original ? pattern.flags : '';
    const at = callSite(new Error().stack);
    const key = `${at}\u0000${source}\u0000${f}`;
    if (!seen.has(key)) seen.set(key, { source, flags: f, at, kind: 'constructed' });
  };
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget);
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args);
    },
  });
  try {
    await run();
  } finally {
    globalThis.RegExp = Original;
  }
  return [...seen.values()];
}

const WORST: Report['type'][] = ['Self', 'Trade', 'Move'];

/** The verdict on one pattern. */
export function checkPattern(p: Pattern): Checked {
  let reports: Report[];
  try {
    reports = analyse({ source: p.source, flags: p.flags }).reports;
  } catch {
    return { ...p, verdict: 'unparsed', attackChar: '', backtrackChars: [] };
  }
  if (reports.length === 0) return { ...p, verdict: 'linear', attackChar: '', backtrackChars: [] };
  const worst = [...reports].sort((a, b) => Number(b.exponential) - Number(a.exponential) || WORST.indexOf(a.type) - WORST.indexOf(b.type))[0] as Report;
  const verdict: Verdict = worst.exponential ? 'exponential' : worst.type === 'Move' ? 'move' : 'polynomial';
  const backtrackChars = [...new Set(reports.filter((r) => r.type !== 'Move').map((r) => r.character.pick))];
  return { ...p, verdict, attackChar: worst.character.pick, backtrackChars };
}

/** Imports the paste path and runs it over the fixtures, so every pattern it builds is built. */
export async function exercisePastePath(): Promise<void> {
  const src = (m: string): string => pathToFileURL(path.join(ROOT, m)).href;
  const ext = here.includes(`${path.sep}dist${path.sep}`) ? 'js' : 'ts';
  const base = ext === 'js' ? path.join(ROOT, 'dist') : ROOT;
  const mod = async <T>(m: string): Promise<T> => (await import(src(path.relative(ROOT, path.join(base, `${m}.${ext}`))))) as T;
  const { analyzeText } = await mod<typeof import('../src/pipeline.js')>('src/pipeline');
  const { buildCard, renderCardText } = await mod<typeof import('../src/card/index.js')>('src/card/index');
  const { repairMojibake } = await mod<typeof import('../src/repair/index.js')>('src/repair/index');
  const dirs = ['fixtures/seeds', 'fixtures/postings', 'fixtures/heldout'];
  for (const dir of dirs) {
    const full = path.join(ROOT, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(path.join(full, f), 'utf8');
      repairMojibake(text);
      const { posting } = analyzeText(text);
      if (posting) renderCardText(buildCard(posting));
    }
  }
}

export async function allPatterns(): Promise<Pattern[]> {
  const constructed = await constructedPatterns(exercisePastePath);
  return [...literalPatterns(), ...constructed];
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--all');
  const checked = (await allPatterns()).map(checkPattern);
  const count = (list: Checked[], v: Verdict): number => list.filter((c) => c.verdict === v).length;
  const line = (label: string, list: Checked[]): string =>
    `${label.padEnd(34)} ${String(list.length).padStart(5)}   exponential ${count(list, 'exponential')}  polynomial ${count(list, 'polynomial')}  move ${count(list, 'move')}  linear ${count(list, 'linear')}  unparsed ${count(list, 'unparsed')}`;
  const paste = checked.filter((c) => onPastePath(c.at));
  console.log(line('all patterns', checked));
  console.log(line('  literals', checked.filter((c) => c.kind === 'literal')));
  console.log(line('  built with new RegExp (as run)', checked.filter((c) => c.kind === 'constructed')));
  console.log(line('on the paste path', paste));
  const shown = (verbose ? checked : paste).filter((c) => c.verdict === 'exponential' || c.verdict === 'polynomial' || (verbose && c.verdict !== 'linear'));
  for (const c of shown) {
    const src = c.source.length > 140 ? `${c.source.slice(0, 137)}…` : c.source;
    console.log(`  ${c.verdict.padEnd(11)} ${c.at.padEnd(38)} ${JSON.stringify(c.attackChar)}  /${src}/${c.flags}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
