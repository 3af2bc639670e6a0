import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startJobcard, type Health, type Running } from '../../app/start.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/index.js';
import { SlackApiStandIn } from '../fakes/slack-api.js';
import { messageEvent, SlackSender, slackEscape } from '../fakes/slack-sign.js';
import { capturingLogger, SEED_003, seedText, tempStore, waitUntil, type LogRecord, type TempDir } from './helpers.js';

/**
 * The SQLite store failing under a running bot (issue 14): the file deleted, overwritten with
 * garbage, its directory made read-only, its files made unwritable. Each fault must show up as
 * a log line at error and as 503 on /healthz while it lasts, and the bot must recover by itself.
 * End to end: the real Bolt app in HTTP mode against the Slack stand-in, on a real SQLite file.
 */
const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
const POSTING = seedText(SEED_003);
const DAY = 24 * 60 * 60 * 1000;
const TEAM = 'T0TEAM01';
const ERROR = 50;
const WARN = 40;

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

interface Bot {
  running: Running;
  logs: ReturnType<typeof capturingLogger>;
  api: SlackApiStandIn;
  tmp: TempDir;
  file: string;
  sender: SlackSender;
}

async function startBot(): Promise<Bot> {
  const api = await SlackApiStandIn.start();
  cleanups.push(() => api.close());
  const tmp = tempStore();
  cleanups.push(() => tmp.remove());
  const logs = capturingLogger();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, STORE_URL: tmp.sqliteUrl });
  const running = await startJobcard(config, logs.log);
  cleanups.push(() => running.stop());
  const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
  return { running, logs, api, tmp, file: path.join(tmp.dir, 'jobcard.sqlite'), sender };
}

async function healthz(bot: Bot): Promise<{ status: number; body: Health }> {
  const res = await fetch(`http://127.0.0.1:${bot.running.port}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

/**
 * The health /healthz serves (503 when not ok), asked right after a fault is made, before any
 * timer runs: the store's own watch (every few seconds) would otherwise find and mend a fault
 * that recovery fixes at once before the check sees it. A fault that lasts is checked over
 * HTTP below (a read-only directory).
 */
function duringFault(bot: Bot): Promise<Health> {
  return bot.running.health();
}

/** Paste the posting in a channel and wait for its card; returns the card's text. */
async function paste(bot: Bot, channel: string): Promise<string> {
  const before = bot.api.posted.length;
  expect((await bot.sender.event(messageEvent({ channel, text: slackEscape(POSTING) }))).status).toBe(200);
  // Generous: the first card waits for the core's worker threads to start, slow on a busy machine.
  return (await bot.api.waitFor(() => bot.api.posted.slice(before).find((m) => m.channel === channel), 40_000)).text;
}

/** The channels whose shares a fresh connection to the file finds (what a restarted bot would know). */
async function channelsRemembered(file: string, channels: readonly string[]): Promise<string[]> {
  const store = openStore(`sqlite://${file}`, { postingMs: DAY, messageMs: DAY, eventMs: DAY });
  try {
    const found: string[] = [];
    for (const channel of channels) if ((await store.recent({ platform: 'slack', team: TEAM, channel, user: 'U0ALICE01', kind: 'public' }, 10)).length > 0) found.push(channel);
    return found;
  } finally {
    await store.close();
  }
}

const errorsAbout = (records: LogRecord[], problem: string): LogRecord[] => records.filter((r) => r.level === ERROR && r.msg === 'store fault' && r['problem'] === problem);
const recoveries = (records: LogRecord[]): LogRecord[] => records.filter((r) => r.level === WARN && r.msg.startsWith('store recovered'));

/** Poll /healthz until it answers 200 (the store recovered), failing with the last answer. */
async function healthyAgain(bot: Bot): Promise<void> {
  let last: { status: number; body: Health } | undefined;
  for (let i = 0; i < 150; i++) {
    last = await healthz(bot);
    if (last.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`health never came back to 200; last: ${JSON.stringify(last)}`);
}

/**
 * How this machine can make a directory or file refuse changes for the test: chmod for anyone but
 * root; for root, whom permissions do not stop, the immutable attribute (chattr +i), where the
 * file system has it. Undefined, with the reason, when neither works.
 */
function readOnlyTool(): { lock(target: string): void; unlock(target: string): void } | { unavailable: string } {
  if (process.getuid?.() !== 0) {
    return { lock: (t) => chmodSync(t, statSync(t).isDirectory() ? 0o555 : 0o444), unlock: (t) => chmodSync(t, statSync(t).isDirectory() ? 0o755 : 0o644) };
  }
  const probe = mkdtempSync(path.join(tmpdir(), 'jobcard-chattr-'));
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
  } catch {
    return { unavailable: 'running as root, where chmod does not stop writes, and chattr +i is not available on this file system' };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return { lock: (t) => execFileSync('chattr', ['+i', t]), unlock: (t) => execFileSync('chattr', ['-i', t]) };
}
const readOnly = readOnlyTool();
const lockable = 'lock' in readOnly ? readOnly : undefined;

describe('the SQLite store failing under a running bot', () => {
  it('notices its file deleted, reports it, and recreates it from the open connection, losing no share', async () => {
    const bot = await startBot();
    expect((await healthz(bot)).status).toBe(200);
    await paste(bot, 'C0BEFORE1');

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${bot.file}${suffix}`, { force: true });
    expect(await duringFault(bot)).toMatchObject({ ok: false, store: { reachable: false, problem: 'file-missing' } });
    expect(errorsAbout(bot.logs.records, 'file-missing')).toHaveLength(1);

    await healthyAgain(bot);
    expect(recoveries(bot.logs.records).map((r) => r['problem'])).toEqual(['file-missing']);
    expect(existsSync(bot.file)).toBe(true);
    await paste(bot, 'C0AFTER01');
    expect(await channelsRemembered(bot.file, ['C0BEFORE1', 'C0AFTER01'])).toEqual(['C0BEFORE1', 'C0AFTER01']);
  }, 120_000);

  it('notices its file overwritten with garbage, reports it, sets the bad file aside and keeps storing shares', async () => {
    const bot = await startBot();
    await paste(bot, 'C0BEFORE1');
    await bot.running.health();
    writeFileSync(bot.file, randomBytes(statSync(bot.file).size));
    expect(await duringFault(bot)).toMatchObject({ ok: false, store: { reachable: false, problem: 'file-corrupt' } });
    expect(errorsAbout(bot.logs.records, 'file-corrupt')).toHaveLength(1);

    await healthyAgain(bot);
    const [recovery] = recoveries(bot.logs.records);
    expect(recovery?.['problem']).toBe('file-corrupt');
    // The garbage is kept beside the path for a post-mortem.
    expect(readdirSync(bot.tmp.dir).filter((f) => f.startsWith('jobcard.sqlite.corrupt-'))).toHaveLength(1);
    await paste(bot, 'C0AFTER01');
    // What the open connection could still read was copied; when nothing could be, the log says the file started empty.
    const rescued = String(recovery?.['action']).includes('nothing lost');
    expect(await channelsRemembered(bot.file, ['C0BEFORE1', 'C0AFTER01'])).toEqual(rescued ? ['C0BEFORE1', 'C0AFTER01'] : ['C0AFTER01']);
  }, 120_000);

  it.skipIf(!lockable)(
    `reports a deleted file it cannot recreate in a read-only directory for as long as that lasts, keeps answering, then recovers every share ${lockable ? '' : `(skipped: ${(readOnly as { unavailable: string }).unavailable})`}`,
    async () => {
      const lock = lockable as NonNullable<typeof lockable>;
      const bot = await startBot();
      await paste(bot, 'C0BEFORE1');
      // One synchronous step: no health check or watch runs between the two.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${bot.file}${suffix}`, { force: true });
      lock.lock(bot.tmp.dir);
      cleanups.push(() => lock.unlock(bot.tmp.dir));

      for (let i = 0; i < 3; i++) {
        const during = await healthz(bot);
        expect(during.status).toBe(503);
        expect(during.body.store).toMatchObject({ problem: 'file-missing' });
        await new Promise((r) => setTimeout(r, 50));
      }
      await waitUntil(() => errorsAbout(bot.logs.records, 'file-missing').some((r) => String(r['err']).startsWith('could not recover')), 'the failed recovery logged');
      // The bot keeps answering, and the open connection keeps what is shared meanwhile.
      await paste(bot, 'C0DURING1');
      expect(existsSync(bot.file)).toBe(false);

      lock.unlock(bot.tmp.dir);
      await healthyAgain(bot);
      expect(recoveries(bot.logs.records).map((r) => r['problem'])).toEqual(['file-missing']);
      expect(await channelsRemembered(bot.file, ['C0BEFORE1', 'C0DURING1'])).toEqual(['C0BEFORE1', 'C0DURING1']);
    },
    120_000,
  );

  it.skipIf(process.getuid?.() !== 0 || !lockable)(
    `reports writes failing on files made unwritable (a read-only disk) and their failing checkpoints, then recovers once they are writable ${
      process.getuid?.() === 0 ? '' : '(skipped: only root can make an open file refuse writes here, with chattr +i; chmod does not affect an open descriptor)'
    }`,
    async () => {
      const lock = lockable as NonNullable<typeof lockable>;
      const bot = await startBot();
      await paste(bot, 'C0BEFORE1');
      const files = ['', '-wal'].map((suffix) => `${bot.file}${suffix}`);
      for (const f of files) lock.lock(f);
      cleanups.push(() => files.forEach((f) => lock.unlock(f)));

      // The card still goes out; the write behind it fails and is reported.
      await paste(bot, 'C0DURING1');
      await waitUntil(() => errorsAbout(bot.logs.records, 'writes-failing').length > 0, 'the write failure logged');
      const during = await healthz(bot);
      expect(during.status).toBe(503);
      expect(during.body.store).toMatchObject({ problem: 'writes-failing' });
      await waitUntil(() => bot.logs.records.some((r) => r.level === ERROR && String(r['err']).startsWith('WAL checkpoint failed')), 'the failed checkpoint logged', 15_000);

      for (const f of files) lock.unlock(f);
      await healthyAgain(bot);
      expect(recoveries(bot.logs.records).map((r) => r['action'])).toEqual(['writes work again']);
      await paste(bot, 'C0AFTER01');
      expect(await channelsRemembered(bot.file, ['C0BEFORE1', 'C0DURING1', 'C0AFTER01'])).toEqual(['C0BEFORE1', 'C0AFTER01']);
    },
    120_000,
  );
});
