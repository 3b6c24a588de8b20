import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMessages } from '../../lib/i18n';

/**
 * Makes the fake browser's i18n.getMessage answer from public/_locales/<lang>, filling
 * $1…$9 as the browser does: words can then be tested in each language.
 */
export function speak(lang: 'en' | 'de'): void {
  const messages = JSON.parse(
    readFileSync(join(__dirname, '../../public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  forgetMessages();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, substitutions?: string | string[]) => {
      const values = [substitutions ?? []].flat();
      return (messages[key]?.message ?? '').replace(
        /\$(\d)/g,
        (_, n: string) => values[Number(n) - 1] ?? '',
      );
    },
  );
}
