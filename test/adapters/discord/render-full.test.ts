import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_TEXT_FILE_THRESHOLD, renderFullDiscord } from '../../../adapters/discord/render/full.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/render/limits.js';
import { hostileText } from '../../card/arbitrary.js';

const paragraph = (i: number, size: number): string => `Paragraph ${i}. ${'Ship features with the team. '.repeat(Math.ceil(size / 29))}`.slice(0, size).trim();

describe('renderFullDiscord', () => {
  it('sends a short posting as one message with a heading', () => {
    const out = renderFullDiscord('Senior MLE', 'About the role\n\nYou will build things.');
    expect(out).toEqual({ kind: 'messages', contents: ['**Full posting: Senior MLE**\n\nAbout the role\n\nYou will build things.'] });
  });

  it('splits at 2,000 characters on paragraph boundaries', () => {
    const paras = Array.from({ length: 6 }, (_, i) => paragraph(i, 700));
    const out = renderFullDiscord('Role', paras.join('\n\n'));
    if (out.kind !== 'messages') throw new Error('expected messages');
    expect(out.contents.length).toBeGreaterThan(1);
    for (const c of out.contents) {
      expect(c.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      for (const piece of c.replace(/^\*\*Full posting: Role\*\*\n\n/, '').split('\n\n')) expect(paras).toContain(piece);
    }
  });

  it('attaches a 9,000-character posting as one .md file with a note', () => {
    const text = Array.from({ length: 10 }, (_, i) => paragraph(i, 900)).join('\n\n');
    expect(text.length).toBeGreaterThan(FULL_TEXT_FILE_THRESHOLD);
    const out = renderFullDiscord('Senior Machine Learning Engineer (Remote) @everyone', text);
    if (out.kind !== 'file') throw new Error('expected a file');
    expect(out.name).toBe('senior-machine-learning-engineer-remote-everyone.md');
    expect(out.content.startsWith('# Senior Machine Learning Engineer (Remote) @\u200beveryone\n\n')).toBe(true);
    expect(out.content).toContain(paragraph(9, 900));
    expect(out.note).toMatch(/^\*\*Full posting: Senior Machine Learning Engineer \(Remote\) @\u200beveryone\*\* \(\d{1,3}(,\d{3})* characters, attached as a file\)$/);
  });

  it('counts the escaped size: 5,000 characters of markup that would double in messages become a file', () => {
    const text = '*_~`| '.repeat(900);
    expect(text.length).toBeLessThan(FULL_TEXT_FILE_THRESHOLD);
    expect(renderFullDiscord('Role', text).kind).toBe('file');
  });

  it('escapes mentions and markdown in the messages', () => {
    const out = renderFullDiscord('Role', '@everyone look\n# Big heading\n<@123456789012345678> and <@&123456789012345678>\n**bold** 1. one');
    if (out.kind !== 'messages') throw new Error('expected messages');
    const body = out.contents.join('\n');
    expect(body).toContain('@\u200beveryone look');
    expect(body).toContain('\\# Big heading');
    expect(body).toContain('\\<@123456789012345678\\> and \\<@&123456789012345678\\>');
    expect(body).toContain('\\*\\*bold\\*\\*');
  });

  it('keeps every message within 2000 characters and pings nobody, for any text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, text) => {
        const out = renderFullDiscord(title, text);
        const contents = out.kind === 'messages' ? out.contents : [out.note];
        expect(contents.length).toBeGreaterThan(0);
        for (const c of contents) {
          expect(c.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
          expect(c.length).toBeGreaterThan(0);
          expect(c).not.toMatch(/@(everyone|here)/i);
        }
        if (out.kind === 'file') expect(out.content).not.toMatch(/@(everyone|here)/i);
      }),
      { numRuns: 200 },
    );
  });
});
