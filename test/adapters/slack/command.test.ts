import type { RespondArguments, SlashCommand } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SlackDeps } from '../../../adapters/slack/deps.js';
import { onJdCommand } from '../../../adapters/slack/listeners/command.js';
import { OwnCards } from '../../../adapters/slack/own-cards.js';
import { Desk, type CommandEvent, type DeskReply } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { recordingLog, type LogLine } from './harness.js';

/** A Desk whose /jd answer waits until the test releases it (or fails). */
class HeldDesk extends Desk {
  release: () => void = () => {};
  seen: CommandEvent[] = [];
  constructor(private readonly failWith?: Error) {
    super({ store: new MemoryStore() });
  }
  override async handleCommand(ev: CommandEvent): Promise<DeskReply> {
    this.seen.push(ev);
    await new Promise<void>((resolve) => (this.release = resolve));
    if (this.failWith) throw this.failWith;
    return super.handleCommand(ev);
  }
}

function command(text: string): SlashCommand {
  return {
    token: 't', command: '/jd', text, response_url: 'https://hooks.slack.com/commands/x', trigger_id: '1.2.3',
    user_id: 'U0ALICE01', user_name: 'alice', team_id: 'T0TEAM01', team_domain: 'acme', channel_id: 'C0JOBS001',
    channel_name: 'jobs', api_app_id: 'A0APP0001',
  };
}

function depsWith(desk: Desk, logs: LogLine[]): SlackDeps {
  return { desk, log: recordingLog(logs), ownCards: new OwnCards(), channels: { of: async () => 'public' } } as unknown as SlackDeps;
}

describe('/jd listener', () => {
  it('acknowledges before the Desk has answered', async () => {
    const desk = new HeldDesk();
    const events: string[] = [];
    const done = onJdCommand(depsWith(desk, []))({
      command: command('help'),
      ack: async () => void events.push('ack'),
      respond: async (msg) => (events.push(`respond:${(msg as RespondArguments).response_type}`), new Response('ok')),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['ack']);
    desk.release();
    await done;
    expect(events).toEqual(['ack', 'respond:ephemeral']);
  });

  it('passes the text with Slack markup unwrapped, and who ran it', async () => {
    const desk = new HeldDesk();
    const done = onJdCommand(depsWith(desk, []))({ command: command('R&amp;D lead &lt;remote&gt;'), ack: async () => {}, respond: async () => new Response('ok') });
    await new Promise((resolve) => setTimeout(resolve, 10));
    desk.release();
    await done;
    expect(desk.seen[0]).toMatchObject({ platform: 'slack', team: 'T0TEAM01', channel: 'C0JOBS001', user: 'U0ALICE01', userName: 'alice', text: 'R&D lead <remote>' });
  });

  it('answers an internal error with a short private apology, never the error', async () => {
    const desk = new HeldDesk(new Error('store exploded at /srv/jobcard/data with token xoxb-123'));
    const logs: LogLine[] = [];
    const answers: RespondArguments[] = [];
    const done = onJdCommand(depsWith(desk, logs))({ command: command('some posting'), ack: async () => {}, respond: async (m) => (answers.push(m as RespondArguments), new Response('ok')) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    desk.release();
    await done;
    expect(answers).toHaveLength(1);
    expect(answers[0]!.response_type).toBe('ephemeral');
    expect(answers[0]!.text).not.toMatch(/exploded|xoxb|\/srv/);
    expect(logs.some((l) => l.level === 'error')).toBe(true);
  });
});
