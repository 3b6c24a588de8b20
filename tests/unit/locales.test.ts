import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../public/_locales');

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

function read(lang: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, lang, 'messages.json'), 'utf8')) as Messages;
}

/** The $1…$9 and $NAME$ references of a message. */
function references(text: string): string[] {
  return [...text.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0]).sort();
}

describe('locales', () => {
  const english = read('en');
  const others = readdirSync(ROOT).filter((lang) => lang !== 'en');

  it('has English and at least one other language', () => {
    expect(others.length).toBeGreaterThanOrEqual(1);
  });

  for (const lang of others) {
    it(`${lang} has every English key, with the same placeholders, and no other`, () => {
      const messages = read(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, { message }] of Object.entries(english)) {
        expect(references(messages[key]!.message), key).toEqual(references(message));
        expect(messages[key]!.message.trim(), key).not.toBe('');
      }
    });
  }
});
