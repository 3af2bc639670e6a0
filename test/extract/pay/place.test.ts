import { describe, expect, it } from 'vitest';
import { isPlaceLabel, placesInZone, splitPlaces } from '../../../src/extract/pay/place.js';

describe('place labels in pay sections', () => {
  it('knows places from pay wording', () => {
    for (const p of ['Cambridge, MA', 'UK', 'Spain', 'Remote (US)', 'SF Bay Area', 'Zone 2', 'Toronto, ON', 'Glendale/Santa Monica, CA', 'United States']) {
      expect(isPlaceLabel(p), p).toBe(true);
    }
    for (const p of ['Salary', 'Base Pay Range', 'Position', 'The pay range for this role', 'Compensation and Benefits', 'Job Type']) {
      expect(isPlaceLabel(p), p).toBe(false);
    }
  });
  it('splits labels naming several places', () => {
    expect(splitPlaces('Glendale/Santa Monica, CA')).toEqual(['Glendale, CA', 'Santa Monica, CA']);
    expect(splitPlaces('Cambridge, MA / McLean, VA')).toEqual(['Cambridge, MA', 'McLean, VA']);
    expect(splitPlaces('San Francisco, New York, Seattle', ['San Francisco, CA', 'New York, NY', 'Seattle, WA'])).toEqual(['San Francisco, CA', 'New York, NY', 'Seattle, WA']);
    expect(splitPlaces('Tokyo, Japan')).toEqual(['Tokyo, Japan']);
  });
  it('finds the posting\'s places inside a zone', () => {
    expect(placesInZone('SF Bay Area', ['Mountain View, CA', 'San Francisco, CA', 'Austin, TX'])).toEqual(['Mountain View, CA', 'San Francisco, CA']);
    expect(placesInZone('United States', ['Remote, US', 'Toronto, ON'])).toEqual(['Remote, US']);
    expect(placesInZone('Canada', ['Remote, US'])).toEqual([]);
    expect(placesInZone('California', ['San Francisco, CA', 'Denver, CO'])).toEqual(['San Francisco, CA']);
    expect(placesInZone('Zone A (SF, NYC, Seattle)', ['San Francisco, CA', 'Seattle, WA', 'Denver, CO'])).toEqual(['San Francisco, CA', 'Seattle, WA']);
  });
});
