import { SENIORITIES } from '../posting.js';
import type { TeamEntry } from '../store/types.js';
import type { DigestEvery } from './memory.js';

/** One posting's line: title · company · places · pay range · sponsorship, and a link to the share. */
export interface DigestLine {
  text: string;
  link: string | null;
}

export interface DigestGroup {
  /** "Senior", "Staff", … or "Level not stated". */
  level: string;
  lines: DigestLine[];
}

/** A channel's summary of what was shared in a period, before any platform cuts it to size. */
export interface Digest {
  every: DigestEvery;
  /** Period covered, ISO times. */
  from: string;
  to: string;
  /** "3 postings shared here this week: 2 senior, 1 staff". */
  title: string;
  summary: string;
  total: number;
  /** False when the channel shared more than its log keeps in some hour: `total` is then a floor ("at least"). */
  complete: boolean;
  /** Senior-most first; within a group, most recent first. */
  groups: DigestGroup[];
}

export const DIGEST_PERIOD_MS: Readonly<Record<DigestEvery, number>> = { daily: 24 * 60 * 60 * 1000, weekly: 7 * 24 * 60 * 60 * 1000 };
const PERIOD_WORDS: Readonly<Record<DigestEvery, string>> = { daily: 'today', weekly: 'this week' };
const SPONSORSHIP_WORDS: Readonly<Record<string, string>> = { yes: 'sponsors visas', considered: 'may sponsor', no: 'no sponsorship', unstated: 'sponsorship not stated' };
const NO_LEVEL = 'Level not stated';

function levelName(level: string | null): string {
  if (!level) return NO_LEVEL;
  const words = level.replace('-', ' ');
  return words === 'vp' ? 'VP' : words.charAt(0).toUpperCase() + words.slice(1);
}

function line(e: TeamEntry): DigestLine {
  const parts = [
    e.title ?? 'Untitled role',
    e.company,
    e.places ?? null,
    (e.payRange ?? e.pay) || 'pay not stated',
    SPONSORSHIP_WORDS[e.sponsorship] ?? e.sponsorship,
  ].filter((p): p is string => Boolean(p));
  return { text: parts.join(' · '), link: e.link };
}

/**
 * The digest of a channel's shares between `from` and `to`: one line per posting (its latest
 * share), grouped by level senior-most first, newest first within a group. Null when nothing was shared.
 */
export function buildDigest(entries: readonly TeamEntry[], every: DigestEvery, from: Date, to: Date, complete = true): Digest | null {
  const seen = new Set<string>();
  const inPeriod = [...entries]
    .filter((e) => e.at >= from.toISOString() && e.at < to.toISOString())
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .filter((e) => (seen.has(e.postingId) ? false : (seen.add(e.postingId), true)));
  if (inPeriod.length === 0) return null;
  const rank = (level: string | null): number => (level ? SENIORITIES.indexOf(level as (typeof SENIORITIES)[number]) : -1);
  const groups = new Map<string, { rank: number; lines: DigestLine[] }>();
  for (const e of inPeriod) {
    const name = levelName(e.level);
    const group = groups.get(name) ?? { rank: rank(e.level), lines: [] };
    group.lines.push(line(e));
    groups.set(name, group);
  }
  const ordered = [...groups].sort((a, b) => b[1].rank - a[1].rank).map(([level, g]) => ({ level, lines: g.lines }));
  const total = inPeriod.length;
  const atLeast = complete ? '' : 'at least ';
  const counts = ordered.map((g) => `${g.lines.length} ${g.level === NO_LEVEL ? 'with no level stated' : g.level.toLowerCase()}`).join(', ');
  return {
    every,
    from: from.toISOString(),
    to: to.toISOString(),
    title: `Job postings digest: ${atLeast}${total} shared here ${PERIOD_WORDS[every]}`,
    summary: `${complete ? '' : 'At least '}${total} posting${total === 1 ? '' : 's'}: ${counts}`,
    total,
    complete,
    groups: ordered,
  };
}

/**
 * Fit a digest's lines into a platform's room: each group keeps lines while `fits` says the
 * message still has room, and says "and N more" for the rest. `fits` is asked with the lines
 * kept so far; the caller renders and measures.
 */
export function cutDigest(digest: Digest, fits: (groups: DigestGroup[], hidden: number) => boolean): { groups: DigestGroup[]; hidden: number } {
  const kept: DigestGroup[] = digest.groups.map((g) => ({ level: g.level, lines: [] }));
  let hidden = digest.total;
  // Round-robin over the groups, so every level shows its newest postings before any shows many.
  const longest = Math.max(...digest.groups.map((g) => g.lines.length));
  for (let i = 0; i < longest; i++) {
    for (const [gi, group] of digest.groups.entries()) {
      const next = group.lines[i];
      if (!next) continue;
      const target = kept[gi] as DigestGroup;
      target.lines.push(next);
      if (!fits(kept, hidden - 1)) {
        target.lines.pop();
        return { groups: kept.filter((g) => g.lines.length > 0), hidden };
      }
      hidden -= 1;
    }
  }
  return { groups: kept.filter((g) => g.lines.length > 0), hidden };
}
