import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlayground, type Playground } from '../../../adapters/local/server.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';

/** The playground's watches panel and digest preview: through its HTTP API, and in a real browser when Chromium is installed. */
const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const SR_MANAGER_NY = seed('000-builtin-capital-one-sr-manager.txt');
const SENIOR_MLE = seed('003-linkedin-capital-one-senior-mle.txt');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

let playground: Playground;
let base: string;
beforeAll(async () => {
  playground = createPlayground({ desk: new Desk({ store: new MemoryStore() }) });
  base = `http://127.0.0.1:${await playground.listen(0)}`;
});
afterAll(() => playground.close());

async function call(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

describe('the playground: watches and digest preview', () => {
  it('watch, share as someone else, see the alert; a bad filter gets the form; unwatch', async () => {
    const watched = await call('/api/watch', { user: 'sam', filter: 'level:senior+ sponsorship:yes,considered place:"New York" pay:>=200k' });
    expect(watched['text']).toMatch(/Watching: senior or above, sponsorship yes or considered, New York, pay from \$200k a year\. Watch #1 saved/);
    expect(watched['watches']).toEqual([{ id: 1, text: 'level:senior+ sponsorship:yes,considered place:"New York" pay:>=$200k', explained: expect.stringMatching(/^Watching: senior or above/) }]);
    expect((await call('/api/watch', { user: 'sam', filter: 'pay:lots' }))['text']).toMatch(/not a pay floor.*The form is/);

    await call('/api/share', { user: 'alex', text: SENIOR_MLE });
    expect((await call('/api/watches?user=sam'))['alerts']).toEqual([]);
    await call('/api/share', { user: 'alex', text: SR_MANAGER_NY });
    const alerts = (await call('/api/watches?user=sam'))['alerts'] as Array<{ intro: string; slack: { text: string } }>;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.intro).toMatch(/watch #1 \(senior or above.*shared by alex/);
    expect(alerts[0]?.slack.text).toMatch(/Sr\. Mgr, Machine Learning Engineering/);
    // Sharing it again, or sharing as sam, alerts nobody anew.
    await call('/api/share', { user: 'sam', text: SR_MANAGER_NY });
    expect((await call('/api/watches?user=sam'))['alerts']).toHaveLength(1);
    expect((await call('/api/unwatch', { user: 'sam', id: 1 }))['watches']).toEqual([]);
  });

  it('previews the digest of what was shared here, for Slack and Discord', async () => {
    const preview = await call('/api/digest?every=weekly');
    expect(preview['kind']).toBe('digest');
    const slack = preview['slack'] as { blocks: Array<{ type: string; text?: { text: string } }> };
    expect(slack.blocks[0]?.text?.text).toMatch(/Job postings digest: 2 shared here this week/);
    const discord = preview['discord'] as { embeds: Array<{ fields: Array<{ name: string }> }> };
    expect(discord.embeds[0]?.fields.map((f) => f.name)).toEqual(['Senior manager (1)', 'Senior (1)']);
  });

  describe.runIf(CHROMIUM)('in a real browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
    }, 60_000);
    afterAll(() => browser?.close());

    it('the watches panel saves a watch, shows the alert a share by another name causes, and the digest preview renders', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      await page.goto(base);
      await page.fill('#user', 'robin');
      await page.fill('#filter', 'level:senior+ place:Richmond');
      await page.click('#watch');
      await page.locator('#watches li', { hasText: 'senior or above, Richmond' }).waitFor();
      await page.fill('#user', 'kim');
      await page.fill('#text', SENIOR_MLE.replace('Senior Machine Learning Engineer', 'Senior Machine Learning Engineer (Fraud)'));
      await page.click('#go');
      await page.waitForSelector('body[data-state="card"]');
      await page.fill('#user', 'robin');
      await page.dispatchEvent('#user', 'change');
      await page.locator('#alerts .alert', { hasText: 'shared by kim' }).waitFor();
      await page.click('#digest');
      await page.locator('#digest-slack', { hasText: 'Job postings digest' }).waitFor();
      expect(await page.innerText('#digest-discord')).toMatch(/Senior \(\d\)/);
      await page.close();
    });
  });
});
