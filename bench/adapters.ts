import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../src/pipeline.js';
import { SlackApiStandIn } from '../test/fakes/slack-api.js';
import { messageEvent, SlackSender, slackEscape } from '../test/fakes/slack-sign.js';
import { snowflake, startDiscordWorld, type DiscordWorld } from '../test/fakes/discord-world.js';
import { fmt, isMain, REPO_ROOT, summarize } from './stats.js';

/**
 * Pasted postings through each adapter, end to end: jobcard runs as users run it (the built
 * entry, `node dist/app/main.js`, Slack HTTP mode and Discord in one process, a SQLite store,
 * JSON logs at info) with the Slack and Discord stand-ins on loopback in this process. Latency
 * is from the event leaving the stand-in (the signed HTTP request sent; the gateway dispatch)
 * to the stand-in receiving the card (chat.postMessage; POST /channels/:id/messages).
 * Memory is the jobcard process's resident set (VmRSS), idle after start and after the run.
 */

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
/** Discord's message content limit: longer pastes arrive as a message.txt attachment. */
const DISCORD_CONTENT_MAX = 2000;
const EVENT_TIMEOUT_MS = 15_000;
/**
 * Pastes are sent one at a time, each after the previous card arrived and at most one per
 * BENCH_PASTE_INTERVAL_MS (default 40: 25 a second). Discord lets a bot make 50 requests a
 * second in all, and discord.js holds back whatever goes beyond; sent back to back (60+ a
 * second here) the pastes would measure that throttle, not jobcard. 0 sends them back to back.
 */
const PASTE_INTERVAL_MS = Number(process.env.BENCH_PASTE_INTERVAL_MS ?? 40);

export interface Sample {
  name: string;
  text: string;
}

/** Every fixture the detector takes for a posting: seeds, written postings, pay blocks, cleaning sources. */
function fixturePostings(): Sample[] {
  const dirs = ['fixtures/seeds', 'fixtures/postings', 'fixtures/pay', 'fixtures/clean/sources', 'fixtures/clean/seeds'];
  const out: Sample[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(join(REPO_ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
      const text = readFileSync(join(REPO_ROOT, dir, name), 'utf8');
      if (analyzeText(text).detection.isPosting) out.push({ name: `${dir}/${name}`, text });
    }
  }
  return out;
}

export function rssMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) the process has used, in ms, from /proc (Linux). */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

/** Resolves with the time the next card arrives at a stand-in. */
class Arrivals {
  private waiter: ((at: number) => void) | null = null;
  count = 0;

  arrived(): void {
    const at = performance.now();
    this.count += 1;
    const w = this.waiter;
    this.waiter = null;
    w?.(at);
  }

  next(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error('no card within the timeout'));
      }, EVENT_TIMEOUT_MS);
      this.waiter = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
    });
  }
}

export interface Jobcard {
  proc: ChildProcess;
  port: number;
  events: Array<Record<string, unknown>>;
  stop(): Promise<number | null>;
}

/** How the project runs each process: the Procfile's web and worker lines, and `npm start`. */
export function commands(): Record<'web' | 'worker' | 'start', string[]> {
  const procfile = readFileSync(join(REPO_ROOT, 'Procfile'), 'utf8');
  const line = (name: string): string => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(procfile)?.[1] ?? `node dist/app/main.js ${name}`;
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return { web: line('web').split(/\s+/), worker: line('worker').split(/\s+/), start: (pkg.scripts?.['start'] ?? 'node dist/app/main.js').split(/\s+/) };
}

/**
 * BENCH_CHILD_NODE_FLAGS: node flags for the jobcard process only (--cpu-prof, --trace-gc, a heap
 * setting to compare); BENCH_CHILD_OUTPUT: a file for what those flags print.
 */
function childNodeFlags(): string[] {
  return (process.env.BENCH_CHILD_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

export async function startJobcard(command: string[], env: Record<string, string>, cwd: string): Promise<Jobcard> {
  if (command[0] !== 'node') throw new Error(`expected a node command, got: ${command.join(' ')}`);
  // Relative paths are the repo's; the process runs elsewhere so no stray .env is read.
  const args = [...childNodeFlags(), ...command.slice(1).map((a) => (a.startsWith('dist/') ? join(REPO_ROOT, a) : a))];
  // jobcard's own settings (JOBCARD_*) pass through, to compare them; nothing else of this environment does.
  const own = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('JOBCARD_')));
  const proc = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...own, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  proc.stderr?.on('data', (c: Buffer) => stderr.push(c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let partial = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        // Lines that are not log records come from node flags (--trace-gc): kept aside when asked.
        if (!line.startsWith('{')) {
          if (process.env.BENCH_CHILD_OUTPUT) appendFileSync(process.env.BENCH_CHILD_OUTPUT, `${line}\n`);
          continue;
        }
        const record = JSON.parse(line) as Record<string, unknown>;
        if (record['msg'] === 'jobcard running') resolve(Number(record['port']));
        if (record['msg'] === 'event') events.push(record);
      }
    });
    void exited.then((code) => reject(new Error(`jobcard exited (${code}) before running: ${stderr.join('')}`)));
  });
  return {
    proc,
    port,
    events,
    async stop(): Promise<number | null> {
      proc.kill('SIGTERM');
      return exited;
    },
  };
}

interface Run {
  first: number[];
  repeat: number[];
  warmup: number[];
  failed: number;
  /** Every timed paste, to name the slowest. */
  timed: Array<{ name: string; chars: number; ms: number }>;
}

/**
 * Send `count` pastes (after `warmup` untimed ones), one at a time, cycling through the
 * fixtures. `seen` is the store's memory: a posting already shared there is a repost.
 */
async function drive(samples: Sample[], count: number, warmup: number, arrivals: Arrivals, seen: Set<string>, send: (s: Sample) => Promise<void> | void): Promise<Run> {
  const run: Run = { first: [], repeat: [], warmup: [], failed: 0, timed: [] };
  let lastSentAt = 0;
  for (let i = 0; i < warmup + count; i++) {
    const sample = samples[i % samples.length] as Sample;
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastSentAt + PASTE_INTERVAL_MS - performance.now())));
    const arrival = arrivals.next();
    const sentAt = performance.now();
    lastSentAt = sentAt;
    await send(sample);
    let ms: number;
    try {
      ms = (await arrival) - sentAt;
    } catch {
      run.failed += 1;
      continue;
    }
    const repeat = seen.has(sample.name);
    seen.add(sample.name);
    if (i < warmup) run.warmup.push(ms);
    else {
      (repeat ? run.repeat : run.first).push(ms);
      run.timed.push({ name: `${sample.name}${repeat ? ' (repost)' : ''}`, chars: sample.text.length, ms });
    }
  }
  return run;
}

function report(platform: string, run: Run, logged: number[]): void {
  const all = summarize([...run.first, ...run.repeat]);
  const line = (label: string, xs: number[]): string => {
    if (xs.length === 0) return `  ${label.padEnd(24)} —`;
    const s = summarize(xs);
    return `  ${label.padEnd(24)} n=${String(xs.length).padStart(3)}  median ${fmt(s.median).padStart(9)}  p99 ${fmt(s.p99).padStart(9)}`;
  };
  console.log(`${platform}: event → card posted`);
  console.log(line('all timed pastes', [...run.first, ...run.repeat]));
  console.log(line('first share (new)', run.first));
  console.log(line('shared before (repost)', run.repeat));
  console.log(line('warm-up (untimed)', run.warmup));
  console.log(line('handler (logged latencyMs)', logged));
  const slowest = [...run.timed].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`  slowest: ${slowest.map((t) => `${fmt(t.ms)} ${t.name.split('/').pop()} (${t.chars} chars)`).join('; ')}`);
  console.log(`  p99 ${all.p99 < 50 ? 'meets' : 'MISSES'} the 50 ms target${run.failed ? `; ${run.failed} pastes got no card` : ''}`);
}

const mb = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);

export interface World {
  api: SlackApiStandIn;
  discord: DiscordWorld;
  slackArrivals: Arrivals;
  discordArrivals: Arrivals;
  env: Record<string, string>;
}

export async function standIns(): Promise<World> {
  const slackArrivals = new Arrivals();
  const discordArrivals = new Arrivals();
  const api = await SlackApiStandIn.start({ botToken: 'xoxb-bench-token' });
  // The stand-in records each Web API call as it arrives: note chat.postMessage's arrival time.
  const record = api.calls.push.bind(api.calls);
  api.calls.push = (...calls) => {
    for (const c of calls) if (c.method === 'chat.postMessage') slackArrivals.arrived();
    return record(...calls);
  };
  const discord = await startDiscordWorld();
  discord.rest.override('POST', /^\/channels\/\d+\/messages$/, (req) => {
    if (Array.isArray(req.body?.['embeds']) && (req.body['embeds'] as unknown[]).length > 0) discordArrivals.arrived();
    return null;
  });
  // What a deployment sets for both process types (HTTP-mode Slack: no app token).
  const env = {
    SLACK_BOT_TOKEN: api.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.rest.api,
  };
  return { api, discord, slackArrivals, discordArrivals, env };
}

export function sendSlack(jobcard: Jobcard): (s: Sample) => Promise<void> {
  const sender = new SlackSender(`http://127.0.0.1:${jobcard.port}`, SIGNING_SECRET);
  return async (s) => {
    const res = await sender.event(messageEvent({ text: slackEscape(s.text) }));
    if (res.status !== 200) throw new Error(`Slack event answered ${res.status}`);
  };
}

export function sendDiscord(w: DiscordWorld): (s: Sample) => void {
  return (s) => {
    if (s.text.length <= DISCORD_CONTENT_MAX) {
      w.post(w.message(s.text));
      return;
    }
    // Discord turns a long paste into a message.txt attachment.
    const id = snowflake();
    const bytes = Buffer.from(s.text, 'utf8');
    const url = w.rest.serveAttachment(w.channelId, id, 'message.txt', bytes, 'text/plain; charset=utf-8');
    w.post(w.message('', { attachments: [{ id, filename: 'message.txt', size: bytes.length, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' }] }));
  };
}

interface Phase {
  label: string;
  command: string[];
  /** Which adapters get pastes, in order. */
  drives: Array<'slack' | 'discord'>;
  latency: boolean;
}

async function phase(p: Phase, world: World, samples: Sample[], count: number, warmup: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-adapters-'));
  let jobcard: Jobcard | undefined;
  try {
    jobcard = await startJobcard(p.command, { ...world.env, STORE_URL: `sqlite://${join(dir, 'jobcard.sqlite')}` }, dir);
    console.log(`\n### ${p.label}: \`${p.command.join(' ')}\``);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = rssMb(jobcard.proc.pid);
    const cpuBefore = cpuMs(jobcard.proc.pid);
    const seen = new Set<string>();
    const runs: Array<[string, Run]> = [];
    for (const platform of p.drives) {
      const run = platform === 'slack'
        ? await drive(samples, count, warmup, world.slackArrivals, seen, sendSlack(jobcard))
        : await drive(samples, count, warmup, world.discordArrivals, seen, sendDiscord(world.discord));
      runs.push([platform, run]);
    }
    // Let the last replies' follow-up calls (reactions, store writes) finish before reading memory.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = rssMb(jobcard.proc.pid);
    const peak = rssMb(jobcard.proc.pid, 'VmHWM');
    const cpuAfter = cpuMs(jobcard.proc.pid);
    const pastes = p.drives.length * (count + warmup);

    if (p.latency) {
      for (const [platform, run] of runs) {
        const logged = jobcard.events.filter((e) => e['platform'] === platform && e['outcome'] === 'card').slice(warmup).map((e) => Number(e['latencyMs']));
        report(platform === 'slack' ? 'Slack (HTTP mode)' : 'Discord (gateway)', run, logged);
      }
    }
    const cpu = cpuBefore !== null && cpuAfter !== null ? `; CPU ${((cpuAfter - cpuBefore) / pastes).toFixed(1)} ms per paste (user+system, load-independent)` : '';
    const target = after !== null && after < 150 ? 'meets' : 'MISSES';
    console.log(`  RSS idle ${mb(idle)}, after ${pastes} pastes ${mb(after)} (peak ${mb(peak)}): ${target} the 150 MB target${cpu}`);
  } finally {
    await jobcard?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(count = Number(process.env.BENCH_ADAPTER_EVENTS ?? 200), warmup = 10): Promise<void> {
  console.log(`\n## adapters: ${count} pasted postings through each adapter, stand-ins on loopback`);
  const samples = fixturePostings();
  console.log(
    `${samples.length} fixture postings cycled in order after ${warmup} untimed warm-up pastes, one at a time and at most one per ${PASTE_INTERVAL_MS} ms; ` +
      'the first share of each is new, later ones are reposts ("shared before"). ' +
      'Latency: event sent by the stand-in → card received by the stand-in. Each process has its own fresh SQLite store.',
  );
  const world = await standIns();
  const cmd = commands();
  try {
    const phases: Array<[keyof typeof cmd, Phase]> = [
      ['web', { label: 'web process (Procfile), Slack HTTP mode', command: cmd.web, drives: ['slack'], latency: true }],
      ['worker', { label: 'worker process (Procfile), Discord gateway', command: cmd.worker, drives: ['discord'], latency: true }],
      ['start', { label: 'npm start with both platforms in one process', command: cmd.start, drives: ['slack', 'discord'], latency: true }],
    ];
    // BENCH_ADAPTER_PHASES=start (or web,worker) runs only those.
    const only = process.env.BENCH_ADAPTER_PHASES?.split(',');
    for (const [name, p] of phases) if (!only || only.includes(name)) await phase(p, world, samples, count, warmup);
  } finally {
    await world.discord.close();
    await world.api.close();
  }
}

if (isMain(import.meta.url)) await run();
