import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlayground, type Playground } from '../../../adapters/local/server.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';

const SEED_003 = readFileSync(new URL('../../../fixtures/seeds/003-linkedin-capital-one-senior-mle.txt', import.meta.url), 'utf8');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Distinct colours in a PNG screenshot (8-bit RGB or RGBA, no interlace: what Chromium writes). */
function distinctColours(png: Buffer): number {
  let offset = 8;
  let width = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels + 1;
  const colours = new Set<number>();
  const prev = Buffer.alloc(stride - 1);
  for (let row = 0; row * stride < raw.length; row++) {
    const filter = raw[row * stride] ?? 0;
    const line = Buffer.from(raw.subarray(row * stride + 1, (row + 1) * stride));
    for (let i = 0; i < line.length; i++) {
      const left = i >= channels ? (line[i - channels] as number) : 0;
      const up = prev[i] as number;
      const upLeft = i >= channels ? (prev[i - channels] as number) : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const add = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      line[i] = ((line[i] as number) + add) & 0xff;
    }
    line.copy(prev);
    for (let i = 0; i + 2 < line.length; i += channels) colours.add(((line[i] as number) << 16) | ((line[i + 1] as number) << 8) | (line[i + 2] as number));
  }
  return colours.size;
}

describe.runIf(CHROMIUM)('the playground in a real browser', () => {
  let playground: Playground;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    playground = createPlayground({ desk: new Desk({ store: new MemoryStore() }) });
    const port = await playground.listen(0);
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('shows seed 003 as Slack and Discord cards with its pay bands and "Sponsorship: no", then "shared before"', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) external.push(r.url());
    });
    await page.goto(base);
    await page.fill('#text', SEED_003);
    await page.click('#go');
    await page.waitForSelector('body[data-state="card"]');

    const slack = await page.innerText('#slack');
    const discord = await page.innerText('#discord');
    for (const preview of [slack, discord]) {
      expect(preview).toContain('$158.6k–$181k');
      expect(preview).toContain('$144.2k–$164.6k');
      expect(preview).toMatch(/Sponsorship:?\s*\n?\s*no\b/);
    }
    expect(slack).toMatch(/Sponsorship: no/);
    expect(await page.innerText('#full')).toContain('Basic Qualifications');

    const shot = await page.screenshot({ fullPage: true });
    expect(distinctColours(shot)).toBeGreaterThan(50);

    await page.click('#go');
    // Locator waits run in Playwright's own world: a string predicate is eval, which the page's CSP forbids.
    await page.locator('#notice', { hasText: 'Shared before' }).waitFor();
    expect(await page.innerText('#slack')).toMatch(/shared before/i);
    expect(external).toEqual([]);
    await page.close();
  });

  it('explains politely when the text is not a posting', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.fill('#text', 'lunch at noon?');
    await page.click('#go');
    await page.locator('#notice', { hasText: /\S/ }).waitFor();
    expect(await page.innerText('#notice')).toMatch(/doesn't look like a job posting/);
    await page.close();
  });
});
