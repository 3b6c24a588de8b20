import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTabkeep } from '../../lib/formats/own';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openOnly } from './support/chromium-windows';
import { startPagesServer, type PagesServer } from './support/pages-server';

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession;
let pages: PagesServer;

beforeAll(async () => {
  pages = await startPagesServer();
  chromium = await launchChromium({ extensionDir: EXTENSION });
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
});

/** Clicks Export in the manager’s settings view and returns the file's name and bytes from disk. */
async function exportFile(options: Page): Promise<{ name: string; bytes: Buffer }> {
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export all sessions' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe.sequential('Chromium: export', () => {
  let options: Page;

  test('the settings page exports every session to a dated file on disk', async () => {
    await openOnly(chromium, [[pages.url('a'), pages.url('b')], [pages.url('c')]]);
    const popup = await chromium.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('Export me');
    await popup.getByRole('button', { name: 'Save session' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Saved “Export me”/);

    options = await chromium.openExtensionPage('manager.html#settings');
    const { name, bytes } = await exportFile(options);
    expect(name).toMatch(/^tabkeep-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = parseTabkeep(JSON.parse(bytes.toString('utf8')), { now: 0 });
    const session = parsed.sessions.find((s) => s.name === 'Export me');
    // The popup, open as a tab, is saved too; the pages are what matter here.
    const pageUrls = session?.windows.map((w) =>
      w.tabs.map((t) => t.url).filter((url) => url.startsWith('http')),
    );
    expect(pageUrls).toEqual([[pages.url('a'), pages.url('b')], [pages.url('c')]]);
    await expect
      .poll(() => options.getByRole('region', { name: 'Export' }).getByRole('status').textContent())
      .toBe(`Exported 1 session to ${name}.`);
  });

  test('compressed, the file is gzip of the same JSON', async () => {
    await options.getByRole('combobox', { name: 'Format' }).selectOption('tabkeep-gz');
    const { name, bytes } = await exportFile(options);
    expect(name).toMatch(/\.json\.gz$/);
    const parsed = parseTabkeep(JSON.parse(gunzipSync(bytes).toString('utf8')), { now: 0 });
    expect(parsed.sessions.map((s) => s.name)).toEqual(['Export me']);
  });

  test('for people who leave: OneTab text and a list of URLs', async () => {
    await options.getByRole('combobox', { name: 'Format' }).selectOption('onetab');
    const onetab = await exportFile(options);
    expect(onetab.name).toMatch(/-onetab\.txt$/);
    const groups = onetab.bytes.toString('utf8').trim().split('\n\n');
    expect(groups.map((g) => g.split('\n').filter((l) => l.startsWith('http')))).toEqual([
      [`${pages.url('a')} | Page a`, `${pages.url('b')} | Page b`],
      [`${pages.url('c')} | Page c`],
    ]);
    await options.getByRole('combobox', { name: 'Format' }).selectOption('urls');
    const urls = await exportFile(options);
    expect(
      urls.bytes
        .toString('utf8')
        .split('\n')
        .filter((l) => l.startsWith('http')),
    ).toEqual([pages.url('a'), pages.url('b'), pages.url('c')]);
  });

  test('a chosen session, or a few, export alone', async () => {
    const popup = await chromium.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('Only me');
    await popup.getByRole('button', { name: 'Save session' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Saved “Only me”/);
    await popup.close();

    await options.reload();
    await options.getByRole('combobox', { name: 'Format' }).selectOption('tabkeep');
    const exportRegion = options.getByRole('region', { name: 'Export' });
    await exportRegion.getByText('Choose sessions').click();
    const choices = exportRegion.getByRole('group', { name: 'Sessions to export' });
    await choices.getByRole('checkbox', { name: 'All sessions' }).uncheck();
    expect(await exportRegion.getByRole('button', { name: 'Export 0 sessions' }).isDisabled()).toBe(
      true,
    );
    await choices.getByRole('checkbox', { name: /^Only me / }).check();
    const download = options.waitForEvent('download');
    await exportRegion.getByRole('button', { name: 'Export 1 session' }).click();
    const file = await download;
    const parsed = parseTabkeep(JSON.parse((await readFile(await file.path())).toString('utf8')), {
      now: 0,
    });
    expect(parsed.sessions.map((s) => s.name)).toEqual(['Only me']);

    await choices.getByRole('checkbox', { name: /^Export me / }).check();
    expect(await choices.getByRole('checkbox', { name: 'All sessions' }).isChecked()).toBe(true);
    await expect
      .poll(() => exportRegion.getByRole('button', { name: /^Export/ }).textContent())
      .toBe('Export all sessions');
  });
});
