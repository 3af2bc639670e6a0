import { describe, expect, it } from 'vitest';
import { blockTextLength, cutText, shrinkMessage, splitMessage, type SlackMessage } from '../../../adapters/slack/message.js';

const section = (text: string): SlackMessage['blocks'][number] => ({ type: 'section', text: { type: 'mrkdwn', text } });
const footer: SlackMessage['blocks'][number] = { type: 'context', elements: [{ type: 'mrkdwn', text: 'shared by <@U1>' }] };

describe('shrinkMessage', () => {
  it('halves long texts and keeps every block', () => {
    const msg: SlackMessage = { text: 'card', blocks: [section('word '.repeat(400)), footer] };
    const smaller = shrinkMessage(msg);
    expect(smaller).not.toBeNull();
    expect(smaller!.blocks).toHaveLength(2);
    expect(blockTextLength(smaller!.blocks)).toBeLessThan(blockTextLength(msg.blocks) * 0.6);
  });

  it('drops a block before the footer once every text is short', () => {
    const msg: SlackMessage = { text: 'card', blocks: [section('head'), section('pay'), section('reqs'), footer] };
    const smaller = shrinkMessage(msg)!;
    expect(smaller.blocks).toHaveLength(3);
    expect(smaller.blocks.at(-1)).toEqual(footer);
  });

  it('gives up on a single short block', () => {
    expect(shrinkMessage({ text: 'x', blocks: [section('tiny')] })).toBeNull();
  });
});

describe('splitMessage', () => {
  it('splits the blocks in two halves, in order, losing nothing', () => {
    const blocks = ['a', 'b', 'c', 'd', 'e'].map(section);
    const [first, second] = splitMessage({ text: 'Full posting', blocks })!;
    expect([...first.blocks, ...second.blocks]).toEqual(blocks);
    expect(second.text).toContain('continued');
  });
});

describe('cutText', () => {
  it('never leaves half an entity or half a mention', () => {
    expect(cutText('salary &amp; benefits', 11)).toBe('salary…');
    expect(cutText('shared by <@U12345678>', 16)).toBe('shared by…');
  });
});
