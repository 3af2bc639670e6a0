import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CODECS, codec, decodeSingleByte, encodeSingleByte } from '../../src/repair/codecs.js';

const HIGH = Buffer.from(Array.from({ length: 128 }, (_, i) => i + 0x80));

describe('single-byte codec tables', () => {
  it('agree with iconv-lite wherever iconv-lite defines the byte, but for the newer Mac Roman', () => {
    // WHATWG and Python map Mac Roman 0xBD to Ω U+03A9 and 0xDB to €; iconv-lite has the
    // 1990s table (U+2126, ¤), which the encoder still accepts.
    const newerMacRoman = new Map([[0xbd, '\u03a9'], [0xdb, '\u20ac']]);
    for (const c of CODECS) {
      if (c.name === 'latin-1') continue;
      const label = c.name === 'macroman' ? 'macintosh' : c.name.replace(/^sloppy-/, '');
      Array.from(iconv.decode(HIGH, label)).forEach((ch, i) => {
        const byte = i + 0x80;
        if (ch === '\ufffd') return;
        const expected = c.name === 'macroman' ? (newerMacRoman.get(byte) ?? ch) : ch;
        expect(c.high[i], `${c.name} byte ${byte.toString(16)}`).toBe(expected);
      });
    }
  });

  it('keep the bytes iconv-lite loses: windows-1252 C1 controls and the Apple logo', () => {
    expect(decodeSingleByte(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), codec('sloppy-windows-1252'))).toBe('\u0081\u008d\u008f\u0090\u009d');
    expect(decodeSingleByte(Uint8Array.from([0xf0]), codec('macroman'))).toBe('\uf8ff');
    expect(Array.from(encodeSingleByte('\u2126\u03a9\u00a4\u20ac', codec('macroman')) ?? [])).toEqual([0xbd, 0xbd, 0xdb, 0xdb]);
  });

  it('round-trip every byte in every codec', () => {
    for (const c of CODECS) {
      const text = decodeSingleByte(Uint8Array.from(HIGH), c);
      expect(Array.from(encodeSingleByte(text, c) ?? []), c.name).toEqual(Array.from(HIGH));
    }
  });

  it('encode U+FFFD as byte 1A only in the sloppy codecs, as ftfy does', () => {
    expect(Array.from(encodeSingleByte('\ufffd', codec('sloppy-windows-1252')) ?? [])).toEqual([0x1a]);
    expect(encodeSingleByte('\ufffd', codec('latin-1'))).toBeNull();
    expect(encodeSingleByte('\u001a', codec('sloppy-windows-1252'))).toBeNull();
  });
});
