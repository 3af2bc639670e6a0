import { describe, expect, it } from 'vitest';
import { unescapeEntities, unwrapSlackMarkup } from '../../../adapters/slack/markup.js';

describe('unwrapSlackMarkup', () => {
  it('keeps a bare link as its URL', () => {
    expect(unwrapSlackMarkup('Apply: <https://jobs.example.com/123>')).toBe('Apply: https://jobs.example.com/123');
  });

  it('keeps the URL of a labelled link and its label when the label says more', () => {
    expect(unwrapSlackMarkup('<https://jobs.example.com/123|Apply on our site>')).toBe('Apply on our site (https://jobs.example.com/123)');
  });

  it('drops a label that only repeats the URL', () => {
    expect(unwrapSlackMarkup('<https://www.linkedin.com/jobs/view/42|www.linkedin.com/jobs/view/42>')).toBe('https://www.linkedin.com/jobs/view/42');
  });

  it('decodes entities inside link URLs once', () => {
    expect(unwrapSlackMarkup('<https://x.example/a?b=1&amp;c=2>')).toBe('https://x.example/a?b=1&c=2');
  });

  it('turns user and channel mentions into plain names', () => {
    expect(unwrapSlackMarkup('ping <@U024BE7LH> in <#C024BE7LR|jobs> or <#C024BE7LQ>')).toBe('ping @U024BE7LH in #jobs or #C024BE7LQ');
    expect(unwrapSlackMarkup('thanks <@U024BE7LH|bob>')).toBe('thanks @bob');
  });

  it('turns special mentions into the words people see, without markup', () => {
    expect(unwrapSlackMarkup('<!channel> <!here> <!everyone>')).toBe('@channel @here @everyone');
    expect(unwrapSlackMarkup('<!subteam^S0614TZR7|@ml-team> please look')).toBe('@ml-team please look');
    expect(unwrapSlackMarkup('due <!date^1392734382^{date_short}|Feb 18, 2014>')).toBe('due Feb 18, 2014');
  });

  it('unescapes the three entities Slack uses', () => {
    expect(unwrapSlackMarkup('R&amp;D, 5 &lt; x &gt; 3')).toBe('R&D, 5 < x > 3');
  });

  it('keeps mail links as the address', () => {
    expect(unwrapSlackMarkup('write to <mailto:jobs@example.com|jobs@example.com>')).toBe('write to jobs@example.com');
  });

  it('leaves text without markup alone, line breaks and all', () => {
    const text = 'Senior Engineer\n\nPay: $150,000 – $180,000\n• Python';
    expect(unwrapSlackMarkup(text)).toBe(text);
  });
});

describe('unescapeEntities', () => {
  it('decodes each entity once', () => {
    expect(unescapeEntities('&amp;lt;')).toBe('&lt;');
  });
});
