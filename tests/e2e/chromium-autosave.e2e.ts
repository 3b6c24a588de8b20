import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openOnly } from './support/chromium-windows';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { waitUntil } from './support/wait';

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

/**
 * Fires the real autosave alarm now instead of in 15 minutes, and waits until it has
 * fired and the autosave it started has had time to finish.
 */
async function fireAutosaveAlarm(): Promise<void> {
  await chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    await api.alarms.create('autosave', { when: Date.now() });
  });
  await waitUntil(
    () =>
      chromium.evalInWorker(async () => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        return (await api.alarms.get('autosave')) === undefined;
      }),
    (fired) => fired,
  );
  await new Promise((done) => setTimeout(done, 1000));
}

function autosaveSummary(popup: Page) {
  return popup.locator('.list-toggle button');
}

describe.sequential('Chromium: autosaves in the popup, keep one, settings', () => {
  let popup: Page;

  test('a scheduled autosave shows in the popup apart from named sessions', async () => {
    await openOnly(chromium, [[pages.url('a'), pages.url('b')]]);
    // The popup opens as a third tab of that window, and is part of what is saved.
    popup = await chromium.openExtensionPage('popup.html');
    await fireAutosaveAlarm();
    await expect.poll(() => autosaveSummary(popup).textContent()).toBe('Autosaves (1)');
    await expect.poll(() => popup.locator('li.session[data-section="named"]').count()).toBe(0);
    await autosaveSummary(popup).click();
    const rows = popup.locator('li.session[data-section="autosaves"]');
    expect(await rows.locator('.session-meta').allTextContents()).toEqual([
      expect.stringMatching(/^1 window · 3 tabs · /),
    ]);
    await expect
      .poll(() => popup.locator('.storage-line').textContent())
      .toMatch(/0 sessions · 1 autosave · .+ used · last autosave /);
  });

  test('an autosave of an unchanged browser adds nothing; a changed one adds one', async () => {
    await fireAutosaveAlarm();
    expect(await autosaveSummary(popup).textContent()).toBe('Autosaves (1)');
    await chromium.evalInWorker(async (url) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      await api.tabs.create({ url, active: false });
    }, pages.url('c'));
    await fireAutosaveAlarm();
    await expect.poll(() => autosaveSummary(popup).textContent()).toBe('Autosaves (2)');
  });

  test('keep turns an autosave into a named session', async () => {
    const newest = popup.locator('li.session[data-section="autosaves"]').first();
    const name = (await newest.locator('.session-name').textContent())!;
    await newest.getByRole('button', { name: `Keep ${name} as a named session` }).click();
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toBe(`Kept as “${name}” among your sessions.`);
    const named = popup.locator('li.session[data-section="named"]');
    await expect.poll(() => named.locator('.session-name').allTextContents()).toEqual([name]);
    await named.getByRole('button', { name: `Restore ${name}` }).click();
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toMatch(/^Restored 1 window, 4 tabs\./);
  });

  test('the settings page changes the autosave period and refuses a bad one', async () => {
    const options = await chromium.openExtensionPage('manager.html#settings');
    const period = options.getByRole('spinbutton', { name: 'Autosave every minutes' });
    await expect.poll(() => period.inputValue()).toBe('15');
    expect(await options.getByRole('spinbutton', { name: /^Keep the last/ }).inputValue()).toBe(
      '10',
    );
    await period.fill('5');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => options.locator('form.settings').getByRole('status').textContent())
      .toBe('Settings saved.');
    await expect
      .poll(() =>
        chromium.evalInWorker(async () => {
          const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
          return (await api.alarms.get('autosave'))?.periodInMinutes;
        }),
      )
      .toBe(5);

    await period.fill('0');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => options.locator('form.settings').getByRole('status').textContent())
      .toBe('The autosave period must be at least 1.');
    await options.reload();
    await expect.poll(() => period.inputValue()).toBe('5');
  });
});
