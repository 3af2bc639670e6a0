import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, parseHtml, unescapeHtml, type HtmlDocument, type HtmlNode } from '../../src/links/html.js';
import { PAGE_LIMITS, PAGE_MESSAGES } from '../../src/links/limits.js';
import { userFailure } from './failure.js';

const page = (name: string): string => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url), 'utf8');

describe('htmlToText', () => {
  const text = htmlToText(page('careers-no-jsonld.html'));

  it('keeps headings, paragraphs and list items as blocks with "• " bullets', () => {
    expect(text).toContain('Senior Product Designer\n\nCopperleaf · Denver, CO · Hybrid (3 days in office) · Full-time');
    expect(text).toContain('Responsibilities\n\n• Lead design for our forecasting product from research to shipped UI\n• Run usability studies with municipal finance staff');
  });

  it('keeps the posting’s own header inside <article> but drops the site header, nav and footer', () => {
    expect(text).not.toMatch(/Pricing|Privacy · Terms|© 2026/);
    expect(text.startsWith('Senior Product Designer')).toBe(true);
  });

  it('drops cookie banners, scripts, styles, apply buttons and the related-jobs rail', () => {
    expect(text).not.toMatch(/cookies|dataLayer|display:flex|Apply for this job|More jobs at|Staff Engineer/);
  });

  it('writes a definition list as "Label: value" lines', () => {
    expect(text).toContain('Salary: $135,000 – $155,000 per year');
    expect(text).toContain('Visa sponsorship: Not available');
  });

  it('turns <br> into line breaks and collapses whitespace', () => {
    expect(htmlToText('<p>One\n   line<br>Two&nbsp;&nbsp;lines</p>')).toBe('One line\nTwo lines');
  });

  it('keeps a button that carries a fact rather than an action', () => {
    expect(htmlToText('<h1>Engineer</h1><button class="x"><span>Acme Pty Ltd</span></button><button>Save</button>')).toBe('Engineer\n\nAcme Pty Ltd');
  });
});

describe('unescapeHtml', () => {
  it('turns entity-escaped HTML back into markup, once', () => {
    expect(unescapeHtml('&lt;p&gt;You&amp;rsquo;ll &amp;amp; more&lt;/p&gt;')).toBe('<p>You&rsquo;ll &amp; more</p>');
    expect(htmlToText(unescapeHtml('&lt;p&gt;You&amp;rsquo;ll&lt;/p&gt;'))).toBe('You’ll');
  });
});

describe('lists written with paragraphs inside items', () => {
  it('keeps the bullet when an <li> wraps a <p> (Ashby, Google Docs exports)', () => {
    expect(htmlToText('<p>You have</p><ul><li><p>4+ years of Go</p></li><li><p>On-call experience</p></li></ul><p>Next</p>')).toBe(
      'You have\n\n• 4+ years of Go\n• On-call experience\n\nNext',
    );
  });
});

/** The deepest element nesting under a document, walked without recursion. */
function depthOf(doc: HtmlDocument): number {
  let deepest = 0;
  const pending: Array<[HtmlNode, number]> = doc.children.map((c) => [c, 1]);
  while (pending.length) {
    const [node, depth] = pending.pop() as [HtmlNode, number];
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const c of node.children as HtmlNode[]) pending.push([c, depth + 1]);
  }
  return deepest;
}

const refusal = async (html: string): Promise<{ code: string; message: string }> => userFailure(Promise.resolve().then(() => htmlToText(html)));

describe('parsing a hostile page', () => {
  it('flattens elements nested past the kept depth and keeps their words apart', () => {
    const deep = `${'<div>'.repeat(400)}<p>Senior Data Engineer</p><b>Remote</b>${'</div>'.repeat(400)}<p>After</p>`;
    const doc = parseHtml(deep);
    expect(depthOf(doc)).toBeLessThanOrEqual(PAGE_LIMITS.keptDepth + 1);
    expect(htmlToText(doc)).toMatch(/Senior Data Engineer\s+Remote[\s\S]*After/);
  });

  it.each([
    ['300k unclosed <div>', '<!doctype html><html><body>' + '<div>'.repeat(300_000) + 'x'],
    ['100k nested <div>', '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000)],
    ['20k nested <span>', '<span>'.repeat(20_000) + 'x' + '</span>'.repeat(20_000)],
  ])('refuses %s as too deeply nested, never with a stack overflow', async (_name, html) => {
    expect(await refusal(html)).toEqual({ code: 'too-large', message: PAGE_MESSAGES.tooDeep });
  });

  it('reads a page of stray closing tags under as many open elements as it keeps', () => {
    const html = '<div>'.repeat(PAGE_LIMITS.maxDepth - 10) + 'Senior Data Engineer' + '</x>'.repeat(200_000);
    expect(htmlToText(html)).toBe('Senior Data Engineer');
  });

  it('refuses a page of more elements than any real page has', async () => {
    expect(await refusal('<p>x'.repeat(PAGE_LIMITS.maxElements + 1))).toEqual({ code: 'too-large', message: PAGE_MESSAGES.tooManyElements });
  });

  it('reads thousands of unclosed <p> and <li> as siblings, not as nesting', () => {
    const text = htmlToText('<ul>' + '<li>Python'.repeat(3_000) + '</ul>' + '<p>Para'.repeat(3_000));
    expect(text.split('\n').filter((l) => l === '• Python')).toHaveLength(3_000);
  });

  it('unescapes entity-escaped markup with the same bounds', async () => {
    expect(await userFailure(Promise.resolve().then(() => unescapeHtml('<i>'.repeat(5_000))))).toMatchObject({ message: PAGE_MESSAGES.tooDeep });
  });
});
