import { describe, expect, it } from 'vitest';
import { parsePlaceholderUrl, placeholderUrl } from '@/lib/placeholder-url';
import { ORIGIN } from './fakes';

describe('placeholder URL', () => {
  it.each([
    ['javascript:alert("x&y=z")', 'A & B # C'],
    ['about:config', ''],
    ['data:text/plain,100%', 'ünïcödé ☃'],
  ])('round-trips %s', (url, title) => {
    expect(parsePlaceholderUrl(ORIGIN, placeholderUrl(ORIGIN, url, title))).toEqual({ url, title });
  });

  it('is null for any other page', () => {
    expect(parsePlaceholderUrl(ORIGIN, 'https://a.test/placeholder.html?url=x')).toBeNull();
    expect(parsePlaceholderUrl(ORIGIN, `${ORIGIN}/popup.html?url=x`)).toBeNull();
    expect(parsePlaceholderUrl(ORIGIN, `${ORIGIN}/placeholder.html?title=only`)).toBeNull();
  });
});
