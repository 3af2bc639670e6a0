import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFullSlack } from '../../../adapters/slack/render/full.js';
import { SLACK_LIMITS, slackBlockTextLength } from '../../../adapters/slack/render/limits.js';
import { hostileText } from '../../card/arbitrary.js';

const paragraph = (i: number, size: number): string => `Paragraph ${i}. ${'Build reliable data pipelines. '.repeat(Math.ceil(size / 31))}`.slice(0, size).trim();

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('renderFullSlack', () => {
  it('posts a short posting as one message with a heading', () => {
    const messages = renderFullSlack('Senior MLE', 'About the role\n\nYou will build things.');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Full posting: Senior MLE', emoji: false } });
    expect(messages[0]?.text).toBe('Full posting: Senior MLE');
    expect(messages[0]?.blocks.slice(1).map((b) => b.type)).toEqual(['section']);
  });

  it('splits on paragraph boundaries, never inside a paragraph that fits', () => {
    const paras = Array.from({ length: 12 }, (_, i) => paragraph(i, 900));
    const messages = renderFullSlack('Role', paras.join('\n\n'));
    const sections = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    for (const s of sections) {
      if (s.type !== 'section' || !s.text) continue;
      for (const piece of s.text.text.split('\n\n')) expect(paras).toContain(piece);
    }
    expect(sections.length).toBeGreaterThan(3);
  });

  it('spreads a 200 KB posting over several messages, each within Slack limits, losing nothing', () => {
    const text = Array.from({ length: 220 }, (_, i) => paragraph(i, 950)).join('\n\n');
    const messages = renderFullSlack('Huge', text);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages[1]?.text).toMatch(/\(part 2 of \d+\)$/);
    const rebuilt = messages.flatMap((m) => m.blocks).flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    expect(unescape(rebuilt.join('\n\n'))).toBe(text);
  });

  it('escapes mentions and links in the posting text', () => {
    const [m] = renderFullSlack('<!channel>', 'Hello <!here> and <@U0123ABCD> & <https://evil.example|x>');
    const json = JSON.stringify(m?.blocks);
    expect(json).not.toContain('<!');
    expect(json).not.toContain('<@');
    expect(json).not.toContain('<https');
  });

  it('keeps every message within the block, section and total limits for any text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, text) => {
        const messages = renderFullSlack(title, text);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
          expect(slackBlockTextLength(m.blocks)).toBeLessThan(SLACK_LIMITS.totalBlockText);
          expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
          for (const b of m.blocks) {
            if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
            if (b.type === 'section') {
              expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
              expect(b.text?.text.length ?? 0).toBeGreaterThan(0);
            }
          }
          expect(JSON.stringify(m)).not.toMatch(/<[!@#]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
