import type { PayBand } from '../posting.js';
import { formatBand } from './amount.js';
import { cutText, oneLine } from './cut.js';
import type { CardPayGroup } from './types.js';

/** More groups than this and the card shows the first few and counts the rest. */
const MAX_PAY_GROUPS = 6;

/**
 * Collapses identical bands into one group listing every place it prices, in posting order:
 * Cambridge, MA and McLean, VA at the same band become "Cambridge, MA / McLean, VA $158.6k–$181k".
 */
export function collapsePayBands(bands: readonly PayBand[]): { groups: CardPayGroup[]; more: number } {
  const byAmount = new Map<string, CardPayGroup>();
  for (const band of bands) {
    const amount = formatBand(band);
    let group = byAmount.get(amount);
    if (group === undefined) {
      group = { places: [], amount };
      byAmount.set(amount, group);
    }
    const place = band.location === null ? '' : cutText(oneLine(band.location), 80);
    if (place !== '' && !group.places.includes(place)) group.places.push(place);
  }
  const all = [...byAmount.values()];
  if (all.length <= MAX_PAY_GROUPS) return { groups: all, more: 0 };
  const shown = all.slice(0, MAX_PAY_GROUPS - 1);
  return { groups: shown, more: all.length - shown.length };
}
