import { cutText, oneLine } from './cut.js';
import { EMOJI_UNICODE, shortDate } from './labels.js';
import type { Card, PersonRef, SharedBefore } from './types.js';

/**
 * The card's lines in neutral wording, shared by every renderer. `esc` escapes text that came
 * from the posting for the target markup; the renderer adds its own markup around the result.
 */
export type Escape = (text: string) => string;

/** Pay groups share one line while it stays phone-short; otherwise one group per line. */
const ONE_LINE_PAY = 100;

export function titleParts(card: Card, esc: Escape): string[] {
  const { title, company, level } = card.title;
  return [title ?? 'Job posting (title not stated)', company, level]
    .filter((p): p is string => p !== null)
    .map(esc);
}

/** "Cambridge, MA / McLean, VA +2 more · Hybrid · Full-time", or "Location: not stated · …". */
export function placeLine(card: Card, esc: Escape): string {
  const { locations, moreLocations, workplace, employmentType } = card.place;
  const where = locations.length === 0
    ? 'Location: not stated'
    : locations.map(esc).join(' / ') + (moreLocations > 0 ? ` +${moreLocations} more` : '');
  return [where, workplace, employmentType].filter((p): p is string => p !== null).join(' · ');
}

/** Each pay group as "places amount"; empty when pay is not stated. */
export function payGroupTexts(card: Card, esc: Escape): string[] {
  const texts = card.pay.groups.map((g) =>
    g.places.length === 0 ? esc(g.amount) : `${g.places.map(esc).join(' / ')} ${esc(g.amount)}`);
  if (card.pay.more > 0) texts.push(`+${card.pay.more} more bands`);
  return texts;
}

/** True when the groups read well on one line, joined with " · ": two at most, and short. */
export function payFitsOneLine(texts: string[]): boolean {
  return texts.length <= 2 && texts.join(' · ').length <= ONE_LINE_PAY;
}

/** "no — “…quote…”" or "not stated"; `quote` wraps the quote in the target's emphasis. */
export function sponsorshipText(card: Card, esc: Escape, quote: (q: string) => string = (q) => q): string {
  const { label, quote: q } = card.sponsorship;
  return q === null ? label : `${label} — ${quote(`“${esc(q)}”`)}`;
}

/** "Posted 1 week ago", the source ("LinkedIn", "pasted"), in posting order for footers. */
export function postedText(card: Card, esc: Escape): string | null {
  return card.footer.posted === null ? null : `Posted ${esc(card.footer.posted)}`;
}

export function sourceName(card: Card): string {
  const { kind, site } = card.footer.source;
  if (site !== null) return site;
  return kind === 'paste' ? 'pasted' : 'link';
}

/** The emoji as a shortcode (Slack, text) or as Unicode where shortcodes do not render. */
export function emojiShortcode(card: Card): string {
  return `:${card.footer.fullTextEmoji}:`;
}
export function emojiUnicode(card: Card): string {
  const name = card.footer.fullTextEmoji;
  return EMOJI_UNICODE[name] ?? (/^[\w+-]+$/.test(name) ? `:${name}:` : name);
}

/** A person by name for surfaces without mentions. */
export function personName(p: PersonRef): string {
  const name = oneLine(p.name ?? p.id ?? '');
  return name === '' ? 'someone' : cutText(name, 80);
}

/** "Shared before by X in Y on Nov 20, 2026", with the person and channel already formatted. */
export function sharedBeforeText(before: SharedBefore, who: string, where: string | null, esc: Escape): string {
  return `Shared before by ${who}${where === null ? '' : ` in ${where}`} on ${esc(shortDate(before.at))}`;
}
