import type { PayBand } from '../../posting.js';
import {
  companyFromSlug, compactFacts, composeText, formatPlace, formatPostedDate, isRecord, mapEmploymentType, mapPayPeriod, mapWorkplace,
  payBand, placeFromBandTitle, str, type ReadResult,
} from '../facts.js';
import { htmlToText } from '../html.js';
import type { SiteReader, SiteRequest, StreamingRead } from './types.js';

/** Ashby public job board API: GET /posting-api/job-board/{board}?includeCompensation=true answers the whole board. */
export const ASHBY_API = 'https://api.ashbyhq.com';

function salaryBands(components: unknown, place: string | null, note: string | null): PayBand[] {
  if (!Array.isArray(components)) return [];
  return components
    .filter(isRecord)
    .filter((c) => /salary|hourly|wage/i.test(str(c.compensationType) ?? ''))
    .map((c) => payBand(c.minValue, c.maxValue, str(c.currencyCode), mapPayPeriod(str(c.interval)), place, note))
    .filter((b): b is PayBand => b !== null);
}

const placeKey = (p: string): string => p.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const hasWords = (hay: string, words: string): boolean => words.length > 0 && ` ${hay} `.includes(` ${words} `);

/**
 * Where a compensation tier applies. Tiers are named by level as often as by place ("Mid Backend
 * Engineer", "Senior", "Early Career", "US Tier 1", "EU - Level 4", "GBR - Level 3"), so a tier
 * title is a place only when it names one of the job's own places ("San Francisco Bay Area"
 * for a San Francisco job); otherwise it stays the band's note.
 */
function tierPlace(title: string | null, places: readonly string[]): string | null {
  const candidate = placeFromBandTitle(title);
  if (!candidate) return null;
  const key = placeKey(candidate);
  if (key.length < 2) return null;
  const named = places.some((p) => {
    const whole = placeKey(p);
    const city = placeKey(p.split(',')[0] ?? '');
    return hasWords(whole, key) || hasWords(key, whole) || (city.length >= 3 && hasWords(key, city));
  });
  return named ? candidate : null;
}

function payOf(comp: unknown, places: readonly string[]): PayBand[] {
  if (!isRecord(comp)) return [];
  const tiers = Array.isArray(comp.compensationTiers) ? comp.compensationTiers.filter(isRecord) : [];
  const fromTiers = tiers.flatMap((t) => {
    const title = str(t.title);
    return salaryBands(t.components, tiers.length > 1 ? tierPlace(title, places) : null, title);
  });
  return fromTiers.length ? fromTiers : salaryBands(comp.summaryComponents, null, null);
}

// "& 13 other countries", "+ 4 more locations": a count of places, not a place.
const PLACE_COUNT = /^\s*(?:[&+]|and)?\s*\d+\s+(?:other|more)\b|\bother (?:countries|locations|cities|regions|offices)\b/i;

function placeNames(job: Record<string, unknown>): string[] {
  const secondary = Array.isArray(job.secondaryLocations) ? job.secondaryLocations.map((l) => (isRecord(l) ? str(l.location) : str(l))) : [];
  return [str(job.location), ...secondary].filter((s): s is string => s !== null && !PLACE_COUNT.test(s));
}

function locationsOf(job: Record<string, unknown>, remote: boolean): string[] {
  const names = placeNames(job);
  if (!names.length && isRecord(job.address) && isRecord(job.address.postalAddress)) {
    const a = job.address.postalAddress;
    const place = formatPlace(str(a.addressLocality), str(a.addressRegion), str(a.addressCountry));
    if (place) names.push(place);
  }
  // "North America" on a remote role means "remote, from North America".
  return names.map((n) => (remote && !/remote/i.test(n) ? `Remote, ${n}` : n));
}

function isAshbyJob(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && typeof v.title === 'string' && ('descriptionHtml' in v || 'descriptionPlain' in v) && ('jobUrl' in v || 'isListed' in v || 'employmentType' in v);
}

function jobFromBoard(json: unknown, want?: SiteRequest): Record<string, unknown> | null {
  if (isAshbyJob(json)) return json;
  if (!isRecord(json) || !Array.isArray(json.jobs)) return null;
  const jobs = json.jobs.filter(isAshbyJob);
  if (want?.jobId) return jobs.find((j) => str(j.id)?.toLowerCase() === want.jobId?.toLowerCase()) ?? null;
  return jobs.length === 1 ? (jobs[0] ?? null) : null;
}

/**
 * Remote, hybrid or on-site. `workplaceType` is the employer's answer; `isRemote` is not one:
 * Ashby sets it on many office and hybrid jobs. Without `workplaceType` it counts only when the
 * job's own place names say remote too ("Remote U.S."); otherwise the text decides.
 */
function workplaceOf(job: Record<string, unknown>): ReturnType<typeof mapWorkplace> {
  const stated = mapWorkplace(str(job.workplaceType));
  if (stated) return stated;
  return job.isRemote === true && placeNames(job).some((n) => /\bremote\b/i.test(n)) ? 'remote' : null;
}

/** The board a job's own URL names ("ramp" in jobs.ashbyhq.com/ramp/…). */
function boardOf(job: Record<string, unknown>): string | null {
  for (const key of ['jobUrl', 'applyUrl']) {
    const m = /^https?:\/\/jobs\.ashbyhq\.com\/([^/?#]+)/i.exec(str(job[key]) ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

/** One job of an Ashby board as a posting. */
export function readAshbyJob(job: Record<string, unknown>): ReadResult {
  const workplace = workplaceOf(job);
  const locations = locationsOf(job, workplace === 'remote');
  const facts = compactFacts({
    title: str(job.title),
    locations,
    workplace,
    employmentType: mapEmploymentType(str(job.employmentType)),
    pay: payOf(job.compensation, locations),
    posted: formatPostedDate(str(job.publishedAt)),
  });
  const body = str(job.descriptionHtml) ? htmlToText(str(job.descriptionHtml) ?? '') : str(job.descriptionPlain);
  const comp = isRecord(job.compensation) ? str(job.compensation.compensationTierSummary) : null;
  // The board never names the company: its slug does when the text spells it; else unknown (null), never a guess.
  const structured = { ...facts, company: companyFromSlug(boardOf(job), body ?? '') };
  return { text: composeText(structured, [body, comp ? `Compensation: ${comp}` : null]), structured, site: 'ashby' };
}

/**
 * The elements of the top-level object's "jobs" array, one JSON text at a time, from a board
 * answer read chunk by chunk: only the element being read is held, so a board of any size
 * costs the memory of its largest job. (A streaming-parser package would have to be installed
 * in the tree every worktree shares; this scanner only tracks strings and nesting.)
 */
export class BoardJobScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The last string closed at depth 1: the key of the value that follows. */
  private key = '';
  private keyText: string[] | null = null;
  private inJobs = false;
  private item: string[] | null = null;
  private itemStart = 0;

  constructor(private readonly onItem: (json: string) => boolean) {}

  /** Feeds decoded text; true once onItem asked to stop. */
  push(text: string): boolean {
    let i = 0;
    if (this.item) this.itemStart = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.keyText) {
            this.keyText.push(text.slice(this.keyStart, i));
            this.key = this.keyText.join('');
            this.keyText = null;
          }
        } else if (!this.keyText) {
          // Skip the rest of a long string (a job's description) in one step.
          const next = nextSpecial(text, i);
          i = next;
          continue;
        }
        i++;
        continue;
      }
      if (c === 0x22) {
        this.inString = true;
        if (this.depth === 1 && !this.inJobs) {
          this.keyText = [];
          this.keyStart = i + 1;
        }
      } else if (c === 0x7b || c === 0x5b) {
        this.depth++;
        if (this.depth === 2 && c === 0x5b && this.key === 'jobs') this.inJobs = true;
        else if (this.inJobs && this.depth === 3 && c === 0x7b) {
          this.item = [];
          this.itemStart = i;
        }
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.item && this.depth === 2) {
          this.item.push(text.slice(this.itemStart, i + 1));
          const json = this.item.join('');
          this.item = null;
          if (this.onItem(json)) return true;
        } else if (this.inJobs && this.depth === 1) this.inJobs = false;
      }
      i++;
    }
    if (this.item) this.item.push(text.slice(this.itemStart));
    if (this.keyText) {
      this.keyText.push(text.slice(this.keyStart));
      this.keyStart = 0;
    }
    return false;
  }

  private keyStart = 0;
}

/** The index of the next quote or backslash at or after i (the end when there is none). */
function nextSpecial(text: string, i: number): number {
  const q = text.indexOf('"', i);
  const b = text.indexOf('\\', i);
  const n = q < 0 ? b : b < 0 ? q : Math.min(q, b);
  return n < 0 ? text.length : n;
}

/** Reads a board answer as it arrives and stops at the job the link named. */
function streamBoard(want: SiteRequest): StreamingRead {
  const decoder = new TextDecoder('utf-8');
  const id = want.jobId?.toLowerCase() ?? '';
  let job: Record<string, unknown> | null = null;
  const scanner = new BoardJobScanner((text) => {
    // Most jobs are not the one: look for the id before parsing.
    if (id && !text.toLowerCase().includes(id)) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return false;
    }
    if (isAshbyJob(parsed) && str(parsed.id)?.toLowerCase() === id) {
      job = parsed;
      return true;
    }
    return false;
  });
  let done = false;
  return {
    push(chunk) {
      if (done) return true;
      done = scanner.push(decoder.decode(chunk, { stream: true }));
      return done;
    },
    end() {
      if (!done) scanner.push(decoder.decode());
      return job ? readAshbyJob(job) : null;
    },
  };
}

export const ashby: SiteReader = {
  site: 'ashby',
  match(url, baseUrl) {
    if (!/^jobs\.ashbyhq\.com$/i.test(url.hostname)) return null;
    const path = /^\/([^/]+)\/([0-9a-f-]{36})/i.exec(url.pathname);
    if (!path?.[1] || !path[2]) return null;
    const base = (baseUrl ?? ASHBY_API).replace(/\/$/, '');
    return { apiUrl: `${base}/posting-api/job-board/${encodeURIComponent(decodeURIComponent(path[1]))}?includeCompensation=true`, accept: 'json', jobId: path[2] };
  },
  recognize(json) {
    return isAshbyJob(json) || (isRecord(json) && Array.isArray(json.jobs) && (json.jobs.length === 0 ? 'apiVersion' in json : isAshbyJob(json.jobs[0])));
  },
  fromJson(json, want): ReadResult | null {
    const job = jobFromBoard(json, want);
    return job ? readAshbyJob(job) : null;
  },
  // A link names one job of a board that can be megabytes: read the answer as it streams and stop there.
  streamRead: (want) => (want.jobId ? streamBoard(want) : null),
};
