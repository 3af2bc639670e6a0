import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, decodeBytes, decodeWithCharset, normaliseCharset } from '../src/decode.js';
import { UserError } from '../src/errors.js';

const POSTING = 'Senior Data Engineer – Zürich\nSalary: €95,000 – €120,000 · 5+ years’ experience\n';
const page = (name: string): Buffer => readFileSync(new URL(`../fixtures/links/pages/${name}`, import.meta.url));

/** Postings in Western European languages as a Windows editor saves them: detection must leave them Windows-1252. */
const WESTERN_POSTINGS = [
  POSTING,
  'Engenheiro de Software Sênior – São Paulo. Salário: R$ 15.000 – R$ 20.000 por mês. Requisitos: experiência com Java, inglês avançado.',
  'Sviluppatore software – Milano. Retribuzione: 45.000 € – 55.000 € lordi annui. Requisiti: laurea in informatica, più benefit aziendali.',
  'Systemutvecklare – Göteborg. Lön: 45 000 kr – 55 000 kr i månaden. Krav: högskoleexamen, goda kunskaper i svenska och engelska.',
  'Softwareudvikler – København. Løn: 50.000 kr. om måneden. Krav: erfaring med Python, gode engelskkundskaber.',
  'Ohjelmistokehittäjä – Helsinki. Palkka: 4 500 € – 5 500 € kuukaudessa. Vaatimukset: korkeakoulututkinto, hyvä englannin kielen taito.',
  'Nous recherchons un développeur « senior ». Rémunération : 95 000 € – 120 000 € par an. Télétravail possible.',
  'Wir suchen eine(n) erfahrene(n) Entwickler(in) für unser Büro in München. Gehalt: 75.000 € jährlich. Anforderungen: fünf Jahre Berufserfahrung.',
  'Senior Engineer at Zoë’s Café — we’re looking for someone with 5+ years’ experience. Résumé required. Benefits include “unlimited” PTO.',
  'Head of Sales (m/w/d) – Düsseldorf • Vollzeit • 80.000 € p.a. • Homeoffice möglich',
  'Price: 50€. That’s it.',
  'Location: Montréal, Québec',
  'café',
];

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err.code;
    throw err;
  }
  return undefined;
}

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(Buffer.from(POSTING, 'utf8'))).toEqual({ text: POSTING, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POSTING, 'utf8')]);
    expect(decodeBytes(bytes)).toEqual({ text: POSTING, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeBytes(utf16(POSTING, 'le'))).toEqual({ text: POSTING, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(POSTING, 'be'))).toEqual({ text: POSTING, encoding: 'utf-16be' });
  });

  it('reads UTF-16 LE without a BOM when every other byte is zero', () => {
    const bytes = Buffer.from('Software Engineer, Remote\n', 'utf16le');
    expect(decodeBytes(bytes)).toEqual({ text: 'Software Engineer, Remote\n', encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, curly quotes and euro included', () => {
    const bytes = iconv.encode(POSTING, 'windows-1252');
    expect(decodeBytes(bytes)).toEqual({ text: POSTING, encoding: 'windows-1252' });
  });

  it.each([
    ['windows-1251', 'Старший разработчик Python в Яндекс. Москва, полный рабочий день. Зарплата от 250 000 руб. Требования: опыт разработки от 3 лет.'],
    ['koi8-r', 'Яндекс - Вакансии: Старший разработчик, Москва. Опыт от 3 лет.'],
    ['shift_jis', 'ソフトウェアエンジニア（東京）。給与：年収600万円から900万円。'],
    ['euc-jp', '株式会社サンプル ソフトウェアエンジニア募集。勤務地：東京都渋谷区。'],
    ['gbk', '高级软件工程师，工作地点：北京市海淀区。要求：五年以上后端开发经验。'],
    ['big5', '資深軟體工程師（台北）。工作地點：台北市信義區。要求：五年以上後端開發經驗。'],
    ['euc-kr', '시니어 소프트웨어 엔지니어 (서울). 근무지: 서울 강남구. 자격 요건: 백엔드 개발 경력 5년 이상.'],
    ['windows-1250', 'Programista – Kraków. Wynagrodzenie: 15 000 zł – 20 000 zł miesięcznie. Wymagania: znajomość języka angielskiego.'],
  ])('detects %s text saved without a declared charset', (charset, text) => {
    const { text: decoded, encoding } = decodeBytes(iconv.encode(text, charset));
    expect(decoded).toBe(text);
    expect(iconv.encodingExists(encoding)).toBe(true);
  });

  it.each(WESTERN_POSTINGS.map((t) => [t.slice(0, 30), t]))('keeps Windows-1252 text Windows-1252 (%s…)', (_head, text) => {
    expect(decodeBytes(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('keeps UTF-8 with one stray byte for the repair step, read as Windows-1252', () => {
    const bytes = Buffer.concat([Buffer.from('Старший разработчик — Москва, ', 'utf8'), Buffer.from([0xff]), Buffer.from(' офис', 'utf8')]);
    expect(decodeBytes(bytes).encoding).toBe('windows-1252');
  });

  it('keeps the five bytes Windows-1252 leaves undefined as C1 controls, as browsers do', () => {
    const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect(decodeBytes(bytes).text).toBe('café \u0081\u008d\u008f\u0090\u009d');
  });

  it('refuses empty and whitespace-only input as empty', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => decodeBytes(Buffer.from(' \n\t\r\n  ')))).toBe('empty');
    expect(codeOf(() => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a])))).toBe('empty');
    expect(codeOf(() => decodeBytes(utf16('  \n', 'le')))).toBe('empty');
  });

  it('refuses a PDF, a PNG, a JPEG and a zip as binary', () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    for (const bytes of [pdf, png, jpeg, zip]) expect(codeOf(() => decodeBytes(bytes))).toBe('binary');
  });

  it('refuses bytes full of NULs or control characters as binary', () => {
    const nul = Buffer.concat([Buffer.from('Job title'), Buffer.from([0, 0, 0, 1, 2, 3])]);
    expect(codeOf(() => decodeBytes(nul))).toBe('binary');
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26)));
    expect(codeOf(() => decodeBytes(controls))).toBe('binary');
  });

  it('refuses input over the limit with the sizes in the message', () => {
    const big = new Uint8Array(Math.round(3.1 * 1024 * 1024)).fill(0x61);
    let message = '';
    try {
      decodeBytes(big);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe('too-large');
      message = (err as Error).message;
    }
    expect(message).toBe('that file is 3.1 MB; the limit is 2 MB');
    expect(DEFAULT_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(codeOf(() => decodeBytes(Buffer.from('x'.repeat(2000)), { maxBytes: 1000 }))).toBe('too-large');
    expect(decodeBytes(Buffer.from('x'.repeat(1000)), { maxBytes: 1000 }).text).toHaveLength(1000);
  });
});

describe('decodeWithCharset', () => {
  it('decodes the charsets pages declare: Shift_JIS, EUC-KR, GB18030, ISO-8859-5, windows-1251', () => {
    const cases: [string, string][] = [
      ['Shift_JIS', 'ソフトウェアエンジニア（東京）'],
      ['EUC-KR', '소프트웨어 엔지니어 채용'],
      ['GB18030', '高级软件工程师，北京'],
      ['ISO-8859-5', 'Инженер-программист'],
      ['windows-1251', 'Разработчик — Москва'],
    ];
    for (const [charset, text] of cases) expect(decodeWithCharset(iconv.encode(text, charset), charset)).toBe(text);
  });

  it('normalises charset labels and aliases', () => {
    expect(normaliseCharset('"UTF8"')).toBe('utf-8');
    expect(normaliseCharset(' ISO-8859-1 ')).toBe('windows-1252');
    expect(normaliseCharset('x-sjis')).toBe('shift_jis');
    expect(normaliseCharset('ks_c_5601-1987')).toBe('euc-kr');
    expect(normaliseCharset('no-such-charset')).toBeNull();
  });

  it('reads pages labelled ISO-8859-1 as windows-1252, the way browsers do', () => {
    expect(decodeWithCharset(Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35]), 'iso-8859-1')).toBe('“Hi” €5');
  });

  it('decodes Mac Roman with the Apple logo at 0xF0', () => {
    expect(decodeWithCharset(Uint8Array.from([0x8e, 0x20, 0xf0]), 'x-mac-roman')).toBe('é \uf8ff');
  });

  it('sniffs when the charset is unknown or missing', () => {
    expect(decodeWithCharset(Buffer.from('Zürich – €', 'utf8'), 'bogus')).toBe('Zürich – €');
    expect(decodeWithCharset(iconv.encode('Zürich – €', 'windows-1252'), '')).toBe('Zürich – €');
  });

  it('reads a Windows-1251 page and a Shift_JIS page that declare no charset at all', () => {
    const ru = decodeWithCharset(page('windows-1251-no-charset.html'), '');
    expect(ru).toContain('<title>Вакансия: Старший разработчик Python — Яндекс</title>');
    expect(ru).toContain('Зарплата от 250 000 до 350 000 руб. в месяц');
    expect(decodeWithCharset(page('shift_jis-no-charset.html'), '')).toContain('<h1>バックエンドエンジニア（東京）</h1>');
  });

  it('lets a BOM outrank the declared charset', () => {
    expect(decodeWithCharset(utf16('Köln', 'le'), 'iso-8859-1')).toBe('Köln');
  });
});
