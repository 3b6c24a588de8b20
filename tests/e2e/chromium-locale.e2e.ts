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

test('Chromium in German shows the manager, and the service’s messages, in German', async () => {
  // The session "Eins" saved by the test before.
  const manager = await chromium!.openExtensionPage('manager.html#sessions');
  expect(await manager.locator('html').getAttribute('lang')).toMatch(/^de/);
  await expect
    .poll(() => manager.locator('.empty').textContent())
    .toBe('Öffnen Sie eine Sitzung, um ihre Fenster und Tabs zu sehen.');
  await manager
    .getByRole('list', { name: 'Sitzungen' })
    .getByRole('button', { name: 'Öffnen: Eins' })
    .click();
  const detail = manager.getByRole('region', { name: 'Sitzungsdetails' });
  // A tag too long: the service refuses it, in German.
  await detail.getByRole('textbox', { name: 'Schlagwörter' }).fill('x'.repeat(60));
  await detail.getByRole('button', { name: 'Schlagwörter speichern' }).click();
  await expect
    .poll(() => manager.locator('.sessions-side').getByRole('status').textContent())
    .toBe(`Ein Schlagwort darf höchstens 50 Zeichen lang sein („${'x'.repeat(20)}…“ hat 60).`);

  await manager.getByRole('link', { name: 'Papierkorb' }).click();
  await expect.poll(() => manager.getByText('Der Papierkorb ist leer.').count()).toBe(1);
});

test('Chromium in German reads an import file in the import worker and says what is wrong with it in German', async () => {
  const manager = await chromium!.openExtensionPage('manager.html#settings');
  const region = manager.getByRole('region', { name: 'Importieren' });
  // gzip's magic bytes, then nothing a gzip stream can hold.
  await region.getByLabel('Zu importierende Datei').setInputFiles({
    name: 'kaputt.json.gz',
    mimeType: 'application/gzip',
    buffer: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]),
  });
  await expect
    .poll(() => region.getByRole('status').first().textContent())
    .toContain('eine gzip-Datei, aber beschädigt oder abgeschnitten.');
});
