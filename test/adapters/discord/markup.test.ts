import { describe, expect, it } from 'vitest';
import { deskTextForDiscord, unwrapMarkup } from '../../../adapters/discord/markup.js';

describe('Discord markup in incoming messages', () => {
  it('unwraps links whose preview was suppressed with <…>', () => {
    expect(unwrapMarkup('apply at <https://jobs.lever.co/acme/123?lever-source=discord> by Friday'))
      .toBe('apply at https://jobs.lever.co/acme/123?lever-source=discord by Friday');
  });

  it('turns custom emoji into their names and timestamps into dates', () => {
    expect(unwrapMarkup('hiring <:party_parrot:112233445566778899> <a:blob:998877665544332211>'))
      .toBe('hiring :party_parrot: :blob:');
    expect(unwrapMarkup('closes <t:1767225600:D>')).toBe('closes 2026-01-01');
  });

  it('leaves ordinary angle brackets and text alone', () => {
    expect(unwrapMarkup('salary <$150k> and x < y > z')).toBe('salary <$150k> and x < y > z');
  });
});

describe('Desk text sent to Discord', () => {
  it('shows Slack-style shortcodes as emoji and leaves unknown ones', () => {
    expect(deskTextForDiscord('React :page_facing_up: for the full text :shrug:')).toBe('React 📄 for the full text :shrug:');
  });
});
