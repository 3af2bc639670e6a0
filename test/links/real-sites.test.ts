import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../scripts/eval.js';
import { readLabels, type Expected } from '../../scripts/eval/labels.js';
import { compare } from '../../scripts/eval/score.js';
import { createLinkReader, type LinkReaderOptions } from '../../src/links/index.js';
import { SITE_READERS, type SiteName } from '../../src/links/sites/index.js';
import type { Resolver } from '../../src/links/ssrf.js';
import type { Posting } from '../../src/posting.js';
import { html, json, startHttpSite, type HttpSite } from '../fakes/http-site.js';

/**
 * The site readers on answers the sites really sent (fixtures/links/real, labelled before any
 * reader ran on them): per site, title, company, locations and workplace at least 90% right,
 * pay and sponsorship at least 95%. Read twice: as saved files (the CLI's and eval's path) and
 * as links, through the real link reader against a loopback stand-in serving each answer at
 * the API address its link maps to.
 */

const DIR = fileURLToPath(new URL('../../fixtures/links/real/', import.meta.url));
const LABELS = readLabels(DIR);
const FIELDS = ['title', 'company', 'locations', 'workplace', 'pay', 'sponsorship'] as const;
const TARGET: Record<(typeof FIELDS)[number], number> = { title: 0.9, company: 0.9, locations: 0.9, workplace: 0.9, pay: 0.95, sponsorship: 0.95 };
const siteOf = (file: string): string => file.split('-')[0] ?? '';

interface Score {
  right: number;
  total: number;
  misses: string[];
}

function scoreBySite(postingOf: (e: Expected) => Posting): Map<string, Map<string, Score>> {
  const sites = new Map<string, Map<string, Score>>();
  for (const e of LABELS) {
    const fields = sites.get(siteOf(e.file)) ?? new Map<string, Score>();
    sites.set(siteOf(e.file), fields);
    for (const r of compare(postingOf(e), e)) {
      if (!(FIELDS as readonly string[]).includes(r.field)) continue;
      const s = fields.get(r.field) ?? { right: 0, total: 0, misses: [] };
      s.total++;
      if (r.outcome === 'right') s.right++;
      else s.misses.push(`${e.file}: got ${JSON.stringify(r.got)}, want ${JSON.stringify(r.expected)}`);
      fields.set(r.field, s);
    }
  }
  return sites;
}

function expectTargets(sites: Map<string, Map<string, Score>>): void {
  for (const [site, fields] of sites) {
    for (const field of FIELDS) {
      const s = fields.get(field);
      if (!s) continue;
      // The misses ride along in the message: a failure says which file and what came out.
      expect(s.right / s.total, `${site} ${field}: ${s.misses.join(' | ')}`).toBeGreaterThanOrEqual(TARGET[field]);
    }
  }
}

describe('real site answers', () => {
  it('has at least 3 answers from at least 2 repositories for every site reader', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'labels.json' && f !== 'README.md');
    expect(new Set(files)).toEqual(new Set(LABELS.map((e) => e.file)));
    const repos = new Map<string, Set<string>>();
    for (const e of JSON.parse(readFileSync(path.join(DIR, 'labels.json'), 'utf8')) as Array<{ file: string; source: string }>) {
      const set = repos.get(siteOf(e.file)) ?? new Set<string>();
      set.add(e.source.split('@')[0] ?? '');
      repos.set(siteOf(e.file), set);
    }
    for (const site of ['ashby', 'greenhouse', 'lever', 'linkedin', 'smartrecruiters', 'workday']) {
      expect(LABELS.filter((e) => siteOf(e.file) === site).length, site).toBeGreaterThanOrEqual(3);
      expect(repos.get(site)?.size ?? 0, site).toBeGreaterThanOrEqual(2);
    }
  });

  it('reads saved answers to the targets, per site', () => {
    expectTargets(scoreBySite((e) => extractFile(path.join(DIR, e.file))));
  });
});

// ---- the same answers, fetched as links -----------------------------------------------------

const noDns: Resolver = async () => {
  throw new Error('no DNS in tests');
};

type Json = Record<string, unknown>;
const readJsonFile = (file: string): Json => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Json;
const firstJob = (j: Json): Json => (Array.isArray(j.jobs) ? (j.jobs[0] as Json) : j);

/** The link a person would paste for each saved answer, from the answer's own URLs. */
function linkOf(file: string): string {
  const site = siteOf(file);
  if (site === 'linkedin') {
    const page = readFileSync(path.join(DIR, file), 'utf8');
    // An answer its owner cut before the job's id gets a stand-in id of its own.
    const id = /jobs\/view\/(?:[\w-]*-)?(\d{6,})/.exec(page)?.[1] ?? /decoratedJobPostingId[^"]*"(\d+)/.exec(page)?.[1] ?? `40000000${LABELS.findIndex((e) => e.file === file)}`;
    return `https://www.linkedin.com/jobs/view/${id}`;
  }
  const j = firstJob(readJsonFile(file));
  if (site === 'ashby') return String(j.jobUrl);
  if (site === 'lever') return String(j.hostedUrl);
  if (site === 'smartrecruiters') return String(j.postingUrl);
  if (site === 'workday') return String((j.jobPostingInfo as Json).externalUrl);
  // Greenhouse answers carry the company's own careers URL; the board link is what gets shared.
  const board = /datadog/.test(file) ? 'datadog' : /stripe/.test(file) ? 'stripe' : 'jamf';
  return `https://job-boards.greenhouse.io/${board}/jobs/${String(j.id)}`;
}

let site: HttpSite;
let options: LinkReaderOptions;

beforeAll(async () => {
  site = await startHttpSite();
  const base = site.origin;
  const baseUrls: Partial<Record<SiteName, string>> = { greenhouse: base, lever: base, ashby: base, workday: base, smartrecruiters: base, linkedin: base };
  options = { allowPrivate: true, fetch: { resolver: noDns, timeoutMs: 5_000, log: { warn: () => undefined } }, baseUrls, linkedInIntervalMs: 0 };
  // Two jobs of one Ashby board are one board answer, with both jobs in it.
  const boards = new Map<string, Json[]>();
  for (const e of LABELS) {
    const url = new URL(linkOf(e.file));
    const request = SITE_READERS.map((r) => r.match(url, baseUrls[r.site as SiteName])).find((r) => r !== null);
    if (!request) throw new Error(`${e.file}: ${url.href} is no site reader's link`);
    const api = new URL(request.apiUrl);
    const raw = readFileSync(path.join(DIR, e.file), 'utf8');
    if (e.file.endsWith('.html')) site.route(api.pathname, html(raw));
    else if (siteOf(e.file) === 'ashby') {
      const jobs = [...(boards.get(api.pathname) ?? []), firstJob(JSON.parse(raw) as Json)];
      boards.set(api.pathname, jobs);
      site.route(api.pathname, json({ jobs, apiVersion: '1' }));
    } else site.route(api.pathname, json(siteOf(e.file) === 'greenhouse' ? firstJob(JSON.parse(raw) as Json) : JSON.parse(raw)));
  }
});
afterAll(() => site.close());

describe('real site answers read as links', () => {
  it('reads every answer through its site reader to the targets, per site', async () => {
    const reader = createLinkReader(options);
    const postings = new Map<string, Posting>();
    for (const e of LABELS) postings.set(e.file, await reader.read(linkOf(e.file)).catch((err: Error) => { throw new Error(`${e.file} (${linkOf(e.file)}): ${err.message}`); }));
    for (const [file, p] of postings) expect(p.source.site, file).toBe(siteOf(file));
    expectTargets(scoreBySite((e) => postings.get(e.file) as Posting));
  });
});
