import { describe, expect, it } from 'vitest';
import { defaultSessionName, MAX_NAME_LENGTH, normalizeName } from '@/lib/naming';
import { tabSnap, windowSnap } from './fakes';

const when = new Date(Date.UTC(2026, 10, 21, 19, 4));
const opts = { locale: 'en-GB', timeZone: 'UTC' };

describe('defaultSessionName', () => {
  it('says when, and names the sites with most tabs first', () => {
    const windows = [
      windowSnap([
        tabSnap('https://www.example.org/a'),
        tabSnap('https://github.com/x'),
        tabSnap('https://github.com/y'),
      ]),
      windowSnap([tabSnap('https://news.test/'), tabSnap('https://other.test/')]),
    ];
    expect(defaultSessionName(windows, when, opts)).toBe(
      '21 Nov 2026, 19:04 · github.com, example.org +2',
    );
  });

  it('names one site without a count', () => {
    expect(defaultSessionName([windowSnap([tabSnap('http://127.0.0.1:9/a')])], when, opts)).toBe(
      '21 Nov 2026, 19:04 · 127.0.0.1',
    );
  });

  it('is just the date when no tab is a web page', () => {
    expect(defaultSessionName([windowSnap([tabSnap('about:config')])], when, opts)).toBe(
      '21 Nov 2026, 19:04',
    );
  });
});

describe('normalizeName', () => {
  it('trims and folds line breaks and control characters into spaces', () => {
    expect(normalizeName('  Work\n\tstuff\u0000 ')).toEqual({ ok: true, name: 'Work stuff' });
  });

  it('keeps markup as text', () => {
    expect(normalizeName('<img src=x onerror=alert(1)>')).toEqual({
      ok: true,
      name: '<img src=x onerror=alert(1)>',
    });
  });

  it('accepts the longest name allowed and refuses a longer one with the numbers', () => {
    expect(normalizeName('x'.repeat(MAX_NAME_LENGTH)).ok).toBe(true);
    const result = normalizeName('x'.repeat(10_000));
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: `That name is 10,000 characters long; a name can have at most ${MAX_NAME_LENGTH}.`,
      }),
    });
  });
});
