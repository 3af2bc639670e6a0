import { z } from 'zod';
import { CURRENCY_PREFIX, formatMoney, periodSuffix } from '../card/amount.js';
import { ISO_CODES } from '../extract/pay/currency.js';
import { PayPeriod, SENIORITIES, Seniority, SponsorshipStance } from '../posting.js';

/**
 * The watch filter language (`/jd watch level:senior+ sponsorship:yes,considered
 * place:"New York",remote pay:>=150k title:"data engineer" skill:python`): the text is cut
 * into `key:value,value` terms, each term's values are read by a zod schema into the typed
 * WatchFilter, and formatFilter writes a filter back in its one canonical form. Commas mean
 * "or" within a term; terms mean "and". A bare `remote` is `place:remote`.
 */

/** A level, and whether any level above it counts too (`senior+`). */
export const LevelTerm = z.object({ at: Seniority, orAbove: z.boolean() });
export type LevelTerm = z.infer<typeof LevelTerm>;

/** A pay floor in its own currency and period: a band counts when its top reaches it, in the same currency, annualised. */
export const PayFloor = z.object({ min: z.number().positive().finite(), currency: z.string().regex(/^[A-Z]{3}$/), period: PayPeriod });
export type PayFloor = z.infer<typeof PayFloor>;

/** A word or phrase as typed: no quotes, commas or colons (they would not read back). */
const Phrase = z.string().trim().min(1).max(60).regex(/^[^",:“”]+$/, 'no quotes, commas or colons inside a value');
/** Alternatives (any one will do); the filter holds a list of these, all of which must hold. */
const AnyOf = z.array(Phrase).min(1).max(20);

export const WatchFilter = z
  .object({
    levels: z.array(LevelTerm).min(1).max(12).optional(),
    sponsorship: z.array(SponsorshipStance).min(1).max(4).optional(),
    places: z
      .object({ names: z.array(Phrase).max(20), remote: z.boolean() })
      .refine((p) => p.names.length > 0 || p.remote, { message: 'name a place, or remote' })
      .optional(),
    pay: PayFloor.optional(),
    title: z.array(AnyOf).min(1).max(5).optional(),
    skills: z.array(AnyOf).min(1).max(5).optional(),
  })
  .refine((f) => Object.values(f).some((v) => v !== undefined), { message: 'say what to watch for' });
export type WatchFilter = z.infer<typeof WatchFilter>;

/** The form a person is shown when a filter does not read. */
export const FILTER_EXAMPLE = 'level:senior+ sponsorship:yes,considered place:"New York" remote pay:>=150k title:"data engineer" skill:python';
const MAX_FILTER_CHARS = 500;

/** Words people use for levels, beside the contract's own. */
const LEVEL_WORDS: Readonly<Record<string, Seniority>> = {
  ...Object.fromEntries(SENIORITIES.map((s) => [s, s])),
  junior: 'entry', jr: 'entry', sr: 'senior', 'senior manager': 'senior-manager', seniormanager: 'senior-manager',
  exec: 'executive', 'mid-level': 'mid', midlevel: 'mid',
};
const STANCE_WORDS: Readonly<Record<string, SponsorshipStance>> = {
  yes: 'yes', considered: 'considered', consider: 'considered', maybe: 'considered', no: 'no', unstated: 'unstated', unknown: 'unstated',
};
const PERIOD_WORDS: Readonly<Record<string, PayPeriod>> = {
  hr: 'hour', hour: 'hour', h: 'hour', day: 'day', d: 'day', wk: 'week', week: 'week', w: 'week',
  mo: 'month', month: 'month', yr: 'year', year: 'year', y: 'year', annum: 'year',
};
/** What each key is called, with the names people guess. */
const KEYS: Readonly<Record<string, FilterKey>> = {
  level: 'level', levels: 'level', seniority: 'level',
  sponsorship: 'sponsorship', visa: 'sponsorship', sponsor: 'sponsorship',
  place: 'place', places: 'place', location: 'place', where: 'place', in: 'place',
  pay: 'pay', salary: 'pay',
  title: 'title',
  skill: 'skill', skills: 'skill',
};
type FilterKey = 'level' | 'sponsorship' | 'place' | 'pay' | 'title' | 'skill';

/** Currency marks a pay floor may start with, longest first: the card's symbols, `$` for dollars, and ISO codes. */
const CURRENCY_MARKS: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(CURRENCY_PREFIX).map(([code, mark]): readonly [string, string] => [mark, code]),
  ['US$', 'USD'] as const, ['C$', 'CAD'] as const, ['$', 'USD'] as const,
  ...ISO_CODES.filter((c) => c !== 'RMB').map((c): readonly [string, string] => [c, c]),
].sort((a, b) => b[0].length - a[0].length);
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, l: 1e5, cr: 1e7 };

const LevelValue = z
  .string()
  .transform((v, ctx): LevelTerm => {
    const orAbove = /\+$/.test(v);
    const at = LEVEL_WORDS[v.replace(/\+$/, '').toLowerCase()];
    if (!at) {
      ctx.addIssue({ code: 'custom', message: `“${v}” is not a level (try ${['entry', 'mid', 'senior+', 'staff+', 'director+'].join(', ')})` });
      return z.NEVER;
    }
    return { at, orAbove };
  });

const StanceValue = z.string().transform((v, ctx): SponsorshipStance => {
  const stance = STANCE_WORDS[v.toLowerCase()];
  if (!stance) {
    ctx.addIssue({ code: 'custom', message: `“${v}” is not a sponsorship stance (yes, considered, no, unstated)` });
    return z.NEVER;
  }
  return stance;
});

/** `>=150k`, `150k+`, `$150,000`, `€50k/yr`, `45/hr`, `CHF 120k`, `120kCHF`, `₹12L`: a floor in its currency and period (default US dollars a year). */
const PayValue = z.string().transform((raw, ctx): PayFloor => {
  const fail = (): never => {
    ctx.addIssue({ code: 'custom', message: `“${raw}” is not a pay floor (try pay:>=150k, pay:>=€60k, pay:>=45/hr)` });
    return z.NEVER;
  };
  let rest = raw.trim().replace(/^(?:>=|≥|>|from\b)\s*/i, '');
  let currency: string | undefined;
  const mark = CURRENCY_MARKS.find(([m]) => rest.toUpperCase().startsWith(m.toUpperCase()));
  if (mark) {
    currency = mark[1];
    rest = rest.slice(mark[0].length).trim();
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m|l|cr)?\s*([A-Za-z]{3})?\s*\+?\s*(?:(?:\/|per\s+|an?\s+)([a-z]+))?\s*\+?$/i.exec(rest);
  if (!m) return fail();
  const [, whole = '', fraction, scale, code, periodWord] = m;
  if (code) {
    const upper = code.toUpperCase();
    if (currency || !(ISO_CODES as readonly string[]).includes(upper)) return fail();
    currency = upper;
  }
  const period = periodWord ? PERIOD_WORDS[periodWord.toLowerCase()] : 'year';
  if (!period) return fail();
  const value = Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`) * (scale ? (MULTIPLIERS[scale.toLowerCase()] ?? 1) : 1);
  const min = Math.round(value * 100) / 100;
  if (!(min > 0) || !Number.isFinite(min)) return fail();
  return { min, currency: currency ?? 'USD', period };
});

const PhraseValue = Phrase.transform((v) => v.replace(/\s+/g, ' '));

export type ParsedFilter = { ok: true; filter: WatchFilter } | { ok: false; error: string };

/** Read a filter; a filter that does not read gets one short line saying what is wrong and the right form. */
export function parseFilter(text: string): ParsedFilter {
  const fail = (problem: string): ParsedFilter => ({ ok: false, error: `I couldn't read that filter: ${problem}. The form is \`${FILTER_EXAMPLE}\`.` });
  if (text.trim() === '') return fail('it is empty');
  if (text.length > MAX_FILTER_CHARS) return fail(`it is longer than ${MAX_FILTER_CHARS} characters`);
  const terms = splitTerms(text);
  if ('error' in terms) return fail(terms.error);
  const raw: { levels?: LevelTerm[]; sponsorship?: SponsorshipStance[]; places?: { names: string[]; remote: boolean }; pay?: PayFloor; title?: string[][]; skills?: string[][] } = {};
  for (const term of terms) {
    const key = term.key === null ? (term.values[0]?.toLowerCase() === 'remote' ? 'place' : null) : KEYS[term.key.toLowerCase()];
    if (term.key === null && key === null) return fail(`“${term.values[0]}” needs a key before it (like level:${term.values[0]})`);
    if (!key) return fail(`“${term.key}” is not something I can watch (use level, sponsorship, place, pay, title or skill)`);
    const once = (field: keyof typeof raw): string | null => (raw[field] !== undefined ? `${key} is given twice: put its choices in one term, separated by commas` : null);
    const read = <T>(schema: z.ZodType<T>, values: readonly string[]): T[] | string => {
      const out: T[] = [];
      for (const v of values) {
        const r = schema.safeParse(v);
        if (!r.success) return r.error.issues[0]?.message ?? `“${v}” does not read`;
        out.push(r.data);
      }
      return out;
    };
    let problem: string | null = null;
    switch (key) {
      case 'level': {
        const levels = read(LevelValue, term.values);
        problem = once('levels') ?? (typeof levels === 'string' ? levels : ((raw.levels = dedupe(levels, (l) => `${l.at}${l.orAbove}`)), null));
        break;
      }
      case 'sponsorship': {
        const stances = read(StanceValue, term.values);
        problem = once('sponsorship') ?? (typeof stances === 'string' ? stances : ((raw.sponsorship = dedupe(stances, (s) => s)), null));
        break;
      }
      case 'place': {
        const places = raw.places ?? { names: [], remote: false };
        for (const v of term.values) {
          if (v.toLowerCase() === 'remote') places.remote = true;
          else {
            const name = PhraseValue.safeParse(v);
            if (!name.success) problem = `place “${v}”: ${name.error.issues[0]?.message ?? 'does not read'}`;
            else if (!places.names.some((n) => n.toLowerCase() === name.data.toLowerCase())) places.names.push(name.data);
          }
        }
        raw.places = places;
        break;
      }
      case 'pay': {
        if (term.values.length !== 1) problem = 'pay takes one floor (pay:>=150k)';
        else {
          const floor = PayValue.safeParse(term.values[0]);
          problem = once('pay') ?? (floor.success ? ((raw.pay = floor.data), null) : (floor.error.issues[0]?.message ?? 'pay does not read'));
        }
        break;
      }
      case 'title':
      case 'skill': {
        const words = read(PhraseValue, term.values);
        if (typeof words === 'string') problem = `${key} ${words}`;
        else if (key === 'title') raw.title = [...(raw.title ?? []), dedupe(words, (w) => w.toLowerCase())];
        else raw.skills = [...(raw.skills ?? []), dedupe(words, (w) => w.toLowerCase())];
        break;
      }
    }
    if (problem) return fail(problem);
  }
  const parsed = WatchFilter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue ? `${issue.path.join('.') || 'filter'}: ${issue.message}` : 'it does not read');
  }
  return { ok: true, filter: parsed.data };
}

interface Term {
  key: string | null;
  values: string[];
  /** Pay keeps its commas (`$158,625`): its raw value, unsplit. */
  raw: string;
}

/** Cut the text into terms: `key:value,"a value",…` or a bare word, quotes keeping spaces and commas in. */
function splitTerms(text: string): Term[] | { error: string } {
  const terms: Term[] = [];
  const source = text.replace(/[“”]/g, '"');
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i] as string)) i++;
    if (i >= source.length) break;
    let key: string | null = null;
    const keyMatch = /^([A-Za-z]+):/.exec(source.slice(i));
    if (keyMatch) {
      key = keyMatch[1] as string;
      i += keyMatch[0].length;
    }
    const values: string[] = [];
    let current = '';
    let raw = '';
    let quoted = false;
    for (; i < source.length; i++) {
      const c = source[i] as string;
      if (c === '"') {
        quoted = !quoted;
        continue;
      }
      if (!quoted && /\s/.test(c)) break;
      raw += c;
      if (!quoted && c === ',') {
        values.push(current.trim());
        current = '';
      } else current += c;
    }
    if (quoted) return { error: 'a quote is not closed' };
    values.push(current.trim());
    if (values.some((v) => v === '')) return { error: key ? `${key} has an empty value` : 'a stray comma' };
    terms.push({ key, values: key?.toLowerCase() === 'pay' || key?.toLowerCase() === 'salary' ? [raw.trim()] : values, raw });
  }
  return terms;
}

function dedupe<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/** A value as the canonical form writes it: quoted when it holds a space. */
function quote(value: string): string {
  return /[\s,]/.test(value) ? `"${value}"` : value;
}

/** A pay floor as the canonical form (and the explanation) writes its amount: `$150k`, `€50k/yr`, `$45/hr`. */
export function formatFloor(pay: PayFloor): string {
  return `${formatMoney(pay.min, pay.currency)}${periodSuffix(pay.period, pay.currency)}`;
}

/** A filter in its one canonical form: what `/jd watch` lists, and what parseFilter reads back to the same filter. */
export function formatFilter(filter: WatchFilter): string {
  const terms: string[] = [];
  if (filter.levels) terms.push(`level:${filter.levels.map((l) => `${l.at}${l.orAbove ? '+' : ''}`).join(',')}`);
  if (filter.sponsorship) terms.push(`sponsorship:${filter.sponsorship.join(',')}`);
  if (filter.places) {
    const values = [...filter.places.names.map(quote), ...(filter.places.remote ? ['remote'] : [])];
    if (values.length > 0) terms.push(`place:${values.join(',')}`);
  }
  if (filter.pay) terms.push(`pay:${quote(`>=${formatFloor(filter.pay)}`)}`);
  for (const group of filter.title ?? []) terms.push(`title:${group.map(quote).join(',')}`);
  for (const group of filter.skills ?? []) terms.push(`skill:${group.map(quote).join(',')}`);
  return terms.join(' ');
}
