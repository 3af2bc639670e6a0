import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codec, decodeSingleByte } from '../src/repair/codecs.js';
import { repairMojibake } from '../src/repair/index.js';
import { isMain, REPO_ROOT } from './stats.js';

/**
 * Mojibake repair speed: ~2 MB of job text with a third of its lines garbled as Mac Roman,
 * repaired by repairMojibake and by @photostructure/ftfy's fix_encoding line by line (the
 * issue's yardstick), in this process and as whole processes; and the per-line cost of
 * clean text, which is most of any paste.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

// Just under the 2 MB input limit, so the whole-process run reads it like `jobcard repair`.
const TARGET_BYTES = 2 * 1024 * 1024 - 4096;
const RUNS = 7;

function fixtureLines(): string[] {
  const dir = path.join(REPO_ROOT, 'fixtures/repair/clean');
  return readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '');
}

/** Deterministic: the same input on every run and machine. */
function pseudoRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const macroman = codec('macroman');
const garbleMacRoman = (line: string): string => decodeSingleByte(new Uint8Array(Buffer.from(line, 'utf8')), macroman);

/** Job text: fixture lines in a shuffled order, every third one garbled as Mac Roman. */
export function buildBenchText(targetBytes = TARGET_BYTES): { text: string; clean: string } {
  const lines = fixtureLines();
  // Real pastes are mostly ASCII lines; the fixtures are mostly accented on purpose.
  const ascii = lines.map((l) => l.normalize('NFD').replace(/[^\x00-\x7f]/g, '')).filter((l) => l.trim() !== '');
  const pool = [...lines, ...ascii, ...ascii];
  const random = pseudoRandom(2024);
  const out: string[] = [];
  const clean: string[] = [];
  let bytes = 0;
  for (let i = 0; ; i++) {
    const line = pool[Math.floor(random() * pool.length)] ?? '';
    const shown = i % 3 === 1 ? garbleMacRoman(line) : line;
    bytes += Buffer.byteLength(shown, 'utf8') + 1;
    if (bytes > targetBytes) break;
    out.push(shown);
    clean.push(line);
  }
  return { text: out.join('\n'), clean: clean.join('\n') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(fn: () => void, runs = RUNS): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function loadFtfy(): Promise<((text: string) => string) | null> {
  try {
    const mod = (await import('@photostructure/ftfy')) as { fix_encoding: (text: string) => string };
    return mod.fix_encoding;
  } catch {
    return null;
  }
}

/** Wall time of a whole `node` process running `script` over `file`, median of runs. */
function processTime(script: string, file: string, runs = 3): number {
  return commandTime(['--input-type=module', '-e', script, file], runs);
}

/** Median wall time of `node ARGS` as a whole process (start-up, work, writing stdout). */
function commandTime(args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`bench process failed: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const JOBCARD = path.join(REPO_ROOT, 'bin', 'jobcard.js');

export async function run(): Promise<void> {
  const { text, clean } = buildBenchText();
  const lineCount = text.split('\n').length;
  console.log(`repair: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB, ${lineCount} lines, 1 in 3 garbled as Mac Roman`);

  // Warm up, and check the work is right before timing it.
  const repaired = repairMojibake(text).text;
  const cleanLines = clean.split('\n');
  const wrongLines = repaired.split('\n').filter((l, i) => l !== cleanLines[i]).length;
  console.log(`  repaired correctly: ${lineCount - wrongLines}/${lineCount} lines`);

  const ours = time(() => repairMojibake(text));
  console.log(`  repairMojibake (whole text):     median ${ms(median(ours))}  min ${ms(Math.min(...ours))}`);

  const fixEncoding = await loadFtfy();
  if (fixEncoding) {
    const lines = text.split('\n');
    const theirs = time(() => lines.map((l) => fixEncoding(l)).join('\n'), 3);
    const ftfyRight = lines.map((l) => fixEncoding(l)).join('\n') === clean;
    console.log(`  ftfy fix_encoding line by line:  median ${ms(median(theirs))}  (output ${ftfyRight ? 'correct' : 'leaves mojibake'})`);
    console.log(`  ratio ftfy / ours: ${(median(theirs) / median(ours)).toFixed(1)}x`);
  } else {
    console.log('  @photostructure/ftfy not installed: no comparison');
  }

  // Per-line cost on clean text: ASCII lines, and accented lines that reach the badness test.
  const asciiLines = cleanLines.filter((l) => !/[^\x00-\x7f]/.test(l));
  const accented = cleanLines.filter((l) => /[^\x00-\x7f]/.test(l));
  const perLine = (ls: string[]): number => median(time(() => ls.forEach((l) => repairMojibake(l)))) / ls.length;
  console.log(`  clean lines, per line: ASCII ${(perLine(asciiLines) * 1e6).toFixed(0)} ns, non-ASCII ${(perLine(accented) * 1e6).toFixed(0)} ns`);
  // Line by line, to show the tail: a garbled line costs more than a clean one, not wildly more.
  const garbled = text.split('\n').filter((_, i) => i % 3 === 1);
  const each = garbled.map((l) => {
    const t0 = performance.now();
    repairMojibake(l);
    return (performance.now() - t0) * 1e3;
  });
  const sorted = [...each].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? NaN;
  console.log(`  every third line (the garbled ones, many of them ASCII), per line: median ${median(each).toFixed(1)} µs, p99 ${p99.toFixed(1)} µs`);
  const cleanWhole = time(() => repairMojibake(clean));
  console.log(`  repairMojibake on the same text all clean: median ${ms(median(cleanWhole))}`);

  // CLI start-up: `jobcard repair` on a one-line file against a bare `node -e 0`.
  {
    const dir = mkdtempSync(path.join(tmpdir(), 'jobcard-bench-'));
    try {
      const one = path.join(dir, 'one-line.txt');
      writeFileSync(one, 'Senior Engineer · Zürich · You‚Äôll build things\n');
      const bare = commandTime(['-e', '0'], 9);
      const cli = commandTime([JOBCARD, 'repair', one], 9);
      console.log(`  start-up: jobcard repair on one line ${ms(cli)}, node -e 0 ${ms(bare)}; ratio ${(cli / bare).toFixed(2)}x (target ≤ 3x)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Whole processes, the yardstick: read the file, repair, write stdout.
  if (fixEncoding) {
    const dir = mkdtempSync(path.join(tmpdir(), 'jobcard-bench-'));
    try {
      const file = path.join(dir, 'paste.txt');
      writeFileSync(file, text);
      // The compiled modules beside this compiled bench (dist/bench → dist/src).
      const repairUrl = pathToFileURL(path.resolve(here, '../src/repair/index.js')).href;
      const decodeUrl = pathToFileURL(path.resolve(here, '../src/decode.js')).href;
      const oursScript = `import { readFileSync } from 'node:fs'; import { decodeBytes } from '${decodeUrl}'; import { repairMojibake } from '${repairUrl}'; process.stdout.write(repairMojibake(decodeBytes(readFileSync(process.argv[1])).text).text);`;
      const ftfyScript = `import { readFileSync } from 'node:fs'; import { fix_encoding } from '@photostructure/ftfy'; process.stdout.write(readFileSync(process.argv[1], 'utf8').split('\\n').map((l) => fix_encoding(l)).join('\\n'));`;
      const baseline = processTime(`import { readFileSync } from 'node:fs'; process.stdout.write(readFileSync(process.argv[1], 'utf8'));`, file);
      let oursProcess: number | null = null;
      try {
        oursProcess = processTime(oursScript, file);
      } catch (err) {
        console.log(`  (whole-process figures need the compiled modules beside this bench: ${String(err).split('\n')[0]})`);
      }
      const ftfyProcess = processTime(ftfyScript, file);
      // The real CLI: what a user runs. It loads only what `repair` needs.
      const cliProcess = commandTime([JOBCARD, 'repair', file], 5);
      console.log(`  jobcard repair (the CLI) on it: ${ms(cliProcess)}; ftfy script / CLI ${(ftfyProcess / cliProcess).toFixed(2)}x`);
      if (oursProcess !== null) {
        console.log(`  whole process: ours ${ms(oursProcess)}, ftfy script ${ms(ftfyProcess)}, bare node cat ${ms(baseline)}; ratio ${(ftfyProcess / oursProcess).toFixed(1)}x`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (isMain(import.meta.url)) await run();
