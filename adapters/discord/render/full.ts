import { groupDigits } from '../../../src/card/amount.js';
import { splitText } from '../../../src/card/split.js';
import { cutDiscord, defuseMentions, escapeDiscord } from './escape.js';
import { DISCORD_LIMITS } from './limits.js';

/** Past this many characters a thread of messages is a wall; one file reads better. */
export const FULL_TEXT_FILE_THRESHOLD = 8000;

export type DiscordFullText =
  | { kind: 'messages'; contents: string[] }
  | { kind: 'file'; name: string; content: string; note: string };

const discordSize = (t: string): number => escapeDiscord(t).length;

/** "senior-machine-learning-engineer.md": safe on every OS, never empty. */
function fileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'job-posting'}.md`;
}

/**
 * The full cleaned posting for Discord: messages of at most 2000 characters split on
 * paragraph boundaries, the first with a heading saying what it is; past ~8,000 characters,
 * one Markdown file and a short note instead. Text is escaped so nothing formats or pings.
 */
export function renderFullDiscord(title: string, text: string): DiscordFullText {
  const cleanTitle = title.replace(/\s+/g, ' ').trim() || 'untitled';
  const heading = cutDiscord(`**Full posting: ${escapeDiscord(cleanTitle)}**`, 300);
  const body = text.replace(/\r\n?/g, '\n').trim();

  // Measured as sent: a posting dense with markup grows when escaped.
  if (discordSize(body) > FULL_TEXT_FILE_THRESHOLD) {
    return {
      kind: 'file',
      name: fileName(cleanTitle),
      // A file is shown as text, not markdown-rendered in chat; only the pings need defusing.
      content: defuseMentions(`# ${cleanTitle}\n\n${body}\n`),
      note: cutDiscord(`${heading} (${groupDigits(body.length)} characters, attached as a file)`, DISCORD_LIMITS.content),
    };
  }

  const chunks = splitText(body, DISCORD_LIMITS.content, discordSize).map(escapeDiscord);
  if (chunks.length === 0) return { kind: 'messages', contents: [`${heading}\n(the posting has no text)`] };
  const contents: string[] = [];
  const first = chunks[0] ?? '';
  // The heading joins the first chunk when both fit in one message.
  if (heading.length + 2 + first.length <= DISCORD_LIMITS.content) {
    contents.push(`${heading}\n\n${first}`, ...chunks.slice(1));
  } else {
    contents.push(heading, ...chunks);
  }
  return { kind: 'messages', contents };
}
