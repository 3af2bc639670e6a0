import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codec, decodeSingleByte, type CodecName } from '../../src/repair/codecs.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'fixtures/repair');

/** What a wrong decode does: the text's UTF-8 bytes read as a single-byte codec. */
export function garble(text: string, as: CodecName): string {
  return decodeSingleByte(new Uint8Array(Buffer.from(text, 'utf8')), codec(as));
}

/** Ways job text gets garbled, once or twice over. */
export const GARBLINGS: readonly { name: string; apply: (text: string) => string }[] = [
  { name: 'Mac Roman', apply: (t) => garble(t, 'macroman') },
  { name: 'Windows-1252', apply: (t) => garble(t, 'sloppy-windows-1252') },
  { name: 'Latin-1', apply: (t) => garble(t, 'latin-1') },
  { name: 'Windows-1252 twice', apply: (t) => garble(garble(t, 'sloppy-windows-1252'), 'sloppy-windows-1252') },
  { name: 'Mac Roman then Windows-1252', apply: (t) => garble(garble(t, 'macroman'), 'sloppy-windows-1252') },
];

export interface FixtureFile {
  name: string;
  text: string;
}

export function cleanFixtures(): FixtureFile[] {
  const dir = path.join(fixturesDir, 'clean');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

export function cleanLines(): string[] {
  return cleanFixtures().flatMap((f) => f.text.split('\n').filter((l) => l.trim() !== ''));
}

/** Rows of a tab-separated fixture (input, expected); lines starting with # are comments. */
export function pairs(file: string): [string, string][] {
  return readFileSync(path.join(fixturesDir, file), 'utf8')
    .split('\n')
    .filter((row) => row !== '' && !row.startsWith('#'))
    .map((row) => {
      const [input = '', expected = ''] = row.split('\t');
      return [input, expected];
    });
}
