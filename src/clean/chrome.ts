import {
  CHROME_LINES,
  CHROME_SEGMENTS,
  FOOTER_RUN_LINES,
  FORM_FIELD_LINE,
  LANGUAGE_LINE,
  REGION_RULES,
  TAIL_RULES,
  type LineRule,
} from './chrome-tables.js';
import { dropJobListBeforePosting, dropRepeatedTitleLines, stripSiteHeader } from './header.js';
import { followingContent, isBlank, lineKey, MAX_KEY_LENGTH, nextContent } from './lines.js';
import { RemovalLog } from './removal.js';
import { keepSignal } from './signals.js';
import type { ExplainEntry, LineStep } from './types.js';

/** Exact lines by key, and one alternation per table so each line costs one regex test. */
interface CompiledRules {
  exact: Map<string, string>;
  patterns: { rule: string; pattern: RegExp }[];
  /** Union of the patterns that can start with a given letter, by that letter; '' for the rest. */
  byFirst: Map<string, RegExp>;
  anyFirst: RegExp | null;
}

/** The literal first letter of an anchored pattern ("^job match…" → 'j'), or '' when it varies. */
function firstLetter(p: RegExp): string {
  const c = p.source.charAt(1);
  const next = p.source.charAt(2);
  return /[a-z]/.test(c) && !/[?*{|]/.test(next) ? c : '';
}

/**
 * One regex for "does any of these anchored patterns match": the '^' is hoisted out of the
 * alternation so the engine tries position 0 only, instead of every alternative at every position.
 */
function anchoredUnion(patterns: readonly RegExp[]): RegExp {
  const bodies = patterns.map((p) => {
    if (!p.source.startsWith('^')) throw new Error(`chrome pattern must be anchored: ${p.source}`);
    return `(?:${p.source.slice(1)})`;
  });
  return new RegExp(`^(?:${bodies.join('|')})`);
}

function compile(rules: readonly LineRule[]): CompiledRules {
  const exact = new Map<string, string>();
  const patterns: { rule: string; pattern: RegExp }[] = [];
  for (const r of rules) {
    for (const l of r.lines ?? []) exact.set(lineKey(l), r.rule);
    for (const p of r.patterns ?? []) patterns.push({ rule: r.rule, pattern: p });
  }
  const groups = new Map<string, RegExp[]>();
  for (const p of patterns) {
    const f = firstLetter(p.pattern);
    groups.set(f, [...(groups.get(f) ?? []), p.pattern]);
  }
  const byFirst = new Map<string, RegExp>();
  for (const [f, list] of groups) if (f !== '') byFirst.set(f, anchoredUnion(list));
  const rest = groups.get('');
  return { exact, patterns, byFirst, anyFirst: rest ? anchoredUnion(rest) : null };
}

// Each line costs one Map lookup and at most two anchored regex tests.
function match(rules: CompiledRules, key: string): string | null {
  const exact = rules.exact.get(key);
  if (exact !== undefined) return exact;
  const first = rules.byFirst.get(key.charAt(0));
  const hit = (first !== undefined && first.test(key)) || (rules.anyFirst !== null && rules.anyFirst.test(key));
  if (!hit) return null;
  for (const p of rules.patterns) if (p.pattern.test(key)) return p.rule;
  return null;
}

const LINE_RULES = compile(CHROME_LINES);
const SEGMENT_RULES = compile(CHROME_SEGMENTS);
const FOOTER_SET: ReadonlySet<string> = new Set(FOOTER_RUN_LINES);
const TAIL_ANY = anchoredUnion(TAIL_RULES.map((r) => r.start));
const REGION_ANY = anchoredUnion(REGION_RULES.map((r) => r.start));
const SHORT_LINE = 200;
// A rail marker near the top is more likely a sidebar than the end of the posting.
const MIN_CONTENT_BEFORE_TAIL = 400;
const SEGMENT_SEPARATOR = /\s+[·•|]\s+/;

/** Cut from the first confirmed tail marker (similar-jobs rail, company card, application form) to the end. */
function cutTail(lines: string[], log: RemovalLog): string[] {
  let contentBefore = 0;
  // Index of the last line carrying a protected fact, computed once when a guarded marker needs it.
  let lastProtected: number | null = null;
  const protectedAfter = (i: number): boolean => {
    if (lastProtected === null) {
      lastProtected = -1;
      for (let j = lines.length - 1; j >= 0; j--) {
        if (keepSignal(lines[j] ?? '') !== null) {
          lastProtected = j;
          break;
        }
      }
    }
    return lastProtected >= i;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed.length > 0 && trimmed.length <= SHORT_LINE && contentBefore >= MIN_CONTENT_BEFORE_TAIL) {
      const key = lineKey(trimmed);
      if (TAIL_ANY.test(key)) {
        for (const rule of TAIL_RULES) {
          if (!rule.start.test(key)) continue;
          if (rule.confirm) {
            const next = followingContent(lines, i + 1, rule.confirm.within).map((l) => lineKey(l.trim()));
            if (!next.some((k) => rule.confirm?.any.some((p) => p.test(k)))) continue;
          }
          if (rule.guard && protectedAfter(i)) continue;
          const rescued: string[] = [];
          for (let j = i; j < lines.length; j++) {
            const l = lines[j] ?? '';
            if (rule.rescue && l.trim().length <= SHORT_LINE && rule.rescue.test(l)) {
              log.flush();
              rescued.push(l);
            } else log.remove(rule.rule, l);
          }
          log.flush();
          return rescued.length > 0 ? [...lines.slice(0, i), '', ...rescued] : lines.slice(0, i);
        }
      }
    }
    contentBefore += trimmed.length;
  }
  return lines;
}

/** Drop marked blocks (sign-in modals, skills quizzes) that end where the posting resumes. */
function cutRegions(lines: string[], log: RemovalLog): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed.length > 0 && trimmed.length <= SHORT_LINE) {
      const key = lineKey(trimmed);
      if (REGION_ANY.test(key)) {
        const rule = REGION_RULES.find((r) => r.start.test(key));
        if (rule) {
          let end = -1;
          for (let j = i + 1; j < lines.length && j <= i + rule.within; j++) {
            if (rule.end.test(lineKey((lines[j] ?? '').trim()))) {
              end = j;
              break;
            }
          }
          if (end > 0) {
            const inclusive = rule.rule === 'linkedin.sign-in-modal';
            const stop = inclusive ? end + 1 : end;
            for (let j = i; j < stop; j++) log.remove(rule.rule, lines[j] ?? '');
            log.flush();
            i = stop - 1;
            continue;
          }
        }
      }
    }
    out.push(line);
  }
  return out;
}

/** Remove chrome segments from a "Cambridge, MA · 1 week ago · 36 people clicked apply" line. */
function stripSegments(line: string, log: RemovalLog): string | null {
  const trimmed = line.trim();
  // A leading '•' is a bullet, not a separator.
  if (trimmed.length > SHORT_LINE || !SEGMENT_SEPARATOR.test(trimmed)) return line;
  const separators = trimmed.match(/\s+[·•|]\s+/g) ?? [];
  const segments = trimmed.split(SEGMENT_SEPARATOR);
  if (segments.some((s) => s.trim() === '')) return line;
  const rules = segments.map((s) => (keepSignal(s) === null ? match(SEGMENT_RULES, lineKey(s)) : null));
  if (rules.every((r) => r === null)) return line;
  let rebuilt = '';
  segments.forEach((segment, index) => {
    const rule = rules[index];
    if (rule !== null && rule !== undefined) log.remove(rule, segment.trim());
    else rebuilt += rebuilt === '' ? segment : `${separators[index - 1] ?? ' · '}${segment}`;
  });
  log.flush();
  return rebuilt === '' ? null : rebuilt;
}

/** Drop whole chrome lines (buttons, navigation, insights) and chrome segments of short lines. */
function dropChromeLines(lines: string[], log: RemovalLog): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_KEY_LENGTH) {
      out.push(line);
      continue;
    }
    const rule = match(LINE_RULES, lineKey(trimmed));
    if (rule !== null && keepSignal(trimmed) === null) {
      log.remove(rule, trimmed);
      continue;
    }
    const stripped = stripSegments(line, log);
    if (stripped !== null) out.push(stripped);
  }
  log.flush();
  return out;
}

function isFooterLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  const key = lineKey(trimmed);
  return FOOTER_SET.has(key) || LANGUAGE_LINE.test(key) || FORM_FIELD_LINE.test(key);
}

function footerRule(key: string): string {
  if (LANGUAGE_LINE.test(key)) return 'linkedin.language-list';
  if (FORM_FIELD_LINE.test(key) && !FOOTER_SET.has(key)) return 'application-form';
  return 'site-footer';
}

/**
 * Footers, menus and form fields: three or more standing together (blank lines between allowed),
 * or two at the very end of the page.
 */
function dropFooterRuns(lines: string[], log: RemovalLog): string[] {
  const drop = new Uint8Array(lines.length);
  let runStart = -1;
  let runCount = 0;
  const close = (end: number): void => {
    const atEnd = nextContent(lines, end) < 0;
    if (runCount >= 3 || (atEnd && runCount >= 2)) for (let j = runStart; j < end; j++) if (isFooterLine(lines[j] ?? '')) drop[j] = 1;
    runStart = -1;
    runCount = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (isFooterLine(line)) {
      if (runStart < 0) runStart = i;
      runCount += 1;
    } else if (runStart >= 0) {
      close(i);
    }
  }
  if (runStart >= 0) close(lines.length);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (drop[i]) log.remove(footerRule(lineKey(line.trim())), line.trim());
    else {
      if (!isBlank(line)) log.flush();
      out.push(line);
    }
  });
  log.flush();
  return out;
}

/** Rails, regions, chrome lines and segments: what can be recognised line by line. */
export function stripPageChrome(lines: string[], explain: ExplainEntry[]): string[] {
  const log = new RemovalLog('chrome', explain);
  let out = cutTail(lines, log);
  out = cutRegions(out, log);
  out = dropChromeLines(out, log);
  log.flush();
  return out;
}

/**
 * Chrome recognised by what stands next to it: footer runs, the site header above the title,
 * repeated title lines. Runs after the boilerplate step, whose removals change what is adjacent.
 */
export function stripChromeByLayout(lines: string[], explain: ExplainEntry[]): string[] {
  const log = new RemovalLog('chrome', explain);
  let out = dropFooterRuns(lines, log);
  out = dropJobListBeforePosting(out, log);
  out = stripSiteHeader(out, log);
  out = dropRepeatedTitleLines(out, log);
  log.flush();
  return out;
}

export const chrome: LineStep = { name: 'chrome', run: stripPageChrome };
export const chromeByLayout: LineStep = { name: 'chrome', run: stripChromeByLayout };
