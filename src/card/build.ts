import type { Level, Posting, Requirements } from '../posting.js';
import { cutText, oneLine } from './cut.js';
import {
  DEGREE_NAMES, EMPLOYMENT_NAMES, MANAGER_SENIORITIES, SENIORITY_NAMES, SITE_NAMES, WORKPLACE_NAMES,
} from './labels.js';
import { collapsePayBands } from './pay.js';
import { shortQuote } from './quote.js';
import type { Card, CardContext } from './types.js';

const MAX_LOCATIONS = 4;
const MAX_SKILLS = 5;
const MAX_REQUIREMENTS = 5;
const MIN_REQUIREMENTS = 3;
const MAX_REQUIREMENT_LINE = 100;
/** Card parts are short by design; the renderers cut again to their platform's limits. */
const MAX_PART = 300;

const SPONSORSHIP_LABELS = { yes: 'yes', considered: 'considered', no: 'no', unstated: 'not stated' } as const;

/** Basic lines that repeat what the years or degree item already says. */
const YEARS_WORDS = /\byears?\b|\byrs?\b/i;
const DEGREE_WORDS = /\b(degree|bachelor|master|ph\.?d|doctorate|associate|b\.?s\.?c?|m\.?s\.?c?|b\.?a|diploma)\b/i;

function part(text: string | null): string | null {
  if (text === null) return null;
  const line = oneLine(text);
  return line === '' ? null : cutText(line, MAX_PART);
}

function levelText(level: Level, posting: Posting): string | null {
  if (level.seniority === null) return level.track === 'manager' ? 'Manager track' : null;
  let text = SENIORITY_NAMES[level.seniority];
  if (level.track === 'manager' && !MANAGER_SENIORITIES.has(level.seniority)) text += ' (people leader)';
  // A level read from required years, not from the title, says so: the reader weighs it differently.
  const inferred = posting.provenance['level']?.from === 'inferred' || YEARS_WORDS.test(level.label ?? '');
  if (inferred) text += ' (by experience)';
  return text;
}

/**
 * Lines that introduce or label rather than require: "Education", "Tailwind CSS", "Creative
 * Problem Solvers", "Melbourne, Victoria, Australia", "Here's what we're looking for:".
 */
function isHeadingLike(line: string): boolean {
  if (line.endsWith(':')) return true;
  const words = line.split(/\s+/);
  if (words.length < 3) return true;
  return words.length <= 6 && words.every((w) => !/^\p{Ll}/u.test(w));
}

function keyRequirements(req: Requirements): string[] {
  const items: string[] = [];
  if (req.minYears !== null) items.push(`${req.minYears}+ years of experience`);
  if (req.degree !== null) items.push(DEGREE_NAMES[req.degree] ?? req.degree);
  const skills = req.skills.map(oneLine).filter((s) => s !== '');
  if (skills.length > 0) {
    const shown = skills.slice(0, MAX_SKILLS).join(', ');
    const more = skills.length - MAX_SKILLS;
    items.push(cutText(more > 0 ? `${shown} +${more} more` : shown, MAX_REQUIREMENT_LINE));
  }
  // Fill up to three with the posting's own qualification lines, skipping repeats.
  for (const raw of req.basic) {
    if (items.length >= MIN_REQUIREMENTS) break;
    const line = oneLine(raw).replace(/^[-•*·▪◦●]+\s*/, '');
    if (isHeadingLike(line)) continue;
    if (req.minYears !== null && YEARS_WORDS.test(line)) continue;
    if (req.degree !== null && DEGREE_WORDS.test(line)) continue;
    items.push(cutText(line, MAX_REQUIREMENT_LINE));
  }
  return items.slice(0, MAX_REQUIREMENTS);
}

/**
 * One band for every place the card already lists reads better without the places repeated:
 * "Pay: £90k–£114k/yr" under "London / Bristol / Edinburgh".
 */
function withoutRepeatedPlaces(pay: Card['pay'], locations: readonly string[]): Card['pay'] {
  const only = pay.groups.length === 1 ? pay.groups[0] : undefined;
  if (only === undefined || pay.more > 0 || only.places.length === 0) return pay;
  const listed = new Set(locations.map((l) => l.toLowerCase()));
  const same = only.places.length === listed.size && only.places.every((p) => listed.has(p.toLowerCase()));
  return same ? { groups: [{ places: [], amount: only.amount }], more: 0 } : pay;
}

/** "Remote" once: a place already called "Remote (US)" makes the workplace word redundant. */
function workplaceText(posting: Posting, locations: readonly string[]): string | null {
  if (posting.workplace === null) return null;
  const name = WORKPLACE_NAMES[posting.workplace];
  const repeated = locations.some((l) => l.toLowerCase().startsWith(name.toLowerCase()));
  return repeated ? null : name;
}

function safeLink(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function siteName(site: string | null, url: string | null): string | null {
  if (site !== null && site.trim() !== '') return SITE_NAMES[site.toLowerCase()] ?? oneLine(site);
  const link = safeLink(url);
  return link === null ? null : new URL(link).hostname.replace(/^www\./, '');
}

/** The neutral card for a posting: facts as the posting states them, missing ones left null. */
export function buildCard(posting: Posting, ctx: CardContext = {}): Card {
  const locations = posting.locations.map(oneLine).filter((l) => l !== '');
  const shownLocations = locations.length > MAX_LOCATIONS ? locations.slice(0, MAX_LOCATIONS - 1) : locations;
  const stance = posting.sponsorship.stance;
  return {
    title: {
      title: part(posting.title),
      company: part(posting.company),
      level: levelText(posting.level, posting),
    },
    place: {
      locations: shownLocations.map((l) => cutText(l, 80)),
      moreLocations: locations.length - shownLocations.length,
      workplace: workplaceText(posting, locations),
      employmentType: posting.employmentType === null ? null : EMPLOYMENT_NAMES[posting.employmentType],
    },
    pay: withoutRepeatedPlaces(collapsePayBands(posting.pay), locations),
    sponsorship: {
      stance,
      label: SPONSORSHIP_LABELS[stance],
      quote: stance === 'unstated' ? null : shortQuote(posting.sponsorship.evidence),
    },
    requirements: keyRequirements(posting.requirements),
    footer: {
      posted: part(posting.posted),
      source: {
        kind: posting.source.kind,
        site: siteName(posting.source.site, posting.source.url),
        url: safeLink(posting.source.url),
      },
      sharedBy: ctx.sharedBy ?? null,
      fullTextEmoji: (ctx.fullTextEmoji ?? 'page_facing_up').replace(/^:|:$/g, ''),
    },
    sharedBefore: ctx.sharedBefore ?? null,
    link: posting.source.kind === 'link' ? safeLink(posting.source.url) : null,
  };
}
