import { describe, expect, it } from 'vitest';
import { decodeText, gunzip, gzip, isGzip, parseJson } from '@/lib/formats/bytes';
import { FormatError } from '@/lib/formats/imported';

describe('file bytes', () => {
  it('gzips and gunzips back the same bytes', async () => {
    const text = JSON.stringify({ a: 'é😀'.repeat(1000) });
    const packed = await gzip(new TextEncoder().encode(text));
    expect(isGzip(packed)).toBe(true);
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(decodeText(await gunzip(packed))).toBe(text);
  });

  it('says a cut-short gzip file is damaged', async () => {
    const packed = await gzip(new TextEncoder().encode('x'.repeat(10_000)));
    await expect(gunzip(packed.slice(0, 20))).rejects.toThrow(
      'This file is not in a format Tabkeep knows: it is a gzip file, but it is damaged or cut short.',
    );
  });

  it('drops a byte-order mark and refuses invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toThrow(/not UTF-8 text/);
  });

  it('says what breaks JSON, and where when the engine tells', () => {
    expect(() => parseJson('{"a": 1, "b": }')).toThrow(
      /it starts like JSON but is not valid JSON \(Unexpected token/,
    );
    expect(() => parseJson('{"a": 1,')).toThrow(FormatError);
  });
});
