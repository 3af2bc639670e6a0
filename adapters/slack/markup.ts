/**
 * Slack sends message text as "mrkdwn" markup: links, mentions and special commands sit in
 * angle brackets, and the three characters `& < >` arrive as HTML entities. The core wants the
 * text a person sees, so the adapter unwraps that markup before anything else reads it.
 */

/** `<…>` spans; Slack escapes literal angle brackets, so every `<` left is markup. */
const ANGLE_SPAN = /<([^<>\n]*)>/g;

/** `<!channel>` and friends, as people see them in the Slack client. */
const SPECIAL_MENTIONS: Readonly<Record<string, string>> = {
  channel: '@channel',
  here: '@here',
  everyone: '@everyone',
  group: '@group',
};

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Unwrap Slack markup into plain text: links keep their URL, mentions become `@name` / `#name`. */
export function unwrapSlackMarkup(text: string): string {
  const unwrapped = text.replace(ANGLE_SPAN, (_span, inner: string) => unwrapSpan(inner));
  return unescapeEntities(unwrapped);
}

/** Slack's three HTML entities back to characters (`&amp;` last so `&amp;lt;` stays `&lt;`). */
export function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

function unwrapSpan(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);

  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
  if (target.startsWith('!')) return unwrapCommand(target.slice(1), label);
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return unwrapLink(target, label);
  // Not markup Slack produces; keep what was there rather than lose text.
  return `<${inner}>`;
}

function unwrapCommand(command: string, label: string | null): string {
  const special = SPECIAL_MENTIONS[command];
  if (special) return special;
  // `<!subteam^S123|@team>`, `<!date^1392734382^{date}|Feb 18, 2014>`: the label is what people see.
  if (label) return label;
  const [name] = command.split('^');
  return `@${name ?? command}`;
}

/** Links keep their URL (the core reads links); a label that says more than the URL stays too. */
function unwrapLink(url: string, label: string | null): string {
  // Entities inside the span are decoded with the rest of the text, once.
  if (!label) return url;
  const bare = (s: string): string => s.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, '').toLowerCase();
  if (bare(label) === bare(url)) return url;
  return `${label} (${url})`;
}
