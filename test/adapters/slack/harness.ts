import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../../adapters/slack/app.js';
import type { Log as SlackLog } from '../../../src/log.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { SlackApiStandIn } from '../../fakes/slack-api.js';
import { SlackSender } from '../../fakes/slack-sign.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

export function fixture(name: string): string {
  return readFileSync(path.join(here, 'fixtures', name), 'utf8');
}
export function seed(name: string): Buffer {
  return readFileSync(path.join(repoRoot, 'fixtures', 'seeds', name));
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string;
}

export function recordingLog(lines: LogLine[]): SlackLog {
  const at = (level: LogLine['level']) => (obj: object, msg: string): void => {
    lines.push({ level, obj, msg });
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Running {
  api: SlackApiStandIn;
  slack: SlackApp;
  sender: SlackSender;
  logs: LogLine[];
  desk: Desk;
  /** Wait until the app has handled everything it received. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The real Bolt app in HTTP mode on 127.0.0.1:0, its Web API pointed at a stand-in. */
export async function startHttpApp(extra: Partial<SlackAppOptions> = {}, shared: { api?: SlackApiStandIn; desk?: Desk } = {}): Promise<Running> {
  const api = shared.api ?? (await SlackApiStandIn.start());
  const ownsApi = !shared.api;
  const logs: LogLine[] = [];
  const desk = shared.desk ?? new Desk({ store: new MemoryStore() });
  const slack = createSlackApp({
    desk,
    botToken: api.botToken,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    retries: 0,
    logger: recordingLog(logs),
    ...extra,
  });
  let started;
  try {
    started = await slack.start(0, '127.0.0.1');
  } catch (err) {
    if (ownsApi) await api.close();
    throw err;
  }
  const sender = new SlackSender(`http://127.0.0.1:${started.port}`, SIGNING_SECRET);
  return {
    api,
    slack,
    sender,
    logs,
    desk,
    settle: () => slack.idle(),
    async close() {
      await slack.stop();
      if (ownsApi) await api.close();
    },
  };
}

/** Every string in a posted message (fallback text and every block text), for content checks. */
export function allText(message: { text: string; blocks: unknown[] }): string {
  const texts: string[] = [message.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') texts.push(x);
        else walk(x);
      }
    }
  };
  walk(message.blocks);
  return texts.join('\n');
}
