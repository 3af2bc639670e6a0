import { formatMoney } from '../card/amount.js';
import type { PayPeriod } from '../posting.js';
import type { LevelTerm, WatchFilter } from './filter.js';

const PER: Readonly<Record<PayPeriod, string>> = { year: 'a year', month: 'a month', week: 'a week', day: 'a day', hour: 'an hour' };

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function level(l: LevelTerm): string {
  const name = l.at.replace('-', ' ');
  return l.orAbove ? `${name} or above` : name;
}

/**
 * A filter in plain words, as `/jd watch` says it back: "Watching: senior or above,
 * sponsorship yes or considered, New York or remote, pay from $150k a year".
 */
export function explainFilter(filter: WatchFilter): string {
  const parts: string[] = [];
  if (filter.levels) parts.push(orList(filter.levels.map(level)));
  if (filter.sponsorship) parts.push(`sponsorship ${orList(filter.sponsorship)}`);
  if (filter.places) parts.push(orList([...filter.places.names, ...(filter.places.remote ? ['remote'] : [])]));
  if (filter.pay) parts.push(`pay from ${formatMoney(filter.pay.min, filter.pay.currency)} ${PER[filter.pay.period]}`);
  for (const group of filter.title ?? []) parts.push(`title with ${orList(group.map((w) => `“${w}”`))}`);
  for (const group of filter.skills ?? []) parts.push(`skill ${orList(group)}`);
  return `Watching: ${parts.join(', ')}`;
}
