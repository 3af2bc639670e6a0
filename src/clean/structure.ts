import { parseBullet, startsWithEmoji, stripLeadingEmoji } from './bullets.js';
import { FIELD_LABELS, isHeading } from './headings.js';
import { isBlank } from './lines.js';
import type { ExplainEntry, LineStep } from './types.js';

type Kind = 'heading' | 'bullet' | 'text';

interface Item {
  text: string;
  kind: Kind;
  /** A blank line stood before it in the input: a deliberate break, never joined across. */
  breakBefore: boolean;
  title: boolean;
  /** "Label: value" made from a field label and its value: a fact, not a list item. */
  field?: boolean;
}

/** Aggregated change records: one explain entry per rule, with a few samples. */
class ChangeLog {
  private readonly rules = new Map<string, { count: number; before: string[]; after: string[] }>();
  record(rule: string, before: string, after: string): void {
    let r = this.rules.get(rule);
    if (!r) {
      r = { count: 0, before: [], after: [] };
      this.rules.set(rule, r);
    }
    r.count += 1;
    if (r.before.length < 3) {
      r.before.push(before.slice(0, 200));
      r.after.push(after.slice(0, 200));
    }
  }
  flush(explain: ExplainEntry[]): void {
    for (const [rule, r] of this.rules) {
      explain.push({ step: 'structure', rule, before: r.before.join('\n'), after: r.after.join('\n'), count: r.count });
    }
  }
}

// Checked on the last two characters only: a regex with '$' would rescan a long joined line.
const TERMINAL_CHARS = '.!?:;';
const CLOSERS = '"”’)';

function endsTerminal(text: string): boolean {
  let last = text.charAt(text.length - 1);
  if (CLOSERS.includes(last) && text.length > 1) last = text.charAt(text.length - 2);
  return last !== '' && TERMINAL_CHARS.includes(last);
}

function endsHyphenated(text: string): boolean {
  return text.endsWith('-') && /\p{L}/u.test(text.charAt(text.length - 2));
}
const TITLE_BLOCK_MAX_LINES = 8;
const HEADING_MAX = 80;
const TITLE_LINE_MAX = 100;
const PARAGRAPH_MIN = 120;
const ITEM_MAX = 250;
const SHORT_ITEM = 40;

/** Heading, bullet (mark stripped) or plain text. Emoji in front of a heading is decoration, not a bullet. */
function classify(line: string, log: ChangeLog): { text: string; kind: Kind } {
  if (startsWithEmoji(line)) {
    const bare = stripLeadingEmoji(line);
    if (isHeading(bare)) {
      log.record('emoji-heading', line, bare);
      return { text: bare, kind: 'heading' };
    }
  }
  const b = parseBullet(line);
  if (b.mark !== null) {
    if (b.mark !== '•') log.record('bullet-marks', line, `• ${b.text}`);
    return { text: b.text, kind: 'bullet' };
  }
  return { text: line, kind: isHeading(line) ? 'heading' : 'text' };
}

function parse(lines: readonly string[], log: ChangeLog): Item[] {
  const items: Item[] = [];
  let breakBefore = false;
  for (const raw of lines) {
    if (isBlank(raw)) {
      breakBefore = true;
      continue;
    }
    let text = raw.includes('  ') ? raw.replace(/ {2,}/g, ' ').trim() : raw.trim();
    // Markdown: "## Requirements", "**Benefits**".
    const c0 = text.charCodeAt(0);
    if (c0 === 35 /* # */ || c0 === 42 /* * */) {
      const md = /^#{1,6} (.+)$/.exec(text) ?? /^\*\*([^*]{1,80})\*\*:?$/.exec(text);
      if (md?.[1] !== undefined) text = md[1].trim();
    }
    const c = classify(text, log);
    items.push({ text: c.text, kind: c.kind, breakBefore, title: false, field: c.kind === 'text' && isFieldLine(c.text) });
    breakBefore = false;
  }
  return items;
}

/** "Employment type: Full-time": a field written on one line (or joined by joinFieldLabels). */
function isFieldLine(text: string): boolean {
  const colon = text.indexOf(': ');
  return colon > 1 && colon <= 40 && FIELD_LABELS.has(text.slice(0, colon).toLowerCase());
}

/** "Employment type" + "Full-time" → "Employment type: Full-time", so the value keeps its meaning. */
function joinFieldLabels(items: Item[], log: ChangeLog): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const next = items[i + 1];
    if (!item) continue;
    const label = item.text.replace(/:$/, '').trim();
    if (
      next &&
      item.kind !== 'bullet' &&
      FIELD_LABELS.has(label.toLowerCase()) &&
      next.kind === 'text' &&
      next.text.length <= TITLE_LINE_MAX &&
      !next.text.endsWith(':') &&
      !isFieldLine(next.text) &&
      !FIELD_LABELS.has(next.text.replace(/:$/, '').trim().toLowerCase())
    ) {
      const joined = `${label}: ${next.text}`;
      log.record('field-label', `${item.text}\n${next.text}`, joined);
      out.push({ ...item, text: joined, kind: 'text', field: true });
      i += 1;
      continue;
    }
    out.push(item);
  }
  return out;
}

/** The leading short lines: company, title, "location · age", employment type. Never joined or bulleted. */
function markTitleBlock(items: Item[]): void {
  for (let i = 0; i < items.length && i < TITLE_BLOCK_MAX_LINES; i++) {
    const item = items[i];
    if (!item || item.kind !== 'text' || item.text.length > TITLE_LINE_MAX || /[.!?:]$/.test(item.text)) return;
    item.title = true;
  }
}

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** Lines broken mid-sentence ("… to design and\nbuild systems"): join them back. */
function joinBrokenLines(items: Item[], log: ChangeLog): Item[] {
  const out: Item[] = [];
  // Pieces of the last output item while it is being extended; joined once, so a long run of
  // broken lines costs linear time (slicing a growing string each time would not).
  let parts: string[] | null = null;
  const finish = (): void => {
    const prev = out[out.length - 1];
    if (parts === null || prev === undefined) return;
    prev.text = parts.join('');
    parts = null;
    // The joined line is classified afresh, as the next cleaning would see it. Appending never
    // changes how a line starts, so only a short line (a possible heading) can change kind.
    if (prev.kind === 'text' && prev.text.length <= HEADING_MAX) {
      const c = classify(prev.text, log);
      prev.text = c.text;
      prev.kind = c.kind;
    }
  };
  for (const item of items) {
    const prev = out[out.length - 1];
    const end = parts !== null ? (parts[parts.length - 1] ?? '') : (prev?.text ?? '');
    if (
      prev &&
      !prev.title &&
      prev.kind !== 'heading' &&
      item.kind === 'text' &&
      !item.breakBefore &&
      startsLower(item.text) &&
      !endsTerminal(end)
    ) {
      const hyphen = endsHyphenated(end);
      log.record('joined-broken-line', `${end.slice(-100)}\n${item.text.slice(0, 100)}`, `${end.slice(-100)}${hyphen ? '' : ' '}${item.text.slice(0, 100)}`);
      parts ??= [prev.text];
      parts.push(hyphen ? item.text : ` ${item.text}`);
      continue;
    }
    finish();
    out.push(item);
  }
  finish();
  return out;
}

/** A line that reads as a list item: short, one sentence, not a lead-in. */
function isItemLike(item: Item): boolean {
  if (item.kind !== 'text' || item.title || item.field || item.text.length > ITEM_MAX || item.text.endsWith(':')) return false;
  return !/[.!?] \p{Lu}/u.test(item.text);
}

/** Items written as sentences, then a short bare line: that line starts something else (a sub-heading). */
function breaksRun(item: Item, runHasSentences: boolean): boolean {
  return runHasSentences && item.text.length <= SHORT_ITEM && !endsTerminal(item.text);
}

/** Bare lines listed under a heading or a "…the following:" lead-in are bullets. */
function inferBullets(items: Item[], log: ChangeLog): void {
  for (let i = 0; i < items.length; i++) {
    const lead = items[i];
    if (!lead || !(lead.kind === 'heading' || (lead.kind === 'text' && lead.text.endsWith(':')))) continue;
    let j = i + 1;
    let runHasSentences = false;
    while (j < items.length) {
      const item = items[j];
      if (!item || !isItemLike(item) || (j > i + 1 && item.breakBefore)) break;
      if (breaksRun(item, runHasSentences)) break;
      if (/[.!?]$/.test(item.text)) runHasSentences = true;
      j += 1;
    }
    if (j - (i + 1) < 2) continue;
    for (let k = i + 1; k < j; k++) {
      const item = items[k];
      if (!item) continue;
      log.record('list-items', item.text, `• ${item.text}`);
      item.kind = 'bullet';
    }
    i = j - 1;
  }
}

function isParagraph(item: Item): boolean {
  return item.kind === 'text' && item.text.length >= PARAGRAPH_MIN && /[.!?]["”’)]?$/.test(item.text);
}

/** One blank line between blocks; headings sit on their content; lists and the title block are tight. */
function layout(items: readonly Item[]): string[] {
  const out: string[] = [];
  let prev: Item | undefined;
  for (const item of items) {
    const line = item.kind === 'bullet' ? `• ${item.text}` : item.text;
    if (prev) {
      let blank: boolean;
      if (item.kind === 'heading') blank = true;
      else if (prev.kind === 'heading') blank = false;
      else if (item.title && prev.title) blank = false;
      else if (prev.title) blank = true;
      else if (item.kind === 'bullet') blank = prev.kind !== 'bullet' && !prev.text.endsWith(':') && item.breakBefore;
      else if (prev.kind === 'bullet') blank = true;
      else blank = item.breakBefore || isParagraph(prev) || isParagraph(item) || /[.!?]["”’)]?$/.test(prev.text);
      if (blank) out.push('');
    }
    out.push(line);
    prev = item;
  }
  return out;
}

export function structurePosting(lines: string[], explain: ExplainEntry[]): string[] {
  const log = new ChangeLog();
  const parsed = joinFieldLabels(parse(lines, log), log);
  markTitleBlock(parsed);
  const items = joinBrokenLines(parsed, log);
  inferBullets(items, log);
  log.flush(explain);
  return layout(items);
}

export const structure: LineStep = { name: 'structure', run: structurePosting };
