import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../../src/desk/index.js';
import { createLinkReader } from '../../../src/links/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { html, startHttpSite, type HttpSite } from '../../fakes/http-site.js';
import { messageEvent } from '../../fakes/slack-sign.js';
import { allText, type Running, startHttpApp } from './harness.js';

/** A careers page with schema.org JobPosting data, the way company sites publish them. */
const JOB_PAGE = `<!doctype html><html><head><title>Staff Data Engineer | Riverbend Health</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Staff Data Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Riverbend Health' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Portland', addressRegion: 'OR', addressCountry: 'US' } },
  employmentType: 'FULL_TIME',
  datePosted: '2026-11-02',
  baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 172000, maxValue: 205000, unitText: 'YEAR' } },
  description: '&lt;p&gt;Riverbend Health is looking for a Staff Data Engineer to lead the claims data platform.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;8+ years of experience building data pipelines&lt;/li&gt;&lt;li&gt;Python, Spark and Airflow&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;We are unable to sponsor visas for this role.&lt;/p&gt;',
})}</script></head>
<body><nav>Careers home · Teams · Benefits</nav><main><h1>Staff Data Engineer</h1><p>Riverbend Health is looking for a Staff Data Engineer to lead the claims data platform.</p></main></body></html>`;

let run: Running | undefined;
let site: HttpSite | undefined;
afterEach(async () => {
  await run?.close();
  await site?.close();
  run = undefined;
  site = undefined;
});

async function start(): Promise<{ run: Running; site: HttpSite }> {
  site = await startHttpSite();
  site.route('/careers/jobs/4242', html(JOB_PAGE));
  // Tests fetch from loopback, so private addresses are allowed here (and only here).
  const desk = new Desk({ store: new MemoryStore(), links: createLinkReader({ allowPrivate: true }) });
  run = await startHttpApp({}, { desk });
  return { run, site };
}

describe('Slack app: shared links', () => {
  it('answers a job link with the card read from the page behind it, fetched once', async () => {
    const { run, site } = await start();
    const url = site.url('/careers/jobs/4242?utm_source=slack');
    await run.sender.event(messageEvent({ text: `<${url}|Staff Data Engineer at Riverbend>` }));
    const card = await run.api.waitFor(() => run.api.posted[0]);
    const text = allText(card);
    expect(text).toContain('Staff Data Engineer');
    expect(text).toContain('Riverbend Health');
    expect(text).toContain('$172k–$205k');
    expect(text).toMatch(/Sponsorship:\*? no/);
    expect(card.threadTs).not.toBeNull();

    await run.sender.event(messageEvent({ text: `<${site.url('/careers/jobs/4242')}>`, user: 'U0BOB0001' }));
    const second = await run.api.waitFor(() => run.api.posted[1]);
    expect(allText(second)).toMatch(/shared before/i);
    expect(site.requests.filter((r) => r.startsWith('/careers/jobs/4242'))).toHaveLength(1);
  });

  it('tells the person who shared it (only them) why a job link could not be read, and invites a paste with /jd', async () => {
    const { run, site } = await start();
    await run.sender.event(messageEvent({ text: `<${site.url('/careers/jobs/9999')}>` }));
    const notice = await run.api.waitFor(() => run.api.calls.find((c) => c.method === 'chat.postEphemeral'));
    expect(String(notice.params['text'])).toMatch(/taken down/i);
    expect(String(notice.params['text'])).toContain('/jd');
    expect(run.api.posted).toHaveLength(0);
  });

  it('stays quiet on a link that does not look like a job', async () => {
    const { run, site } = await start();
    await run.sender.event(messageEvent({ text: `look at this <${site.url('/blog/why-we-moved-to-portland')}>` }));
    await run.settle();
    expect(run.api.posted).toHaveLength(0);
    expect(site.requests).toHaveLength(0);
  });

  it('refuses a link to a private address when private addresses are not allowed', async () => {
    site = await startHttpSite();
    site.route('/careers/jobs/4242', html(JOB_PAGE));
    run = await startHttpApp({}, { desk: new Desk({ store: new MemoryStore(), links: createLinkReader({ allowPrivate: false }) }) });
    await run.sender.event(messageEvent({ text: `<${site.url('/careers/jobs/4242')}>` }));
    const notice = await run.api.waitFor(() => run!.api.calls.find((c) => c.method === 'chat.postEphemeral'));
    expect(String(notice.params['text'])).toMatch(/private addresses/i);
    expect(site.requests).toHaveLength(0);
  });
});
