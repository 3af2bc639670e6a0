/**
 * The chat fast path (issue 18): what a short chat message costs the bots and `jobcard detect`.
 * Chat lines come from fixtures/detect/not-postings (their short lines) and a set of everyday
 * messages; each is timed through the gate and through the full pass it replaces.
 * Targets: median ≤ 10 µs a chat message, ≥ 100,000 messages a second on one core; the CLI at
 * most 50 µs a file beyond its start-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanPosting } from '../src/clean/index.js';
import { mightBePosting } from '../src/detect/gate.js';
import { detectPosting } from '../src/detect/index.js';
import { isMain, REPO_ROOT, summarize } from './stats.js';

const EVERYDAY = [
  'lol did anyone see the game last night', 'standup in 5', 'I got the offer!!! thanks all 🎉', 'anyone know if Stripe sponsors H-1B?',
  'can someone review my PR? https://github.com/acme/api/pull/31', 'ok sounds good, will send the doc after lunch',
  'The interview went well I think, they asked about system design and a take-home', 'hmm, $150k seems low for senior in NYC tbh',
  'congrats!! 🎉🎉', 'does anyone have a referral at Datadog?', 'brb', 'that recruiter ghosted me after the onsite 🙃',
];

/** Short chat lines: everyday messages and the short lines of the non-posting fixtures. */
function chatLines(): string[] {
  const dir = path.join(REPO_ROOT, 'fixtures/detect/not-postings');
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 2 && l.length <= 200);
  return [...EVERYDAY, ...lines];
}

/** Per-message microseconds over `rounds` passes of the lines, one sample a message. */
function perMessage(lines: readonly string[], fn: (t: string) => unknown, rounds: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const l of lines) {
      const t = performance.now();
      fn(l);
      out.push((performance.now() - t) * 1000);
    }
  }
  return out;
}

export async function run(): Promise<void> {
  const lines = chatLines();
  const passed = lines.filter((l) => mightBePosting(l)).length;
  console.log(`\n## chat: ${lines.length} short chat lines; ${passed} take the full path (${((100 * passed) / lines.length).toFixed(1)}%)`);
  perMessage(lines, mightBePosting, 20); // warm-up
  const gate = summarize(perMessage(lines, mightBePosting, 50));
  const fullPass = (t: string): boolean => detectPosting(cleanPosting(t).text).isPosting;
  perMessage(lines, fullPass, 3);
  const full = summarize(perMessage(lines, fullPass, 5));
  // Throughput: the whole set in a tight loop, the way a busy process sees it.
  const n = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) mightBePosting(lines[i % lines.length] ?? '');
  const perSecond = n / ((performance.now() - t0) / 1000);
  console.log(`  fast path: median ${gate.median.toFixed(2)} µs, p99 ${gate.p99.toFixed(2)} µs a message; ${Math.round(perSecond).toLocaleString('en-US')} messages/s on one core (targets ≤ 10 µs, ≥ 100,000/s)`);
  console.log(`  full pass (clean + detect): median ${full.median.toFixed(1)} µs, p99 ${full.p99.toFixed(1)} µs; ratio ${(full.median / gate.median).toFixed(0)}x`);

  // `jobcard detect --json` over many one-line chat files: the cost a file beyond start-up.
  const dir = mkdtempSync(path.join(tmpdir(), 'jobcard-chat-'));
  try {
    const files = Array.from({ length: 2000 }, (_, i) => {
      const f = path.join(dir, `${i}.txt`);
      writeFileSync(f, lines[i % lines.length] ?? '');
      return f;
    });
    const bin = path.join(REPO_ROOT, 'bin', 'jobcard.js');
    // The child reports its own CPU time at exit: wall time on a shared machine measures the
    // neighbours as much as the CLI.
    const preload = path.join(dir, 'cpu.cjs');
    writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('CPU ' + (u.user + u.system) + '\\n'); });");
    const time = (args: string[]): { wall: number; cpu: number } => {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['-r', preload, bin, 'detect', '--json', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const cpu = Number(/CPU (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000;
      return { wall: performance.now() - t, cpu };
    };
    const runs = (args: string[]): { wall: number; cpu: number } => {
      const rs = [0, 1, 2, 3, 4].map(() => time(args));
      return { wall: summarize(rs.map((r) => r.wall)).median, cpu: summarize(rs.map((r) => r.cpu)).median };
    };
    const one = runs(files.slice(0, 1));
    const many = runs(files);
    // Beyond start-up: the difference between all the files and half of them, so one-time costs
    // (loading the cleaning and detector modules for the first line that takes the full path)
    // are not spread over the files as if each paid them.
    const half = runs(files.slice(0, files.length / 2));
    const each = (k: 'wall' | 'cpu'): number => ((many[k] - half[k]) / (files.length / 2)) * 1000;
    // The floor on this machine: a bare script that only reads the same files and prints a line each.
    const bare = path.join(dir, 'bare.cjs');
    writeFileSync(bare, "const fs = require('fs'); let out = ''; for (const f of process.argv.slice(2)) out += JSON.stringify({ file: f, n: fs.readFileSync(f).length }) + '\\n'; process.stdout.write(out);");
    const bareTime = (args: string[]): number => {
      const r = spawnSync(process.execPath, ['-r', preload, bare, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return Number(/CPU (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000;
    };
    const bareEach = ((summarize([0, 1, 2].map(() => bareTime(files))).median - summarize([0, 1, 2].map(() => bareTime(files.slice(0, 1)))).median) / (files.length - 1)) * 1000;
    console.log(`  jobcard detect --json: 1 file ${one.wall.toFixed(0)} ms (CPU ${one.cpu.toFixed(0)} ms), ${files.length} files ${many.wall.toFixed(0)} ms (CPU ${many.cpu.toFixed(0)} ms)`);
    console.log(`    a file beyond start-up: ${each('cpu').toFixed(0)} µs CPU, ${each('wall').toFixed(0)} µs wall (target ≤ 50); a bare read-and-print script: ${bareEach.toFixed(0)} µs CPU a file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await run();
