import type { ContextBlock, MrkdwnElement } from '@slack/types';
import {
  emojiShortcode, payFitsOneLine, payGroupTexts, personName, placeLine, postedText, sharedBeforeText,
  sourceName, sponsorshipText, titleParts,
} from '../../../src/card/lines.js';
import type { Card, PersonRef } from '../../../src/card/types.js';
import { cutSlack, escapeSlack, slackChannel, slackLink, slackUser } from './escape.js';
import { SLACK_LIMITS, type SlackBlock } from './limits.js';

/**
 * Budgets per part. They add up to well under Slack's total (10,000), so no hostile posting
 * can push a card over any limit however its text is spread.
 */
const BUDGET = {
  headLine: 400,
  place: 400,
  pay: 1200,
  sponsorship: 500,
  requirementItem: 300,
  requirements: 2000,
  sharedBefore: 1000,
  footerElement: 500,
} as const;

/** verbatim: Slack must not link-ify "#channel" or "@name" words that came from a posting. */
function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function person(p: PersonRef): string {
  return (p.platform === 'slack' ? slackUser(p.id) : null) ?? escapeSlack(personName(p));
}

function mainSection(card: Card): string {
  const lines: string[] = [];
  const company = card.title.company === null ? null : `*${escapeSlack(card.title.company)}*`;
  const level = card.title.level === null ? null : escapeSlack(card.title.level);
  const head = [company, level].filter((p): p is string => p !== null).join(' · ');
  if (head !== '') lines.push(cutSlack(head, BUDGET.headLine));
  lines.push(cutSlack(placeLine(card, escapeSlack), BUDGET.place));
  const pay = payGroupTexts(card, escapeSlack);
  const payText = pay.length === 0
    ? '*Pay:* not stated'
    : payFitsOneLine(pay) ? `*Pay:* ${pay.join(' · ')}` : `*Pay:*\n${pay.map((p) => `• ${p}`).join('\n')}`;
  lines.push(cutSlack(payText, BUDGET.pay));
  lines.push(cutSlack(`*Sponsorship:* ${sponsorshipText(card, escapeSlack, (q) => `_${q}_`)}`, BUDGET.sponsorship));
  return lines.join('\n');
}

function requirementsSection(card: Card): string {
  if (card.requirements.length === 0) return '*Requirements:* not stated';
  const items = card.requirements.map((r) => cutSlack(`• ${escapeSlack(r)}`, BUDGET.requirementItem));
  return cutSlack(`*Key requirements*\n${items.join('\n')}`, BUDGET.requirements);
}

function sharedBeforeBlock(card: Card): ContextBlock | null {
  const before = card.sharedBefore;
  if (before === null) return null;
  const where = before.by.platform === 'slack' ? slackChannel(before.channelId) : null;
  let text = `:repeat: ${sharedBeforeText(before, person(before.by), where, escapeSlack)}`;
  if (before.link !== null && /^https?:\/\//.test(before.link)) text += ` · ${slackLink(before.link, 'see the first share')}`;
  return { type: 'context', elements: [mrkdwn(cutSlack(text, BUDGET.sharedBefore))] };
}

function footerBlock(card: Card): ContextBlock {
  const parts: string[] = [];
  const posted = postedText(card, escapeSlack);
  if (posted !== null) parts.push(posted);
  const site = sourceName(card);
  const linked = card.link === null ? null : slackLink(card.link, site);
  parts.push(linked !== null && linked.length <= BUDGET.footerElement ? linked : escapeSlack(site));
  if (card.footer.sharedBy !== null) parts.push(`shared by ${person(card.footer.sharedBy)}`);
  parts.push(`react ${escapeSlack(emojiShortcode(card))} for the full posting`);
  return {
    type: 'context',
    elements: parts.slice(0, SLACK_LIMITS.contextElements).map((p) => mrkdwn(cutSlack(p, BUDGET.footerElement))),
  };
}

function fallbackText(card: Card): string {
  const pay = payGroupTexts(card, escapeSlack);
  const text = [
    titleParts(card, escapeSlack).join(' · '),
    `Pay: ${pay.length === 0 ? 'not stated' : pay.join(' · ')}`,
    `Sponsorship: ${sponsorshipText(card, escapeSlack)}`,
  ].join('\n');
  return cutSlack(text, SLACK_LIMITS.fallbackText);
}

/** The card as Block Kit plus the notification/fallback text, within every Slack limit. */
export function renderCardSlack(card: Card): { text: string; blocks: SlackBlock[] } {
  const title = titleParts(card, escapeSlack)[0] ?? 'Job posting';
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cutSlack(title, SLACK_LIMITS.header), emoji: false } },
    { type: 'section', text: mrkdwn(mainSection(card)) },
    { type: 'section', text: mrkdwn(requirementsSection(card)) },
  ];
  const before = sharedBeforeBlock(card);
  if (before !== null) blocks.push(before);
  blocks.push(footerBlock(card));
  return { text: fallbackText(card), blocks };
}
