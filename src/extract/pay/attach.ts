/**
 * Which places a pay band is for: a label before the amount ("Cambridge, MA:", "UK:",
 * "United States Salary Range"), a place in the sentence ("in New York, NY is", "for candidates
 * in NYC", "New York-based"), a heading line naming a place, a zone standing for the posting's
 * places inside it, or the posting's places a pay lead-in names.
 */
import { PAY_WORDS } from './context.js';
import { isPlaceLabel, knownPlacesMentioned, placesInZone, splitPlaces } from './place.js';

/** Pay wording a place label ends with ("United States Salary Range", "SF Bay Area Hourly Rate"). */
const TRAILING_PAY_PHRASE = /\s*(?:[-–—:(]\s*)?(?:(?:base|annual|annualized|hourly|monthly|yearly|target|total|full[- ]time|salary|pay|compensation|hiring|wage)\s*)*(?:range|rate|band|scale|salary|pay|compensation|wage)s?\s*(?:\(.*\)\s*)?(?::\s*)?$/i;
const PAY_LABEL_WORDS = /\b(?:base|annual|hourly|monthly|target|total|starting|salary|pay|compensation|range|rate|wage|hiring|band|OTE|CTC|USD|CAD|GBP|EUR|and|benefits)\b/gi;

/** Places a text about pay names, if it is (or ends with) a place label. */
function placesFromPrefix(prefix: string, known: readonly string[]): string[] {
  const cleaned = prefix.replace(/[•*]/g, ' ').trim();
  if (cleaned === '') return [];
  // "Salary: UK:", "Cambridge, MA:", "United States Salary Range", "Remote (US) -"
  const parts = cleaned.split(/:\s*/).map((p) => p.trim()).filter((p) => p.length > 0);
  for (let i = parts.length - 1; i >= 0 && i >= parts.length - 2; i--) {
    const part = parts[i] ?? '';
    for (const candidate of [part, part.replace(TRAILING_PAY_PHRASE, '')]) {
      if (candidate.length > 0 && isPlaceLabel(candidate, known)) return splitPlaces(candidate, known);
    }
  }
  // "The hiring range … in New York, NY is", "… and in Glendale/Santa Monica, CA is", "for London:"
  const inline = /\b(?:in|for|within|of)\s+(?:the\s+)?((?:(?!\b(?:in|for|within)\b)[^:])+?)\s*(?:,?\s*(?:is|are|will be|would be|ranges?|starts?)\b|:|[-–—]|,)?\s*(?:between|from|of|approximately|roughly)?\s*$/i.exec(cleaned);
  const place = inline?.[1];
  if (place !== undefined && isPlaceLabel(place, known)) return splitPlaces(place, known);
  // "For New York-based candidates, the salary range is"
  const based = /\b(?:[Ff]or|[Ii]n)\s+(?:the\s+)?([A-Z][\p{L} .,/'’]+?)[- ]based\b/u.exec(cleaned)?.[1];
  if (based !== undefined && isPlaceLabel(based, known)) return splitPlaces(based, known);
  return [];
}

/** A place named right after the amount: "$185,000 - $215,000 for candidates in NYC". */
export function placesFromSuffix(suffix: string, known: readonly string[]): { places: string[]; length: number } {
  const m = /^\s*(?:(?:USD|CAD|GBP|EUR)\s*)?(?:,\s*)?(?:(?:for|to)\s+(?:(?:candidates|employees|those|people|hires|roles?|positions?|applicants)\s+)?(?:(?:based|located|living|working|hired)\s+)?(?:(?:in|within)\s+)?|(?:in|within)\s+)(?:the\s+)?([^,.;()]+?(?:,\s*[A-Z]{2,3}\b)?)(?=\s*(?:[,.;(]|\band\b|\bor\b|$))/i.exec(suffix);
  // "for remote candidates outside major metros": the band of remote hires.
  const place = m?.[1]?.replace(/^(remote)\s+(?:candidates|employees|workers|hires|roles?|positions?|applicants|staff)\b.*$/i, '$1');
  return place !== undefined && isPlaceLabel(place, known) ? { places: splitPlaces(place, known), length: m?.[0].length ?? 0 } : { places: [], length: 0 };
}

export interface BandPlaceContext {
  /** Text before the amount in its sentence, from the end of the previous amount (and its place). */
  prefix: string;
  /** Places written right after the amount (from placesFromSuffix). */
  suffixPlaces: string[];
  /** The line above when it is a short heading without money, else "". */
  heading: string;
  /** The sentence text before the amount, and the line introducing the block. */
  lead: string;
  leadInLine: string;
  known: readonly string[];
}

export function placesForBand(c: BandPlaceContext): string[] {
  let places = placesFromPrefix(c.prefix, c.known);
  if (places.length === 0) places = c.suffixPlaces;
  // A heading names the place of the band under it ("SF Bay Area Hourly Rate", "Location: London /
  // Bristol / Edinburgh") when nothing but a pay label stands before the amount.
  const bareBand = c.prefix.replace(/[^\p{L}]/gu, '').length === 0;
  const onlyPayLabel = c.prefix.replace(PAY_LABEL_WORDS, '').replace(/[^\p{L}]/gu, '').length <= 3;
  if (places.length === 0 && c.heading !== '' && (bareBand || onlyPayLabel)) {
    places = placesFromPrefix(c.heading, c.known);
  }
  // A zone the posting's places lie in stands for them ("SF Bay Area" → its offices there).
  places = [...new Set(places.flatMap((p) => {
    const inside = placesInZone(p, c.known);
    return inside.length > 0 ? inside : [p];
  }))];
  // The posting's places named after the pay wording ("the base salary range … in the locations
  // of San Francisco, New York, Seattle is:"), not a "Location: Reno, NV … Pay:" header before it.
  if (places.length === 0 && c.known.length > 0) {
    const leadIn = `${PAY_WORDS.test(c.leadInLine) ? c.leadInLine : ''} ${c.lead}`;
    const payWord = PAY_WORDS.exec(leadIn);
    if (payWord) places = knownPlacesMentioned(leadIn.slice(payWord.index + payWord[0].length), c.known);
  }
  return places;
}
