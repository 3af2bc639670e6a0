import type { ContextBlock, DividerBlock, HeaderBlock, SectionBlock } from '@slack/types';

/** The blocks jobcard posts. */
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock;

/** Slack's limits (docs and ../shared/notes/platform-testing.md); total kept well under ~12k. */
export const SLACK_LIMITS = {
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  blocks: 50,
  totalBlockText: 10_000,
  /** chat.postMessage `text`: Slack truncates past 40k; a fallback needs far less. */
  fallbackText: 3000,
} as const;

/** Every text Slack counts in a message's blocks, summed. */
export function slackBlockTextLength(blocks: readonly SlackBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'header') total += block.text.text.length;
    else if (block.type === 'section') {
      total += block.text?.text.length ?? 0;
      for (const f of block.fields ?? []) total += f.text.length;
    } else if (block.type === 'context') {
      for (const e of block.elements) if ('text' in e && typeof e.text === 'string') total += e.text.length;
    }
  }
  return total;
}
