import { cutDigest, type Digest, type DigestGroup, type DigestLine } from '../../../src/alerts/digest.js';
import { cutSlack, escapeSlack, slackLink } from './escape.js';
import { SLACK_LIMITS, slackBlockTextLength, type SlackBlock } from './limits.js';

/** One posting's line, at most this long (a hostile title cannot take the whole digest). */
const LINE_CHARS = 400;

function lineText(line: DigestLine): string {
  const text = cutSlack(escapeSlack(line.text), LINE_CHARS);
  return line.link ? `• ${text} · ${slackLink(line.link, 'share')}` : `• ${text}`;
}

/** A group as sections: its level and count, then its lines, each section under Slack's 3,000. */
function groupBlocks(group: DigestGroup, count: number): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let text = `*${escapeSlack(group.level)}* (${count})`;
  for (const line of group.lines.map(lineText)) {
    if (text.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });
      text = line;
    } else text += `\n${line}`;
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });
  return blocks;
}

function blocksFor(digest: Digest, groups: DigestGroup[], hidden: number): SlackBlock[] {
  const counts = new Map(digest.groups.map((g) => [g.level, g.lines.length]));
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cutSlack(digest.title, SLACK_LIMITS.header), emoji: false } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(digest.summary), verbatim: true }] },
  ];
  for (const group of groups) blocks.push(...groupBlocks(group, counts.get(group.level) ?? group.lines.length));
  if (hidden > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${hidden} more`, verbatim: true }] });
  return blocks;
}

/**
 * A digest as Block Kit: a header, the counts, a section per level with one line per posting
 * (title · company · places · pay · sponsorship · a link to the share), cut to Slack's limits
 * (50 blocks, 3,000 per section, 10,000 in all) with "and N more".
 */
export function renderDigestSlack(digest: Digest): { text: string; blocks: SlackBlock[] } {
  const fits = (groups: DigestGroup[], hidden: number): boolean => {
    const blocks = blocksFor(digest, groups, hidden);
    return blocks.length <= SLACK_LIMITS.blocks && slackBlockTextLength(blocks) <= SLACK_LIMITS.totalBlockText;
  };
  const { groups, hidden } = cutDigest(digest, fits);
  return { text: cutSlack(`${digest.title}. ${digest.summary}`, SLACK_LIMITS.fallbackText), blocks: blocksFor(digest, groups, hidden) };
}
