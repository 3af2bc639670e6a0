/**
 * Reading labelled folders for `npm run eval`. A folder holds `labels.json` (the
 * ../shared/corpus format, optionally with `split`) or `expected.json` (the ../shared/seeds
 * format). Both map to one `Expected` shape so the scoring never cares which it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ExpectedBand {
  location: string | null;
  min: number;
  max: number | null;
  currency: string;
  period: string;
}

/** One labelled posting, in a shape both label formats map to. */
export interface Expected {
  file: string;
  /** `heldout` or `tune`; undefined for folders that do not split (they count in every split). */
  split?: string;
  titles: string[] | null;
  companies: string[] | null;
  seniority: string | null | undefined;
  track?: string | null;
  locations: string[];
  pay: ExpectedBand[] | undefined;
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
  workplace: string | null | undefined;
  employmentType?: string | null;
  posted?: string | null;
  skills: string[];
}

export const SPLITS = ['heldout', 'tune'] as const;
export type Split = (typeof SPLITS)[number];

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The top-level parenthesised groups of a label, and the label without them. */
function splitParentheticals(label: string): { base: string; groups: string[] } {
  const groups: string[] = [];
  let base = '';
  let depth = 0;
  let current = '';
  for (const ch of label) {
    if (ch === '(') {
      if (depth > 0) current += ch;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        groups.push(current);
        current = '';
      } else current += ch;
    } else if (depth > 0) current += ch;
    else base += ch;
  }
  return { base: base.replace(/\s+/g, ' ').trim(), groups };
}

/** `a; b (c); d` split on the semicolons that are not inside parentheses. */
function splitTopLevel(group: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of group) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const ALTERNATIVE_PREFIX = /^\s*(body|dataset title|also|aka)\s*:\s*/i;

/**
 * The label with only its alias groups taken off: "Engineer in Test (SDET) (also: …)" is
 * "Engineer in Test (SDET)", a parenthetical that is part of the name staying.
 */
function withoutAliasGroups(label: string): string {
  let out = '';
  let group = '';
  let depth = 0;
  for (const ch of label) {
    if (ch === '(') depth++;
    if (depth > 0) group += ch;
    else out += ch;
    if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        if (!ALTERNATIVE_PREFIX.test(group.slice(1, -1))) out += group;
        group = '';
      }
    }
  }
  return (out + group).replace(/\s+/g, ' ').trim();
}

/**
 * Label alternatives: the label, the label without its parentheticals, and each name given
 * inside them (`"X (also: Y; Z (W))"` accepts X, Y, `Z (W)` and Z). Labels nest parentheses
 * ("ML Ops Engineer (also: ML Ops Engineer – Contract Service Worker (CSW) - 6 Months)"),
 * so the groups are read by depth, not by a regex.
 */
export function alternatives(label: string | null): string[] | null {
  if (label === null) return null;
  const { base, groups } = splitParentheticals(label);
  const out = [label.trim(), base, withoutAliasGroups(label)];
  for (const group of groups) {
    for (const part of splitTopLevel(group)) {
      const p = part.replace(ALTERNATIVE_PREFIX, '').trim();
      if (p.length <= 1) continue;
      out.push(p);
      const inner = splitParentheticals(p).base;
      if (inner.length > 1) out.push(inner);
    }
  }
  return [...new Set(out.filter((a) => a.length > 0))];
}

function bandOf(b: Json): ExpectedBand {
  return { location: str(b.location), min: num(b.min) ?? 0, max: num(b.max), currency: str(b.currency) ?? '', period: str(b.period) ?? '' };
}

/** One entry of a corpus-format `labels.json`. */
function fromCorpusLabel(e: Json): Expected {
  const locs = (e.locations as Json[] | undefined) ?? [];
  const remote = str(e.remote);
  const split = str(e.split);
  return {
    file: String(e.file),
    ...(split === null ? {} : { split }),
    titles: alternatives(str(e.title)),
    companies: alternatives(str(e.company)),
    seniority: str(e.level),
    locations: locs.map((l) => str(l.location)).filter((l): l is string => l !== null),
    pay: locs.filter((l) => num(l.min) !== null).map(bandOf),
    sponsorship: str(e.sponsorship) ?? 'unstated',
    minYears: num(e.minYears),
    degree: str(e.degree),
    workplace: remote === 'unstated' ? null : remote,
    skills: ((e.skills as unknown[] | undefined) ?? []).map(String),
  };
}

/** One entry of a seeds-format `expected.json`. */
function fromSeedExpectation(e: Json): Expected {
  const level = (e.level as Json | undefined) ?? {};
  const title = str(e.title);
  return {
    file: String(e.file),
    titles: title === null ? null : [title, ...(((e.titleAlternatives as unknown[]) ?? []).map(String))],
    companies: alternatives(str(e.company)),
    seniority: str(level.seniority),
    track: str(level.track),
    locations: ((e.locations as unknown[]) ?? []).map(String),
    pay: ((e.pay as Json[]) ?? []).map(bandOf),
    sponsorship: str(e.sponsorship) ?? 'unstated',
    minYears: num(e.minYears),
    degree: str(e.degree),
    workplace: e.workplace === undefined ? undefined : str(e.workplace),
    employmentType: e.employmentType === undefined ? undefined : str(e.employmentType),
    posted: e.posted === undefined ? undefined : str(e.posted),
    skills: ((e.skills as unknown[]) ?? []).map(String),
  };
}

/** Every labelled posting of a folder, in either label format. */
export function readLabels(dir: string): Expected[] {
  const labels = path.join(dir, 'labels.json');
  if (existsSync(labels)) return (JSON.parse(readFileSync(labels, 'utf8')) as Json[]).map(fromCorpusLabel);
  const seeds = path.join(dir, 'expected.json');
  if (existsSync(seeds)) return (JSON.parse(readFileSync(seeds, 'utf8')) as Json[]).map(fromSeedExpectation);
  throw new Error(`${dir} has neither labels.json nor expected.json`);
}

/** The postings a split measures: those labelled with it, and those of folders that do not split. */
export function inSplit(expected: Expected[], split: Split | null): Expected[] {
  if (split === null) return expected;
  return expected.filter((e) => e.split === undefined || e.split === split);
}
