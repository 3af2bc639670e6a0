import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiStandIn } from '../fakes/slack-api.js';
import { messageEvent, SlackSender, slackEscape } from '../fakes/slack-sign.js';
import { SlackSocketStandIn } from '../fakes/slack-socket.js';
import { startDiscordWorld, type DiscordWorld } from '../fakes/discord-world.js';
import { ensureBuilt, MAIN_JS } from './build.js';
import { holdingProxy, repoRoot, SEED_003, seedText, tempStore, waitUntil, type TempDir } from './helpers.js';

/**
 * `npm start` as users run it: the built entry in a child process, its stdout a pipe (as under
 * a process manager), configured only through its environment.
 */

const POSTING = seedText(SEED_003);

interface Child {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** The JSON log lines on stdout so far. */
  json(): Array<Record<string, unknown>>;
}

let tmp: TempDir;
const children: Child[] = [];

/** Run dist/app/main.js with exactly this environment (nothing inherited but PATH and HOME). */
function runMain(env: Record<string, string>, args: string[] = [], nodeFlags: string[] = []): Child {
  const proc = spawn(process.execPath, [...nodeFlags, MAIN_JS, ...args], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, STORE_URL: tmp.sqliteUrl, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer): void => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      into.push(...lines);
    };
  };
  proc.stdout?.on('data', collect(stdout));
  proc.stderr?.on('data', collect(stderr));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const child: Child = {
    proc,
    stdout,
    stderr,
    exited,
    json: () => stdout.filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
  children.push(child);
  return child;
}

async function logLine(child: Child, pred: (line: Record<string, unknown>) => boolean, what: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  return waitUntil(() => child.json().find(pred), `${what}\nstdout:\n${child.stdout.join('\n')}\nstderr:\n${child.stderr.join('\n')}`, timeoutMs);
}

const secret = (prefix: string): string => `${prefix}${randomBytes(12).toString('hex')}`;

beforeAll(() => {
  ensureBuilt();
  tmp = tempStore();
}, 600_000);

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
    await child.exited;
  }
});

afterAll(() => tmp?.remove());

describe('npm start: configuration problems', () => {
  it('exits 2 with one line per problem, no stack trace and no secret value', async () => {
    const slackToken = secret('xoxp-');
    const discordToken = secret('dt-');
    const storePassword = secret('pw');
    const child = runMain({
      SLACK_BOT_TOKEN: slackToken,
      DISCORD_TOKEN: discordToken,
      PORT: 'eighty',
      STORE_URL: `ftp://admin:${storePassword}@db.example.com/jobs`,
      LOG_LEVEL: 'chatty',
    });
    const { code } = await child.exited;
    expect(code).toBe(2);
    const lines = child.stderr.filter((l) => l.trim());
    const named = ['SLACK_BOT_TOKEN', 'PORT', 'STORE_URL', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET', 'DISCORD_APPLICATION_ID'];
    for (const variable of named) expect(lines.filter((l) => l.includes(variable)).length, variable).toBeGreaterThan(0);
    expect(lines).toHaveLength(named.length);
    for (const line of lines) expect(line).toMatch(/^jobcard: [A-Z_]+: /);
    const all = [...child.stdout, ...child.stderr].join('\n');
    expect(all).not.toMatch(/\n\s+at |Error:|ZodError/);
    for (const value of [slackToken, discordToken, storePassword, 'eighty', 'chatty']) expect(all).not.toContain(value);
  });

  it('names a missing companion variable: a Slack bot token without a signing secret or app token', async () => {
    const child = runMain({ SLACK_BOT_TOKEN: secret('xoxb-') });
    expect((await child.exited).code).toBe(2);
    expect(child.stderr.filter((l) => l.trim())).toEqual([expect.stringMatching(/^jobcard: SLACK_SIGNING_SECRET: .*SLACK_APP_TOKEN/)]);
  });

  it('exits 1 with one line, and without the token, when Slack rejects the bot token', async () => {
    const api = await SlackApiStandIn.start();
    try {
      const rejected = secret('xoxb-');
      const child = runMain({ SLACK_BOT_TOKEN: rejected, SLACK_SIGNING_SECRET: secret('s'), SLACK_API_URL: api.apiUrl });
      const { code } = await child.exited;
      expect(code).toBe(1);
      expect(child.stderr.filter((l) => l.trim())).toEqual([expect.stringMatching(/^jobcard: Slack rejected SLACK_BOT_TOKEN/)]);
      expect([...child.stdout, ...child.stderr].join('\n')).not.toContain(rejected);
    } finally {
      await api.close();
    }
  });
});

describe('npm start with no credentials', () => {
  it('prints the playground URL, serves it, and exits 0 on SIGTERM well within the drain window', async () => {
    const child = runMain({});
    const ready = await logLine(child, (l) => typeof l['url'] === 'string', 'the playground URL');
    const url = String(ready['url']);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(String(ready['msg'])).toContain(url);
    expect(String(ready['msg'])).toMatch(/SLACK_BOT_TOKEN|DISCORD_TOKEN/);
    const page = await fetch(url.replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(200);

    const sentAt = Date.now();
    child.proc.kill('SIGTERM');
    const { code, at } = await child.exited;
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(10_000);
    expect(child.json().map((l) => l['msg'])).toContain('stopped');
  });
});

describe('npm start with Slack (HTTP mode) and Discord', () => {
  let api: SlackApiStandIn;
  let socket: SlackSocketStandIn;
  let world: DiscordWorld;
  let botToken: string;
  let appToken: string;
  let signingSecret: string;

  beforeAll(async () => {
    botToken = secret('xoxb-');
    appToken = secret('xapp-');
    signingSecret = secret('');
    api = await SlackApiStandIn.start({ botToken, appToken });
    socket = await SlackSocketStandIn.start();
    api.socketUrl = socket.url;
    world = await startDiscordWorld();
  });
  afterAll(async () => {
    await world?.close();
    await socket?.close();
    await api?.close();
  });

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: api.apiUrl,
    DISCORD_TOKEN: world.token,
    DISCORD_APPLICATION_ID: world.applicationId,
    DISCORD_API_URL: world.rest.api,
    ...extra,
  });

  /** Wait for both platforms to run, then paste the posting on each and wait for both cards; the Slack sender, for more. */
  async function pasteOnBoth(child: ReturnType<typeof runMain>): Promise<SlackSender> {
    const running = await logLine(child, (l) => l['msg'] === 'jobcard running', 'the running line');
    expect(running['parts']).toEqual(expect.arrayContaining(['slack-http', 'discord']));
    const sender = new SlackSender(`http://127.0.0.1:${String(running['port'])}`, signingSecret);
    const before = api.posted.length;
    await sender.event(messageEvent({ text: slackEscape(POSTING) }));
    await api.waitFor(() => api.posted.length > before);
    world.post(world.message(POSTING));
    await logLine(child, (l) => l['msg'] === 'event' && l['platform'] === 'discord', 'the Discord event line');
    return sender;
  }

  it('logs JSON lines, one "event" line per handled event with platform, kind, outcome and latency, never the posting or a token', async () => {
    const child = runMain(env());
    const sender = await pasteOnBoth(child);
    // Chat is dismissed on the fast path before it is handled: no event line at info (a debug
    // line gives the reason). Acked at once; give the listener a moment before stopping.
    const acked = await sender.event(messageEvent({ text: 'lunch at noon?' }));
    expect(acked.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));

    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);

    const lines = child.stdout.filter((l) => l.trim());
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const events = child.json().filter((l) => l['msg'] === 'event');
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({ level: 30, platform: expect.stringMatching(/^(slack|discord)$/), kind: 'paste', outcome: expect.any(String), latencyMs: expect.any(Number) });
    }
    expect(events.map((e) => `${String(e['platform'])}:${String(e['outcome'])}`).sort()).toEqual(['discord:card', 'slack:card']);

    const all = [...child.stdout, ...child.stderr].join('\n');
    for (const token of [botToken, signingSecret, world.token]) expect(all).not.toContain(token);
    // No posting text at info level: not one of its longer lines, not the chatter.
    const postingLines = POSTING.split('\n').map((l) => l.trim()).filter((l) => l.length >= 40);
    expect(postingLines.length).toBeGreaterThan(5);
    for (const line of postingLines) expect(all).not.toContain(line.slice(0, 40));
    expect(all).not.toContain('lunch at noon');
  }, 60_000);

  it('keeps tokens and what people wrote out of the logs at trace level too', async () => {
    const child = runMain(env({ LOG_LEVEL: 'trace' }));
    await pasteOnBoth(child);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const all = [...child.stdout, ...child.stderr].join('\n');
    expect(child.json().some((l) => l['level'] === 10 || l['level'] === 20)).toBe(true);
    for (const token of [botToken, signingSecret, world.token]) expect(all).not.toContain(token);
    // Bolt and its WebClient log whole request and event bodies at debug: a posting shared in a
    // DM would reach the log files. Their lines keep what happened, not what was written.
    const postingLines = POSTING.split('\n').map((l) => l.trim()).filter((l) => l.length >= 40);
    for (const line of postingLines) expect(all).not.toContain(line.slice(0, 40));
  }, 60_000);

  it('finishes a reply in flight on SIGTERM, then exits 0; a second signal during the drain exits at once', async () => {
    // The card's chat.postMessage is held: the reply is in flight when the signal comes.
    const proxy = await holdingProxy(api.url, /^\/api\/chat\.postMessage/);
    try {
      const child = runMain(env({ SLACK_API_URL: `${proxy.url}/api/` }));
      const running = await logLine(child, (l) => l['msg'] === 'jobcard running', 'the running line');
      const sender = new SlackSender(`http://127.0.0.1:${String(running['port'])}`, signingSecret);
      const before = api.posted.length;
      await sender.event(messageEvent({ text: slackEscape(POSTING) }));
      await waitUntil(() => proxy.held.length > 0, 'the card to be in flight');

      child.proc.kill('SIGTERM');
      await logLine(child, (l) => l['msg'] === 'stopping: finishing replies in flight', 'the stopping line');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(child.proc.exitCode).toBeNull();
      proxy.release();
      const { code } = await child.exited;
      expect(code).toBe(0);
      expect(api.posted.length).toBe(before + 1);
      expect(child.json().find((l) => l['msg'] === 'event')).toMatchObject({ platform: 'slack', outcome: 'card' });
    } finally {
      await proxy.close();
    }

    const stuck = await holdingProxy(api.url, /^\/api\/chat\.postMessage/);
    try {
      const child = runMain(env({ SLACK_API_URL: `${stuck.url}/api/` }));
      const running = await logLine(child, (l) => l['msg'] === 'jobcard running', 'the running line');
      const sender = new SlackSender(`http://127.0.0.1:${String(running['port'])}`, signingSecret);
      await sender.event(messageEvent({ text: slackEscape(POSTING) }));
      await waitUntil(() => stuck.held.length > 0, 'the card to be in flight');
      child.proc.kill('SIGTERM');
      await logLine(child, (l) => l['msg'] === 'stopping: finishing replies in flight', 'the stopping line');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(child.proc.exitCode).toBeNull();
      const sentAt = Date.now();
      child.proc.kill('SIGINT');
      const { code, at } = await child.exited;
      expect(code).not.toBe(0);
      expect(at - sentAt).toBeLessThan(2000);
    } finally {
      await stuck.close();
    }
  }, 60_000);

  /** The Procfile's process types: name → node flags and arguments around the entry point. */
  function procfile(): Map<string, { flags: string[]; args: string[] }> {
    const types = new Map<string, { flags: string[]; args: string[] }>();
    for (const line of readFileSync(path.join(repoRoot, 'Procfile'), 'utf8').split('\n')) {
      const m = /^(\w+):\s*node\s+((?:--\S+\s+)*)dist\/app\/main\.js\s*(.*)$/.exec(line.trim());
      const words = (x: string | undefined): string[] => (x ?? '').split(/\s+/).filter(Boolean);
      if (m) types.set(m[1] as string, { flags: words(m[2]), args: words(m[3]) });
    }
    return types;
  }

  it('splits the platforms as the Procfile says: web runs Slack HTTP mode, worker Socket Mode and Discord', async () => {
    const types = procfile();
    expect([...types.keys()].sort()).toEqual(['web', 'worker']);
    const everything = env({ SLACK_APP_TOKEN: appToken });

    const web = runMain(everything, types.get('web')?.args, types.get('web')?.flags);
    const webRunning = await logLine(web, (l) => l['msg'] === 'jobcard running', 'the web process running');
    expect(webRunning['parts']).toEqual(['slack-http']);
    const health = await fetch(`http://127.0.0.1:${String(webRunning['port'])}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ slack: { mode: 'http', up: true } });

    const worker = runMain(everything, types.get('worker')?.args, types.get('worker')?.flags);
    const workerRunning = await logLine(worker, (l) => l['msg'] === 'jobcard running', 'the worker running');
    expect([...(workerRunning['parts'] as string[])].sort()).toEqual(['discord', 'slack-socket']);
    expect(socket.connections).toBeGreaterThan(0);

    web.proc.kill('SIGTERM');
    worker.proc.kill('SIGTERM');
    expect((await web.exited).code).toBe(0);
    expect((await worker.exited).code).toBe(0);
    const all = [...web.stdout, ...web.stderr, ...worker.stdout, ...worker.stderr].join('\n');
    for (const token of [botToken, appToken, signingSecret, world.token]) expect(all).not.toContain(token);
  }, 60_000);

  it('refuses to start a web process without Slack HTTP credentials, in one line', async () => {
    const child = runMain({ DISCORD_TOKEN: world.token, DISCORD_APPLICATION_ID: world.applicationId }, ['web']);
    expect((await child.exited).code).toBe(2);
    expect(child.stderr.filter((l) => l.trim())).toEqual([expect.stringMatching(/^jobcard: web: /)]);
  });
});
