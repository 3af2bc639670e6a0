import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { detectPosting } from '../../src/detect/index.js';
import { GATE_MAX_CHARS, mightBePosting } from '../../src/detect/gate.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every pasted posting the project holds, labelled or not: fixtures, seeds, real captures, the shared corpus. */
function pastes(): Array<[string, string]> {
  const dirs = ['fixtures/detect/postings', 'fixtures/postings', 'fixtures/heldout', 'fixtures/heldout-clean', 'fixtures/seeds', 'fixtures/real/a', 'fixtures/real/b', 'fixtures/real/c', '../shared/corpus', '../shared/seeds'];
  const out: Array<[string, string]> = [];
  for (const d of dirs) {
    const dir = path.join(repo, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) out.push([`${d}/${f}`, readFileSync(path.join(dir, f), 'utf8')]);
  }
  return out;
}

const full = (text: string): boolean => detectPosting(cleanPosting(text).text).isPosting;

describe('the chat fast path', () => {
  it('lets through every posting the full detector finds, as pasted and flattened to one line', () => {
    const missed: string[] = [];
    let postings = 0;
    for (const [name, text] of pastes()) {
      for (const [form, t] of [['as pasted', text], ['one line', text.replace(/\s*\n\s*/g, ' ')]] as const) {
        if (!full(t)) continue;
        postings++;
        if (!mightBePosting(t)) missed.push(`${name} (${form})`);
      }
    }
    expect(postings).toBeGreaterThan(150);
    expect(missed).toEqual([]);
  });

  it('lets through compact job ads short enough to be gated', () => {
    const ads = [
      "We're hiring a product designer in NYC ($140-170k), DM me",
      'Hiring: Senior Backend Engineer | Remote (US) | $160k-$190k | apply at acme.dev/jobs',
      'Acme | Staff Engineer | Berlin | Onsite | €90k',
      'Wir suchen eine Werkstudentin (m/w/d) im Marketing, 20h/Woche',
    ];
    for (const ad of ads) expect(mightBePosting(ad), ad).toBe(true);
  });

  it('dismisses everyday chat without the full pass', () => {
    const chat = [
      'lol did anyone see the game last night',
      'anyone know if Stripe sponsors H-1B?',
      'hmm, $150k seems low for senior in NYC tbh',
      'The interview went well I think, they asked about system design',
      'ok sounds good, will send the doc after lunch',
    ];
    for (const c of chat) expect(mightBePosting(c), c).toBe(false);
  });

  it('never rejects what the full detector would call a posting (random texts from posting pieces)', () => {
    const PIECES = [
      "We're hiring", 'we are looking for', 'Senior Software Engineer', 'Acme Corp', 'Remote (US)', 'Hybrid', '$120-150k', '£50,000–£60,000',
      '5+ years of experience', "Bachelor's degree", 'Apply now', 'to apply, email jobs@acme.dev', 'Requirements:', 'Responsibilities',
      'Benefits', 'Location: Austin, TX', 'Salary: $90k', 'Job Type: Full-time', 'Equal Opportunity Employer', '(m/w/d)',
      'Acme | Engineer | NYC', 'lol', 'thanks!', 'anyone?', 'full-time', 'health insurance', 'Python, Go', 'you will build', '&amp;', '<b>',
      'Weâ€™re hiring', 'buscamos', 'open role', '401(k)', 'PTO',
    ];
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).chain((parts) =>
      fc.array(fc.constantFrom(' ', '\n', '. ', ', ', ' | ', ':  ', '\n• ', '\n- ', '  ', '\n\n', ' \t'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        if (!mightBePosting(t)) expect(full(t), t).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('sends long texts and texts cleaning would rewrite down the full path', () => {
    expect(mightBePosting('word '.repeat(GATE_MAX_CHARS))).toBe(true);
    expect(mightBePosting('&lt;h2&gt;Requirements&lt;/h2&gt;')).toBe(true);
    expect(mightBePosting('Weâ€™re looking for a nurse')).toBe(true);
  });
});
