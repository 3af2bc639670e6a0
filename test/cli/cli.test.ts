import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../app/build.js';
import { repoRoot } from '../app/helpers.js';

const BIN = path.join(repoRoot, 'bin', 'jobcard.js');
const SEED_003 = path.join(repoRoot, 'fixtures/seeds/003-linkedin-capital-one-senior-mle.txt');
const tmp = mkdtempSync(path.join(tmpdir(), 'jobcard-cli-'));

function jobcard(args: string[], input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repoRoot, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, JOBCARD_DEBUG: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const POSTING = `Acme Robotics
Senior Backend Engineer
Zürich, Switzerland · Hybrid

About the role
You’ll build the services that plan our robots’ routes.

Requirements
• 5+ years of experience with Go or Java
• Bachelor’s degree in Computer Science

Salary: CHF 120,000 – 140,000 per year. We are unable to sponsor work permits for this role.
`;

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('jobcard CLI', () => {
  it('cleans seed 003: encoding repaired, LinkedIn chrome gone, the posting kept', () => {
    const { code, stdout } = jobcard(['clean', SEED_003]);
    expect(code).toBe(0);
    expect(stdout).toContain('You’ll participate');
    expect(stdout).not.toMatch(/‚Äô|¬∑/);
    expect(stdout).not.toMatch(/people clicked apply|Show match details/);
    expect(stdout).toContain('$158,600 - $181,000');
  });

  it('repairs only the encoding and leaves correct text byte for byte', () => {
    const garbled = iconv.decode(Buffer.from(POSTING, 'utf8'), 'macintosh');
    const repaired = jobcard(['repair', file('garbled.txt', garbled)]);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toBe(POSTING);
    const untouched = jobcard(['repair', file('clean.txt', POSTING)]);
    expect(untouched.stdout).toBe(POSTING);
  });

  it('explains on stderr what each step changed', () => {
    const { stderr, stdout } = jobcard(['clean', '--explain', SEED_003]);
    expect(stderr).toMatch(/repair.*‚Äô.*→.*’/);
    expect(stderr).toMatch(/removed \(.+\): .*clicked apply/);
    expect(stdout).not.toContain('removed (');
  });

  it('decodes UTF-8 with a BOM, UTF-16 LE and BE with BOMs, and Windows-1252', () => {
    const inputs = [
      file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POSTING, 'utf8')])),
      file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(POSTING, 'utf16le')])),
      file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(POSTING, 'utf16be')])),
      file('cp1252.txt', iconv.encode(POSTING, 'windows-1252')),
    ];
    for (const input of inputs) {
      const { code, stdout } = jobcard(['repair', input]);
      expect(code, input).toBe(0);
      expect(stdout, input).toBe(POSTING);
    }
  });

  it('prints one JSON object per input, an error object for a bad one, and exits 2', () => {
    const good = file('good.txt', POSTING);
    const empty = file('empty.txt', '   \n');
    const { code, stdout, stderr } = jobcard(['clean', '--json', good, empty, path.join(tmp, 'missing.txt')]);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ file: good, text: expect.stringContaining('Senior Backend Engineer') });
    expect(lines[1]).toMatchObject({ file: empty, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ error: expect.stringMatching(/no such file/) });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });

  it('refuses binary, empty and oversized input with one line and no stack trace', () => {
    const pdf = file('cv.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(2000, 0)]));
    const png = file('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    for (const args of [['clean', pdf], ['repair', png], ['clean', file('blank.txt', '')], ['clean', '--max-bytes', '100', file('big.txt', POSTING)]]) {
      const { code, stderr, stdout } = jobcard(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(jobcard(['clean', '--max-bytes', '100', file('big2.txt', POSTING)]).stderr).toMatch(/limit/);
  });

  it('reads standard input', () => {
    const { code, stdout } = jobcard(['extract', '--json', '-'], POSTING);
    expect(code).toBe(0);
    const posting = JSON.parse(stdout) as { title: string; file: string };
    expect(posting.file).toBe('-');
    expect(posting.title).toBe('Senior Backend Engineer');
  });

  it('extracts seed 003 as the Posting contract', () => {
    const { code, stdout } = jobcard(['extract', '--json', SEED_003]);
    expect(code).toBe(0);
    const p = JSON.parse(stdout) as { company: string; pay: Array<{ location: string; min: number; max: number; currency: string; period: string }>; sponsorship: { stance: string }; requirements: { minYears: number } };
    expect(p.company).toBe('Capital One');
    expect(p.pay.map((b) => [b.location, b.min, b.max, b.currency, b.period])).toEqual([
      ['Cambridge, MA', 158600, 181000, 'USD', 'year'],
      ['McLean, VA', 158600, 181000, 'USD', 'year'],
      ['Richmond, VA', 144200, 164600, 'USD', 'year'],
    ]);
    expect(p.sponsorship.stance).toBe('no');
    expect(p.requirements.minYears).toBe(4);
  });

  it('renders the card as text, Slack blocks and a Discord message body', () => {
    const text = jobcard(['card', SEED_003]);
    expect(text.stdout).toContain('Sponsorship: no');
    const slack = JSON.parse(jobcard(['card', '--format', 'slack', SEED_003]).stdout) as { text: string; blocks: unknown[] };
    expect(slack.blocks.length).toBeGreaterThan(0);
    expect(typeof slack.text).toBe('string');
    const discord = JSON.parse(jobcard(['card', '--format', 'discord', SEED_003]).stdout) as { embeds: unknown[]; allowed_mentions: { parse: unknown[] } };
    expect(discord.embeds).toHaveLength(1);
    expect(discord.allowed_mentions.parse).toEqual([]);
  });

  it('detects postings (exit 0) and stays quiet on chat (exit 1)', () => {
    expect(jobcard(['detect', SEED_003])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^posting/) });
    const chat = jobcard(['detect', '-'], 'anyone know if stripe is hiring? lunch at 12?');
    expect(chat.code).toBe(1);
    expect(chat.stdout).toMatch(/^not a posting \(score/);
  });

  it('answers an unknown command with usage and exit 2', () => {
    const { code, stderr } = jobcard(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });
  // A consumer that reads slowly: `process.exit()` right after writing used to cut the output at
  // the pipe's 64 KiB buffer. The slow reader sleeps before reading, then counts the bytes.
  it('finishes a piped output of over 1 MB to a slow reader', () => {
    const line = 'Senior Platform Engineer — Zürich · $150,000–$180,000 a year · we sponsor visas\n';
    const big = file('big.txt', line.repeat(Math.ceil(1_200_000 / Buffer.byteLength(line))));
    const direct = jobcard(['repair', big]);
    expect(direct.code).toBe(0);
    const expected = Buffer.byteLength(direct.stdout);
    expect(expected).toBeGreaterThan(1_000_000);
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" repair "${big}" | (sleep 1; wc -c)`], { cwd: repoRoot, encoding: 'utf8' });
    expect(Number(piped.stdout.trim())).toBe(expected);
  });

  it('keeps --json output whole on a pipe, with evidence cut to its span on a one-line paste', () => {
    const oneLine = readFileSync(SEED_003, 'utf8').replace(/\s*\n\s*/g, ' ');
    const flat = file('one-line.txt', oneLine);
    const args = ['extract', '--json', flat, SEED_003, flat, SEED_003];
    const direct = jobcard(args);
    expect(direct.code).toBe(0);
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.map((a) => `"${a}"`).join(' ')} | (sleep 1; cat)`], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(piped.stdout).toBe(direct.stdout);
    const objects = piped.stdout.trim().split('\n').map((l) => JSON.parse(l) as { provenance: Record<string, { line: string | null }> });
    expect(objects).toHaveLength(4);
    for (const o of objects) for (const p of Object.values(o.provenance)) if (p.line !== null) expect(p.line.length).toBeLessThanOrEqual(240);
    // The one-line paste's JSON is not the posting repeated once per field.
    expect(Buffer.byteLength(JSON.stringify(objects[0]))).toBeLessThan(oneLine.length * 3);
  });
});
