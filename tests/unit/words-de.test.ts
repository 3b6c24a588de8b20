import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '@/lib/export';
import { gzip } from '@/lib/formats/bytes';
import { readImportFile } from '@/lib/formats/read-file';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings';
import { speak } from './locale-fake';

// Messages made in lib/ (import files, exports, settings) in the browser's language, German.
describe('lib words in German', () => {
  it('says why an import file cannot be read', async () => {
    speak('de');
    const packed = await gzip(new TextEncoder().encode('x'.repeat(10_000)));
    await expect(readImportFile(packed.slice(0, 20), { now: 0 })).rejects.toThrow(
      'Diese Datei ist in keinem Format, das Tabkeep kennt: eine gzip-Datei, aber beschädigt oder abgeschnitten.',
    );
    await expect(
      readImportFile(new TextEncoder().encode('https://a.test/ | A\nno URL here'), { now: 0 }),
    ).resolves.toMatchObject({ skipped: [{ where: 'Zeile 2', why: 'keine URL: „no URL here“.' }] });
  });

  it('refuses passphrases that differ', () => {
    speak('de');
    expect(passphraseProblem('correct horse battery', 'correct horse battery!')).toBe(
      'Die beiden Passphrasen stimmen nicht überein.',
    );
  });

  // The schemas were built when the module loaded, in English: their messages still follow.
  it('says which stored settings were damaged', () => {
    speak('de');
    const row = {
      key: SETTINGS_KEY,
      version: 1,
      settings: { autosave: { periodMinutes: 0 }, cookies: { saveByDefault: 'yes' } },
    };
    expect(loadSettings(row).notice).toBe(
      'Der Abstand der automatischen Sicherungen muss mindestens 1 sein. Ob Anmeldungen gespeichert werden, muss Ja oder Nein sein. Es gilt der Standardwert.',
    );
  });
});
