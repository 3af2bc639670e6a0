import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fetchLink } from '../src/links/fetch.js';
import { htmlToText, parseHtml } from '../src/links/html.js';
import { createLinkReader } from '../src/links/index.js';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/decode.js';
import { readDocument } from '../src/links/read.js';
import { startHttpSite } from '../test/fakes/http-site.js';
import { isMain, REPO_ROOT, summarize, timeRuns, timeRunsAsync } from './stats.js';

/**
 * Link reading speed: HTML to text (parse alone and whole), readDocument per saved page or API
 * answer (fixtures/links, and ../shared/corpus when present), a fetch over loopback, and a
 * whole LinkReader.read (fetch, site reader, clean, extract) against the stand-in site.
 */


function files(dir: string, filter: (f: string) => boolean): Array<{ name: string; bytes: Buffer }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(filter).sort().map((f) => ({ name: f, bytes: readFileSync(path.join(dir, f)) }));
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const isDoc = (f: string): boolean => /\.(html|json)$/.test(f) && f !== 'labels.json';
  const own = [...files(path.join(REPO_ROOT, 'fixtures/links/pages'), isDoc), ...files(path.join(REPO_ROOT, 'fixtures/links/api'), isDoc)];
  const corpus = files(path.resolve(REPO_ROOT, '../shared/corpus'), isDoc);

  for (const [label, docs] of [['fixtures', own], ['corpus', corpus]] as const) {
    if (docs.length === 0) continue;
    const pages = docs.filter((d) => d.name.endsWith('.html'));
    const parse = pages.flatMap((p) => { const s = p.bytes.toString('utf8'); return timeRuns(() => parseHtml(s), 10, 3); });
    const toText = pages.flatMap((p) => { const s = p.bytes.toString('utf8'); return timeRuns(() => htmlToText(s), 10, 3); });
    const read = docs.flatMap((d) => timeRuns(() => readDocument(d.bytes, { fileName: d.name }), 10, 3));
    const kb = pages.reduce((n, p) => n + p.bytes.length, 0) / Math.max(1, pages.length) / 1024;
    const p = summarize(parse);
    const t = summarize(toText);
    const r = summarize(read);
    console.log(`links (${label}): ${pages.length} pages (mean ${kb.toFixed(0)} KB): parse median ${ms(p.median)} p99 ${ms(p.p99)}; htmlToText median ${ms(t.median)} p99 ${ms(t.p99)}`);
    console.log(`links (${label}): readDocument over ${docs.length} files median ${ms(r.median)} p99 ${ms(r.p99)}`);
  }

  hostilePages();
  charsetDetection();

  const site = await startHttpSite();
  try {
    const page = own.find((d) => d.name === 'careers-no-jsonld.html');
    const lever = own.find((d) => d.name === 'lever-posting.json');
    if (page) site.route('/job', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.bytes });
    if (lever) site.route('/v0/postings/acme/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b', { headers: { 'content-type': 'application/json' }, body: lever.bytes });
    const quiet = { warn: (): void => undefined };
    const f = summarize(await timeRunsAsync(() => fetchLink(site.url('/job'), { allowPrivate: true, log: quiet }), 50));
    console.log(`links: fetchLink over loopback (vet, pinned connect, read, decode) median ${ms(f.median)} p99 ${ms(f.p99)}`);
    const fresh = await timeRunsAsync(
      () => createLinkReader({ allowPrivate: true, fetch: { log: quiet }, baseUrls: { lever: site.origin } }).read('https://jobs.lever.co/acme/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b'),
      20,
    );
    const w = summarize(fresh);
    console.log(`links: LinkReader.read, Lever API on loopback, uncached (fetch + reader + clean + extract) median ${ms(w.median)} p99 ${ms(w.p99)}`);
    const cached = createLinkReader({ allowPrivate: true, fetch: { log: quiet }, baseUrls: { lever: site.origin } });
    const url = 'https://jobs.lever.co/acme/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b';
    await cached.read(url);
    const c = summarize(await timeRunsAsync(() => cached.read(url), 200));
    console.log(`links: LinkReader.read, cached: median ${ms(c.median)} p99 ${ms(c.p99)}`);
  } finally {
    await site.close();
  }
}

/** Issue 14's hostile pages: each is refused (or read, flattened) in time linear in its length, never a stack overflow. */
function hostilePages(): void {
  const pages: Array<[string, string]> = [
    ['300k unclosed <div>', '<html><body>' + '<div>'.repeat(300_000) + 'x'],
    ['100k nested <div>', '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000)],
    ['20k nested <span>', '<span>'.repeat(20_000) + 'x' + '</span>'.repeat(20_000)],
    ['JSON 100k deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['500 open <div> + 750k stray </x> (read, not refused)', '<html><body>' + '<div>'.repeat(500) + 'x' + '</x>'.repeat(750_000)],
    ['100k <p> siblings (the element limit)', '<html><body>' + '<p>x'.repeat(100_000)],
  ];
  for (const [name, text] of pages) {
    const t = summarize(timeRuns(() => {
      try {
        readDocument(text);
      } catch {
        // Refused: the time to refuse is what is measured.
      }
    }, 5, 1));
    console.log(`links (hostile): ${name}, ${(text.length / 1e6).toFixed(1)} MB: readDocument median ${ms(t.median)} p99 ${ms(t.p99)}`);
  }
}

/** Bytes with no declared charset: strict UTF-8 (no detector) against a Windows-1251 page (chardet on a 64 KB sample). */
function charsetDetection(): void {
  const russian = '<p>Старший разработчик Python в Яндекс. Москва, полный рабочий день. Опыт от 3 лет.</p>\n'.repeat(800);
  for (const [name, bytes] of [['UTF-8', Buffer.from(russian, 'utf8')], ['Windows-1251', iconv.encode(russian, 'windows-1251')]] as const) {
    const t = summarize(timeRuns(() => decodeBytes(bytes, { maxBytes: 4 * 1024 * 1024 }), 20, 3));
    console.log(`links (charset): ${name} page, ${Math.round(bytes.length / 1024)} KB, no declared charset: decodeBytes median ${ms(t.median)} p99 ${ms(t.p99)}`);
  }
}

if (isMain(import.meta.url)) await run();
