import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../app/build.js';
import { repoRoot } from '../app/helpers.js';
import { html, stalledCompressed, startHttpSite, type HttpSite } from '../fakes/http-site.js';

/**
 * Issue 14's hostile pages and links through the built `jobcard card`, as a person runs it:
 * each ends with a card or one line on stderr, exit 0–2, well inside the 15 s links get.
 */

const BIN = path.join(repoRoot, 'bin', 'jobcard.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'jobcard-hostile-'));
let site: HttpSite;

/** Runs the CLI without blocking this process: the stand-in site it talks to lives here. */
function jobcard(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: repoRoot, env: { ...process.env, JOBCARD_DEBUG: '', JOBCARD_ALLOW_PRIVATE_URLS: '1', NODE_NO_WARNINGS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const HOSTILE_PAGES: Array<[string, string]> = [
  ['unclosed-divs.html', '<!doctype html><html><body>' + '<div>'.repeat(300_000) + 'Senior Engineer</body></html>'],
  ['nested-divs.html', '<!doctype html><html><body>' + '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000) + '</body></html>'],
  ['nested-spans.html', '<!doctype html><html><body>' + '<span>'.repeat(20_000) + 'x' + '</span>'.repeat(20_000) + '</body></html>'],
  ['deep.json', '['.repeat(100_000) + ']'.repeat(100_000)],
];

beforeAll(async () => {
  ensureBuilt();
  site = await startHttpSite();
  for (const [name, body] of HOSTILE_PAGES) site.route(`/${name}`, html(body, name.endsWith('.json') ? 'application/json' : 'text/html'));
  site.route('/stalled-br', stalledCompressed('br'));
}, 180_000);
afterAll(async () => {
  await site.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('jobcard card on hostile input', () => {
  it.each(HOSTILE_PAGES)('refuses the saved page %s in one line', async (name, body) => {
    const r = await jobcard(['card', file(name, body)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`jobcard: ${path.join(tmp, name)}: That page is too deeply nested to read.`);
  });

  it.each(HOSTILE_PAGES.map(([name]) => name))('refuses the link to %s in one line, within 15 s', async (name) => {
    const r = await jobcard(['card', site.url(`/${name}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/: That page is too deeply nested to read\.$/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('gives up on a compressed link that stalls midway with one line, within 15 s', async () => {
    const r = await jobcard(['card', site.url('/stalled-br')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/: That link took too long to answer\.$/);
    expect(r.ms).toBeLessThan(15_000);
  }, 30_000);

  it('reads a Windows-1251 posting saved with no charset as Cyrillic, not as Windows-1252', async () => {
    const posting = [
      'Яндекс',
      'Старший разработчик Python',
      'Москва · Полная занятость',
      '',
      'Чем предстоит заниматься',
      '• Разрабатывать сервисы поиска на Python и Go',
      '',
      'Мы ждём, что вы',
      '• Пишете на Python от 3 лет',
      '• Знаете PostgreSQL',
      '',
      'Зарплата от 250 000 до 350 000 руб. в месяц.',
    ].join('\n');
    const saved = file('yandex-1251.txt', iconv.encode(posting, 'windows-1251'));
    const cleaned = await jobcard(['clean', saved]);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('Яндекс\nСтарший разработчик Python');
    expect(cleaned.stdout).not.toMatch(/ßíäåêñ|Ñòàðøèé/);
    // A card is made: extraction finds no Russian title, but the skills show the text arrived whole.
    const card = await jobcard(['card', saved]);
    expect(card.code).toBe(0);
    expect(card.stdout).toContain('Python, PostgreSQL');
  });
});
