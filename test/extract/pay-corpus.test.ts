/**
 * Report: pay over ../shared/corpus (measured, never copied), each file read as the project
 * reads a document (src/links/read.ts), so pages and API answers give the pay a link gives. Each posting's
 * bands must equal the labelled ones (min, max, currency, period); where a posting prices
 * places differently, each band must sit on the right place. Skips when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPay } from '../../src/extract/pay.js';
import type { PayBand } from '../../src/posting.js';
import { readSavedDocument } from '../saved-document.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repo, '../shared/corpus');
const present = existsSync(path.join(corpus, 'labels.json'));

interface LabelPlace { location: string | null; min: number | null; max: number | null; currency: string | null; period: string | null }
interface Label { file: string; locations: LabelPlace[] }

/**
 * The bands the project gives a corpus file: the file goes through the link reader, and as in
 * extractPosting a band the source gives as data wins over what the text says.
 */
function bandsOf(file: string, locations: string[]): { bands: PayBand[]; from: 'data' | 'text' } {
  const read = readSavedDocument(path.join(corpus, file));
  const given = read.structured.pay ?? [];
  if (given.length > 0) return { bands: given, from: 'data' };
  return { bands: extractPay(read.text, { locations }).map((f) => f.band), from: 'text' };
}

const ALIASES: Record<string, string> = { uk: 'united kingdom', us: 'united states', usa: 'united states', nyc: 'new york' };
const city = (s: string): string => {
  const c = s.toLowerCase().split(/[,(]/)[0]?.trim() ?? '';
  return ALIASES[c] ?? c;
};
const samePlace = (a: string, b: string): boolean => {
  const x = city(a);
  const y = city(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
};
const valueKey = (b: { min: number | null; max: number | null; currency: string | null; period: string | null }): string =>
  `${b.min}|${b.max}|${b.currency}|${b.period}`;

export function judge(label: Label, bands: PayBand[]): string | null {
  const expected = label.locations.filter((l) => l.min !== null);
  const want = new Set(expected.map(valueKey));
  const got = new Set(bands.map(valueKey));
  if (want.size !== got.size || [...want].some((k) => !got.has(k))) {
    return `values: want [${[...want].join(' ; ')}] got [${[...got].join(' ; ')}]`;
  }
  if (want.size > 1) {
    for (const b of bands) {
      if (b.location === null) return `band ${valueKey(b)} has no place, the posting prices places differently`;
      const ok = expected.some((e) => e.location !== null && samePlace(e.location, b.location ?? '') && valueKey(e) === valueKey(b));
      if (!ok) return `band ${valueKey(b)} on ${b.location}: wrong place`;
    }
  }
  return null;
}

describe.skipIf(!present)('pay over ../shared/corpus (report)', () => {
  const labels = (): Label[] => JSON.parse(readFileSync(path.join(corpus, 'labels.json'), 'utf8')) as Label[];
  // Once with the labelled places as the posting's locations (what the location extractor hands us), once with none.
  it.each([{ name: 'with the posting\'s locations', withPlaces: true }, { name: 'with no locations given', withPlaces: false }])('gets the pay of at least 90% of postings exactly right, $name', ({ withPlaces }) => {
    const misses: string[] = [];
    const fromData: string[] = [];
    const all = labels();
    for (const label of all) {
      const known = withPlaces ? label.locations.map((l) => l.location).filter((l): l is string => l !== null) : [];
      const { bands, from } = bandsOf(label.file, known);
      if (from === 'data') fromData.push(label.file);
      const verdict = judge(label, bands);
      if (verdict !== null) misses.push(`${label.file} (${from}): ${verdict}`);
    }
    const right = all.length - misses.length;
    console.log(`pay exactly right (${withPlaces ? 'locations given' : 'no locations'}): ${right}/${all.length} (${((100 * right) / all.length).toFixed(1)}%); given as data by the reader: ${fromData.join(', ') || 'none'}`);
    for (const m of misses) console.log(`  miss ${m}`);
    expect(right / all.length).toBeGreaterThanOrEqual(0.9);
  });
});
