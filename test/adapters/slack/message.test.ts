import { describe, expect, it } from 'vitest';
import { shrinkMessage, splitMessage, type SlackMessage } from '../../../adapters/slack/message.js';

const section = (text: string): SlackMessage['blocks'][number] => ({ type: 'section', text: { type: 'mrkdwn', text } });
const sectionText = (block: SlackMessage['blocks'][number] | undefined): string =>
  (block as { text?: { text?: string } } | undefined)?.text?.text ?? '';
const footer: SlackMessage['blocks'][number] = { type: 'context', elements: [{ type: 'mrkdwn', text: 'shared by <@U1>' }] };

describe('shrinkMessage', () => {
  it('halves long texts and keeps every block', () => {
    const msg: SlackMessage = { text: 'card', blocks: [section('word '.repeat(400)), footer] };
    const smaller = shrinkMessage(msg);
    expect(smaller).not.toBeNull();
    expect(smaller!.blocks).toHaveLength(2);
    expect(sectionText(smaller!.blocks[0]).length).toBeLessThan(sectionText(msg.blocks[0]).length * 0.6);
  });

  it('halves with the Slack cutter: no half entity or half link is left behind', () => {
    const entities = '&amp;'.repeat(60);
    const links = '<https://jobs.example.com/acme/123|Acme>'.repeat(8);
    const smaller = shrinkMessage({ text: 'card', blocks: [section(entities), section(links), footer] })!;
    expect(sectionText(smaller.blocks[0])).toMatch(/^(&amp;)+…$/);
    expect(sectionText(smaller.blocks[1])).toMatch(/^(<https:\/\/jobs\.example\.com\/acme\/123\|Acme>)+…$/);
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
