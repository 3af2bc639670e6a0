// Each command loads what it needs when it runs (`await import`), so `jobcard repair` never
// loads the link readers, the extractor's tables or zod: start-up is most of a short run.
import type { ExplainEntry } from '../clean/index.js';
import type { Posting } from '../posting.js';
import { decodeInput, type Input } from './input.js';

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
  const { repairMojibake } = await import('../repair/index.js');
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
  const { cleanPosting } = await import('../clean/index.js');
  const { text, encoding } = decodeInput(input, opts.maxBytes);
  const result = cleanPosting(text);
  return { json: { text: result.text, encoding, explain: result.explain }, human: result.text, explain: explainLines(result.explain), status: 0 };
};

export const detect: Command = async (input, opts) => {
  const [{ cleanPosting }, { detectPosting }] = await Promise.all([import('../clean/index.js'), import('../detect/index.js')]);
  const { text } = decodeInput(input, opts.maxBytes);
  const d = detectPosting(cleanPosting(text).text);
  const verdict = d.isPosting ? 'posting' : 'not a posting';
  const human = `${verdict} (score ${d.score.toFixed(1)}, threshold ${d.threshold})${d.signals.length ? `\n  ${d.signals.join('\n  ')}` : ''}`;
  return { json: { verdict, ...d }, human, explain: [], status: d.isPosting ? 0 : 1 };
};

/** Read a posting from a URL, a saved page or API response, or a pasted text. */
async function postingOf(input: Input, opts: CommandOptions): Promise<{ posting: Posting; explain: string[] }> {
  if (input.kind === 'url') {
    const { createLinkReader } = await import('../links/index.js');
    const reader = createLinkReader({ allowPrivate: opts.allowPrivate });
    return { posting: await reader.read(input.name), explain: [] };
  }
  const [{ readDocument }, { cleanPosting }, { extractPosting }] = await Promise.all([
    import('../links/read.js'),
    import('../clean/index.js'),
    import('../extract/index.js'),
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
  const { buildCard, renderCardText } = await import('../card/index.js');
  const c = buildCard(posting);
  const rendered =
    opts.format === 'slack'
      ? (await import('../../adapters/slack/render/card.js')).renderCardSlack(c)
      : opts.format === 'discord'
        ? (await import('../../adapters/discord/render/card.js')).renderCardDiscord(c)
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
