import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, unescapeHtml } from '../../src/links/html.js';

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
