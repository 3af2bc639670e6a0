import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCard } from '../../src/card/build.js';
import { renderCardText } from '../../src/card/text.js';
import { context, posting } from './arbitrary.js';
import { capitalOneSeniorMle, makePosting } from './make-posting.js';

describe('renderCardText', () => {
  it('prints the whole card, phone-sized, line by line', () => {
    const card = buildCard(capitalOneSeniorMle(), { sharedBy: { platform: 'slack', id: 'U012ABCDEF', name: 'ana' } });
    expect(renderCardText(card).split('\n')).toEqual([
      'Senior Machine Learning Engineer · Capital One · Senior',
      'Cambridge, MA / McLean, VA / Richmond, VA · Full-time',
      'Pay: Cambridge, MA / McLean, VA $158.6k–$181k · Richmond, VA $144.2k–$164.6k',
      'Sponsorship: no — “At this time, Capital One will not sponsor a new applicant for employment authorization, or offer any immigration related benefits for…”',
      'Key requirements:',
      '  • 4+ years of experience',
      "  • Bachelor's degree",
      '  • Python, Scala, Java, scikit-learn, PyTorch +6 more',
      'Posted 1 week ago · LinkedIn · shared by ana',
      'React :page_facing_up: for the full posting',
    ]);
  });

  it('writes the emoji as Unicode for surfaces that do not read shortcodes', () => {
    const text = renderCardText(buildCard(makePosting()), { emoji: 'unicode' });
    expect(text.endsWith('React 📄 for the full posting')).toBe(true);
  });

  it('lists many pay groups one per line instead of one long line', () => {
    const pay = ['San Francisco, CA', 'New York, NY', 'Boston, MA'].map((location, i) => ({
      location, min: 120000 + i * 5000, max: 150000 + i * 5000, currency: 'USD', period: 'year' as const, note: null,
    }));
    const lines = renderCardText(buildCard(makePosting({ pay }))).split('\n');
    expect(lines.slice(2, 6)).toEqual(['Pay:', '  San Francisco, CA $120k–$150k', '  New York, NY $125k–$155k', '  Boston, MA $130k–$160k']);
  });

  it('shows the posting link and where it was first shared', () => {
    const card = buildCard(makePosting({ source: { kind: 'link', url: 'https://jobs.lever.co/acme/1', site: 'lever' } }), {
      sharedBefore: { by: { platform: 'local', id: null, name: 'Bo' }, channelId: 'jobs', at: '2026-11-20T09:00:00Z', link: 'https://example.com/m/1' },
    });
    const text = renderCardText(card);
    expect(text).toContain('Shared before by Bo in #jobs on Nov 20, 2026: https://example.com/m/1');
    expect(text).toContain('\nhttps://jobs.lever.co/acme/1\n');
    expect(text).toContain('\nLever\n');
  });

  it('always states pay and sponsorship, on lines of bounded length, for any posting', () => {
    fc.assert(
      fc.property(posting, context('local'), (p, ctx) => {
        const lines = renderCardText(buildCard(p, ctx)).split('\n');
        expect(lines.some((l) => l.startsWith('Pay:'))).toBe(true);
        expect(lines.some((l) => l.startsWith('Sponsorship: '))).toBe(true);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 150 },
    );
  });
});
