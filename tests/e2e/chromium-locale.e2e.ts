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

  // A session saved, restored into one window: the menu and the report in German.
  await popup.getByRole('textbox').first().fill('Eins');
  await popup.getByRole('button', { name: 'Sitzung speichern' }).click();
  await popup.getByRole('button', { name: 'Weitere Wiederherstellungsoptionen für Eins' }).click();
  const menu = popup.getByRole('menu', { name: 'Wiederherstellungsoptionen für Eins' });
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
    'Aktuelle Fenster ersetzen',
    'Zum aktuellen Fenster hinzufügen',
    'In einem Fenster',
  ]);
  await menu.getByRole('menuitem', { name: 'In einem Fenster' }).click();
  await expect
    .poll(() => popup.getByRole('status').first().textContent())
    .toMatch(/^1 Fenster mit \d+ Tabs? wiederhergestellt\./);
});
