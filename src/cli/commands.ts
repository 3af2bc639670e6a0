// Each command loads what it needs when it runs (`await import`), so `jobcard repair` never
// loads the link readers, the extractor's tables or zod: start-up is most of a short run.
import type { ExplainEntry } from '../clean/index.js';
import type { Posting } from '../posting.js';
import { decodeInput, type Input } from './input.js';

/** A module loaded on first use and kept: a repeated `import()` resolves the specifier again each time. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

const repairModule = lazy(() => import('../repair/index.js'));
const cleanModule = lazy(() => import('../clean/index.js'));
const detectModule = lazy(() => import('../detect/index.js'));
const gateModule = lazy(() => import('../detect/gate.js'));
const linksModule = lazy(() => import('../links/index.js'));
const readModule = lazy(() => import('../links/read.js'));
const extractModule = lazy(() => import('../extract/index.js'));
const cardModule = lazy(() => import('../card/index.js'));
const slackCardModule = lazy(() => import('../../adapters/slack/render/card.js'));
const discordCardModule = lazy(() => import('../../adapters/discord/render/card.js'));

/** What one input produced: the JSON fields for --json, the text for humans, explain lines for stderr. */
export interface Outcome {
  json: Record<string, unknown>;
  human: string;
  explain: string[];
  /** Exit status this input asks for (detect: 1 for "not a posting"). */
  status: 0 | 1;
  /** Print `human` exactly as it is, adding no newline (repair changes nothing but the encoding). */
  verbatim?: boolean;
}

export interface CommandOptions {
  maxBytes: number;
  format: 'text' | 'slack' | 'discord';
  allowPrivate: boolean;
}

export type Command = (input: Input, opts: CommandOptions) => Promise<Outcome>;

function explainLines(entries: readonly ExplainEntry[]): string[] {
  return entries.map((e) => {
    const before = oneLine(e.before);
    if (e.after === '') return `${e.step}: removed (${e.rule}): ${before}`;
    return `${e.step}: ${e.rule}: ${before} → ${oneLine(e.after)}`;
  });
}

function oneLine(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const repair: Command = async (input, opts) => {
  const { repairMojibake } = await repairModule();
  const { text, encoding } = decodeInput(input, opts.maxBytes);
  const result = repairMojibake(text);
  return {
    json: { text: result.text, encoding, repairs: result.repairs },
    human: result.text,
    explain: result.repairs.map((r) => `repair (${r.codec}): ${oneLine(r.before)} → ${oneLine(r.after)}`),
    status: 0,
    verbatim: true,
  };
};

export const clean: Command = async (input, opts) => {
  const { cleanPosting } = await cleanModule();
  const { text, encoding } = decodeInput(input, opts.maxBytes);
  const result = cleanPosting(text);
  return { json: { text: result.text, encoding, explain: result.explain }, human: result.text, explain: explainLines(result.explain), status: 0 };
};

export const detect: Command = async (input, opts) => {
  const { text } = decodeInput(input, opts.maxBytes);
  // The bots' fast path first: a short message with no wording only postings use is chat,
  // decided without cleaning or scoring (so there is no score to show).
  const { mightBePosting } = await gateModule();
  if (!mightBePosting(text)) {
    const why = 'no wording that only job postings use (headings, hiring, how to apply)';
    const { POSTING_THRESHOLD } = await detectModule();
    return { json: { verdict: 'not a posting', isPosting: false, score: null, threshold: POSTING_THRESHOLD, signals: [why], fastPath: true }, human: `not a posting (${why})`, explain: [], status: 1 };
  }
  const [{ cleanPosting }, { detectPosting }] = await Promise.all([cleanModule(), detectModule()]);
  const d = detectPosting(cleanPosting(text).text);
  const verdict = d.isPosting ? 'posting' : 'not a posting';
  const human = `${verdict} (score ${d.score.toFixed(1)}, threshold ${d.threshold})${d.signals.length ? `\n  ${d.signals.join('\n  ')}` : ''}`;
  return { json: { verdict, ...d }, human, explain: [], status: d.isPosting ? 0 : 1 };
};

/** Read a posting from a URL, a saved page or API response, or a pasted text. */
async function postingOf(input: Input, opts: CommandOptions): Promise<{ posting: Posting; explain: string[] }> {
  if (input.kind === 'url') {
    const { createLinkReader } = await linksModule();
    const reader = createLinkReader({ allowPrivate: opts.allowPrivate });
    return { posting: await reader.read(input.name), explain: [] };
  }
  const [{ readDocument }, { cleanPosting }, { extractPosting }] = await Promise.all([
    readModule(),
    cleanModule(),
    extractModule(),
  ]);
  const { text } = decodeInput(input, opts.maxBytes);
  const doc = readDocument(text, { fileName: input.name });
  const cleaned = cleanPosting(doc.text);
  const source = { kind: 'paste' as const, url: null, site: doc.site };
  const posting = extractPosting(cleaned.text, { structured: doc.structured, source });
  return { posting, explain: explainLines(cleaned.explain) };
}

export const extract: Command = async (input, opts) => {
  const { posting, explain } = await postingOf(input, opts);
  const why = Object.entries(posting.provenance).map(([field, p]) => `${field}: ${p.from}${p.detail ? ` (${p.detail})` : ''}${p.line ? `: ${oneLine(p.line)}` : ''}`);
  return { json: { ...posting }, human: summarize(posting), explain: [...explain, ...why], status: 0 };
};

export const card: Command = async (input, opts) => {
  const { posting, explain } = await postingOf(input, opts);
  const { buildCard, renderCardText } = await cardModule();
  const c = buildCard(posting);
  const rendered =
    opts.format === 'slack'
      ? (await slackCardModule()).renderCardSlack(c)
      : opts.format === 'discord'
        ? (await discordCardModule()).renderCardDiscord(c)
        : null;
  const human = rendered ? JSON.stringify(rendered, null, 2) : renderCardText(c);
  return { json: rendered ? { card: rendered } : { text: human }, human, explain, status: 0 };
};

function summarize(p: Posting): string {
  const pay = p.pay.map((b) => `${b.location ?? 'everywhere'}: ${b.min}${b.max !== null && b.max !== b.min ? `–${b.max}` : b.max === null ? '+' : ''} ${b.currency}/${b.period}`);
  const rows: Array<[string, string]> = [
    ['title', p.title ?? '—'],
    ['company', p.company ?? '—'],
    ['level', [p.level.seniority, p.level.track].filter(Boolean).join(' / ') + (p.level.label ? ` ("${p.level.label}")` : '') || '—'],
    ['locations', p.locations.join('; ') || '—'],
    ['workplace', p.workplace ?? '—'],
    ['employment', p.employmentType ?? '—'],
    ['pay', pay.join('; ') || 'not stated'],
    ['sponsorship', `${p.sponsorship.stance}${p.sponsorship.evidence ? `: "${oneLine(p.sponsorship.evidence, 120)}"` : ''}`],
    ['min years', p.requirements.minYears === null ? '—' : String(p.requirements.minYears)],
    ['degree', p.requirements.degree ?? '—'],
    ['skills', p.requirements.skills.join(', ') || '—'],
    ['posted', p.posted ?? '—'],
    ['source', [p.source.kind, p.source.site, p.source.url].filter(Boolean).join(' · ')],
  ];
  return rows.map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n');
}

export const COMMANDS: Record<string, Command> = { clean, repair, extract, card, detect };
