import { NEGATIVE_SIGNALS } from './negative.js';
import { POSITIVE_SIGNALS } from './positive.js';
import type { Signal } from './signal.js';

export interface Detection {
  isPosting: boolean;
  score: number;
  threshold: number;
  /** The signals that decided, strongest first: "+3 a pay figure (“$170k–$200k”)". */
  signals: string[];
}

export const POSTING_THRESHOLD = 6;

/** Enough for any posting; a 5 MB paste is judged on its beginning, in bounded time. */
const MAX_ANALYSED = 60_000;

/** Length: postings run long; chat and questions do not. */
const LENGTH_STEPS: ReadonlyArray<{ atLeast: number; points: number }> = [
  { atLeast: 3000, points: 3 },
  { atLeast: 1500, points: 2 },
  { atLeast: 600, points: 1 },
];
const ONE_LINER = 120;
const COMPACT_AD = 600;
const SHORT_QUESTION = 400;

interface Hit {
  id: string;
  label: string;
  points: number;
  sample: string | null;
  core: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'", apos: "'" };

/** Just enough normalising that patterns see words: HTML entities, odd spaces, line ends. */
function normalise(text: string): string {
  return text
    .slice(0, MAX_ANALYSED)
    .replace(/&(amp|lt|gt|quot|nbsp|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\r\n?/g, '\n');
}

function scoreSignal(signal: Signal, text: string): Hit | null {
  if (signal.maxLength !== undefined && text.length >= signal.maxLength) return null;
  let count = 0;
  let sample: string | null = null;
  const seen = new Set<string>();
  for (const m of text.matchAll(signal.pattern)) {
    const found = m[0].trim();
    if (signal.distinct) {
      const key = found.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
      if (seen.has(key)) continue;
      seen.add(key);
    }
    sample ??= found;
    count += 1;
    if (count >= signal.cap) break;
  }
  if (count === 0 || count < (signal.minHits ?? 1)) return null;
  return { id: signal.id, label: signal.label, points: signal.weight * count, sample, core: signal.core === true };
}

/** Wording that offers a job, which with a role and a pay figure makes a compact job ad. */
const OFFER_IDS: ReadonlySet<string> = new Set(['hiring', 'hiring-other-languages', 'pipe-header', 'labelled-field']);

function structuralHits(text: string, found: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  const has = (id: string): boolean => found.some((h) => h.id === id);
  const length = text.trim().length;
  // "We're hiring a product designer in NYC ($140-170k)": short, but everything a card needs.
  // Longer texts have their headings and length to speak for them.
  if (length < COMPACT_AD && found.some((h) => OFFER_IDS.has(h.id)) && has('title-words') && has('pay')) {
    hits.push({ id: 'compact-ad', label: 'a compact job ad (an offer, a role and pay)', points: 3, sample: null, core: false });
  }
  const step = LENGTH_STEPS.find((s) => length >= s.atLeast);
  if (step) hits.push({ id: 'length', label: `length ${length} characters`, points: step.points, sample: null, core: false });
  if (length < ONE_LINER) hits.push({ id: 'one-liner', label: 'a one-liner', points: -2, sample: null, core: false });
  if (length < SHORT_QUESTION && text.includes('?')) {
    hits.push({ id: 'short-question', label: 'a short message asking something', points: -2, sample: null, core: false });
  }
  const bullets = (text.match(/^[ \t]*(?:[-•*▪◦●·]|\d+[.)])[ \t]+\S/gm) ?? []).length;
  if (bullets >= 3) hits.push({ id: 'list', label: `${bullets} list items`, points: bullets >= 8 ? 2 : 1, sample: null, core: false });
  return hits;
}

function describe(hit: Hit): string {
  const points = `${hit.points > 0 ? '+' : ''}${Number(hit.points.toFixed(2))}`;
  const sample = hit.sample === null ? '' : ` (“${hit.sample.replace(/\s+/g, ' ').slice(0, 40)}”)`;
  return `${points} ${hit.label}${sample}`;
}

/**
 * Decides whether a message is a job posting: a score from weighted signals (headings, pay,
 * years, hiring and applying wording, EEO, length) minus signals of everything else that
 * talks about jobs (questions, recruiter messages, résumés, articles, READMEs, code, chat).
 * A posting also needs at least one signal only postings carry (a heading, "we're hiring",
 * "apply", an EEO statement, labelled job fields): pay and years alone are just job talk.
 */
export function detectPosting(text: string): Detection {
  const analysed = normalise(text);
  const hits: Hit[] = [];
  for (const signal of [...POSITIVE_SIGNALS, ...NEGATIVE_SIGNALS]) {
    const hit = scoreSignal(signal, analysed);
    if (hit !== null) hits.push(hit);
  }
  hits.push(...structuralHits(analysed, hits));
  const score = Number(hits.reduce((sum, h) => sum + h.points, 0).toFixed(2));
  const hasCore = hits.some((h) => h.core);
  const signals = [...hits].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).map(describe);
  if (!hasCore) signals.unshift('no wording that only job postings use (headings, hiring, how to apply)');
  return { isPosting: hasCore && score >= POSTING_THRESHOLD, score, threshold: POSTING_THRESHOLD, signals };
}
