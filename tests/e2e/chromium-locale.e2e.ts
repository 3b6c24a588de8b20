import { resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession | undefined;

afterAll(async () => {
  await chromium?.close();
});

test('Chromium in German shows the popup in German', async () => {
  chromium = await launchChromium({ extensionDir: EXTENSION, lang: 'de' });
  const popup = await chromium.openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Sitzung speichern' }).waitFor();
  expect(await popup.getByRole('searchbox').getAttribute('aria-label')).toBe(
    'Sitzungen und Tabs durchsuchen',
  );
  expect(await popup.getByRole('button', { name: 'Einstellungen' }).count()).toBe(1);
  expect(await popup.locator('.list-heading h2').allTextContents()).toEqual([
    'Gespeicherte Sitzungen',
  ]);
});
