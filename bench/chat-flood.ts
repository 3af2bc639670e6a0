/**
 * Chat through the real processes (issue 18): 10,000 short chat messages into the Slack web
 * process (signed Events API requests) and the Discord worker (gateway dispatches), stand-ins on
 * loopback, and the CPU time (user + system, from /proc) the jobcard process spent on them,
 * per message, with its idle CPU over the same span subtracted. None of them should get a reply.
 * BENCH_CHAT_MESSAGES sets the count (default 10,000).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands, cpuMs, rssMb, sendDiscord, sendSlack, standIns, startJobcard, type Jobcard, type Sample, type World } from './adapters.js';
import { analyzeText } from '../src/pipeline.js';
import { isMain, REPO_ROOT } from './stats.js';

/** Short chat lines: the short lines of the non-posting fixtures, without links (a job link is read) and without the rare line that is a compact ad on its own. */
function chatLines(): Sample[] {
  const dir = join(REPO_ROOT, 'fixtures/detect/not-postings');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 2 && l.length <= 200 && !/https?:\/\//.test(l) && analyzeText(l).posting === null)
    .map((text, i) => ({ name: `chat-${i}`, text }));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the process's CPU time stops rising (its queue is drained); returns that CPU time. */
async function settledCpu(pid: number | undefined): Promise<number | null> {
  let last = cpuMs(pid);
  for (let i = 0; i < 100; i++) {
    await sleep(300);
    const now = cpuMs(pid);
    if (now === null || last === null || now - last <= 3) return now;
    last = now;
  }
  return last;
}

async function flood(label: string, command: string[], world: World, lines: Sample[], count: number, platform: 'slack' | 'discord'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-chat-'));
  let jobcard: Jobcard | undefined;
  try {
    jobcard = await startJobcard(command, { ...world.env, STORE_URL: `sqlite://${join(dir, 'jobcard.sqlite')}` }, dir);
    const pid = jobcard.proc.pid;
    // Past start-up and the warm-up, then idle CPU over a second: timers and heartbeats.
    const idle0 = await settledCpu(pid);
    await sleep(1000);
    const idlePerMs = idle0 !== null ? ((cpuMs(pid) ?? idle0) - idle0) / 1000 : 0;
    const apiCalls0 = world.api.calls.length;
    const replyCount = (): number =>
      world.api.calls.filter((c) => c.method === 'chat.postMessage').length +
      world.discord.rest.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)).length;
    const replies0 = replyCount();
    const before = cpuMs(pid);
    const t0 = performance.now();
    if (platform === 'slack') {
      const send = sendSlack(jobcard);
      // 20 requests in flight, as a busy workspace's events arrive.
      let next = 0;
      await Promise.all(Array.from({ length: 20 }, async () => {
        while (next < count) {
          const s = lines[next++ % lines.length] as Sample;
          await send(s);
        }
      }));
    } else {
      const send = sendDiscord(world.discord);
      for (let i = 0; i < count; i++) {
        send(lines[i % lines.length] as Sample);
        if (i % 200 === 199) await sleep(1);
      }
    }
    const after = await settledCpu(pid);
    const wallMs = performance.now() - t0;
    const replies = replyCount() - replies0;
    const byMethod = new Map<string, number>();
    for (const c of world.api.calls.slice(apiCalls0)) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
    if (byMethod.size > 0) console.log(`    Slack Web API calls during the flood: ${[...byMethod].map(([m, n]) => `${m} ${n}`).join(', ')}`);
    if (before === null || after === null) {
      console.log(`  ${label}: CPU time not readable here (/proc)`);
      return;
    }
    const spent = after - before - idlePerMs * wallMs;
    console.log(
      `  ${label}: ${count} chat messages in ${(wallMs / 1000).toFixed(1)} s; CPU ${((spent * 1000) / count).toFixed(0)} µs a message ` +
        `(user+system ${(after - before).toFixed(0)} ms, less ${(idlePerMs * 1000).toFixed(0)} ms/s idle); ${replies} replies; RSS after ${rssMb(pid)?.toFixed(0) ?? 'n/a'} MB`,
    );
  } finally {
    await jobcard?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(count = Number(process.env.BENCH_CHAT_MESSAGES ?? 10_000)): Promise<void> {
  const lines = chatLines();
  console.log(`\n## chat flood: ${count} short chat messages (${lines.length} distinct lines) into each real process, stand-ins on loopback`);
  const world = await standIns();
  const cmd = commands();
  try {
    await flood('web process (Slack HTTP mode)', cmd.web, world, lines, count, 'slack');
    await flood('worker process (Discord gateway)', cmd.worker, world, lines, count, 'discord');
  } finally {
    await world.discord.close();
    await world.api.close();
  }
}

if (isMain(import.meta.url)) await run();
