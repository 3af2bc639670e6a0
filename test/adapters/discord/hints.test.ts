import { EventEmitter } from 'node:events';
import { RESTEvents, type Client, type Message } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { HintQueue } from '../../../adapters/discord/hints.js';
import { OncePerChannel, silentLogger } from '../../../adapters/discord/log.js';

/** Just what the queue touches: the REST manager's response events, and react() on a card. */
function setup(): { rest: EventEmitter; queue: HintQueue; card: (id: string) => Message; reacted: string[]; clock: { now: number } } {
  const rest = new EventEmitter();
  const clock = { now: 10_000 };
  const reacted: string[] = [];
  const queue = new HintQueue({ rest } as unknown as Client, silentLogger, new OncePerChannel(silentLogger), () => clock.now);
  const card = (id: string): Message =>
    ({
      id,
      channelId: 'C1',
      react: async (emoji: string) => {
        reacted.push(`${id}:${emoji}`);
        rest.emit(RESTEvents.Response);
      },
    }) as unknown as Message;
  return { rest, queue, card, reacted, clock };
}

const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Discord 📄 hints', () => {
  it('adds the hint at once when the bot has been quiet', async () => {
    const { queue, card, reacted } = setup();
    queue.add(card('1'));
    await settle();
    expect(reacted).toEqual(['1:📄']);
  });

  it('holds hints back while cards use the request budget, then adds them in order', async () => {
    const { rest, queue, card, reacted, clock } = setup();
    for (let i = 0; i < 30; i++) rest.emit(RESTEvents.Response); // a burst of 30 cards in this second
    queue.add(card('1'));
    queue.add(card('2'));
    await settle(150);
    expect(reacted).toEqual([]);
    clock.now += 1_001; // the burst is more than a second old
    await settle(250);
    expect(reacted).toEqual(['1:📄', '2:📄']);
  });

  it('forgets requests over a second old even while no hint waits (a long-running bot keeps no history)', async () => {
    const { rest, queue, card, reacted, clock } = setup();
    for (let i = 0; i < 30; i++) rest.emit(RESTEvents.Response);
    clock.now += 1_001;
    rest.emit(RESTEvents.Response); // one request now: the 30 before it are history
    expect((queue as unknown as { recent: number[] }).recent).toHaveLength(1);
    queue.add(card('1'));
    await settle();
    expect(reacted).toEqual(['1:📄']);
  });

  it('drops the hints still waiting when the bot stops', async () => {
    const { rest, queue, card, reacted, clock } = setup();
    for (let i = 0; i < 30; i++) rest.emit(RESTEvents.Response);
    queue.add(card('1'));
    queue.stop();
    clock.now += 2_000;
    await settle(250);
    queue.add(card('2'));
    await settle();
    expect(reacted).toEqual([]);
  });

  it('keeps a failed hint from stopping the ones after it', async () => {
    const { queue, card, reacted } = setup();
    const refused = { ...card('1'), react: async () => Promise.reject(new Error('Missing Permissions')) } as unknown as Message;
    queue.add(refused);
    queue.add(card('2'));
    await settle();
    expect(reacted).toEqual(['2:📄']);
  });
});
