import { splitText } from '../../../src/card/split.js';
import { cutSlack, escapeSlack } from './escape.js';
import { SLACK_LIMITS, type SlackBlock } from './limits.js';

/** Room under each limit for the heading and part markers. */
const SECTION_TEXT = SLACK_LIMITS.sectionText - 100;
const MESSAGE_TEXT = 9000;
/** The heading repeated on later parts: with the part marker and MESSAGE_TEXT, under Slack's 10,000. */
const LATER_HEADING = 900;
const MESSAGE_BLOCKS = SLACK_LIMITS.blocks - 2;

const slackSize = (t: string): number => escapeSlack(t).length;

/**
 * The full cleaned posting for Slack: a heading saying what it is, then section blocks of at
 * most 3000 characters split on paragraph boundaries, spread over as many messages as Slack's
 * per-message limits (50 blocks, ~10,000 characters of block text) require.
 */
export function renderFullSlack(title: string, text: string): Array<{ text: string; blocks: SlackBlock[] }> {
  const heading = `Full posting: ${title.replace(/\s+/g, ' ').trim() || 'untitled'}`;
  const sections = splitText(text, SECTION_TEXT, slackSize).map(escapeSlack);
  if (sections.length === 0) sections.push('_(the posting has no text)_');

  // Group sections into messages within the block count and the total text budget.
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const s of sections) {
    if (current.length > 0 && (size + s.length > MESSAGE_TEXT || current.length >= MESSAGE_BLOCKS)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.length;
  }
  groups.push(current);

  const total = groups.length;
  return groups.map((group, i) => {
    const part = total > 1 ? ` (part ${i + 1} of ${total})` : '';
    const head: SlackBlock = i === 0
      ? { type: 'header', text: { type: 'plain_text', text: cutSlack(escapeSlack(heading), SLACK_LIMITS.header), emoji: false } }
      : { type: 'context', elements: [{ type: 'mrkdwn', text: cutSlack(escapeSlack(heading), LATER_HEADING) + part, verbatim: true }] };
    const blocks: SlackBlock[] = [head];
    if (i === 0 && total > 1) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Part 1 of ${total}`, verbatim: true }] });
    }
    for (const s of group) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s, verbatim: true } });
    return { text: cutSlack(escapeSlack(heading), SLACK_LIMITS.fallbackText - 40) + part, blocks };
  });
}
