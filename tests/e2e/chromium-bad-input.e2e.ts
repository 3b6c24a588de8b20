import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { FORBIDDEN_URLS, putSessionScript, sessionOfUrls } from './support/stored-session';
import { waitUntil } from './support/wait';

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession;
let pages: PagesServer;
let popup: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  pages = await startPagesServer();
  chromium = await launchChromium({ extensionDir: EXTENSION });
  // Any alert() from a saved URL or name would show up here.
  chromium.context.on('page', (page) => page.on('dialog', (d) => void dialogs.push(d.message())));
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  popup = await chromium.openExtensionPage('popup.html');
  popup.on('dialog', (d) => void dialogs.push(d.message()));
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
});

describe.sequential('Chromium: bad input', () => {
  test('URLs an extension may not open restore as placeholders that show them; none runs', async () => {
    const forbidden = FORBIDDEN_URLS;
    await popup.evaluate(
      putSessionScript(
        sessionOfUrls('forbidden', 'Forbidden URLs', [pages.url('fine'), ...forbidden]),
      ),
    );
    await popup.reload();
    await popup.getByRole('button', { name: 'Restore Forbidden URLs' }).click();
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toBe(
        'Restored 1 window, 7 tabs. 6 tabs the browser will not let extensions open show a placeholder.',
      );

    const placeholderPrefix = `chrome-extension://${chromium.extensionId}/placeholder.html?`;
    const shown = await waitUntil(
      async () => {
        const found = chromium.context.pages().filter((p) => p.url().startsWith(placeholderPrefix));
        return Promise.all(
          found.map(async (p) => ({
            // A page still loading answers on the next round instead of holding this one up.
            url: await p
              .locator('.saved-url')
              .textContent({ timeout: 1000 })
              .catch(() => null),
            title: await p.title(),
          })),
        );
      },
      (list) => list.length === forbidden.length && list.every((p) => p.url !== null),
    );
    expect(shown.map((s) => s.url).sort()).toEqual([...forbidden].sort());
    expect(shown.map((s) => s.title).sort()).toEqual(
      forbidden.map((_, i) => `Saved ${i + 1}`).sort(),
    );

    const jsTab = chromium.context
      .pages()
      .find((p) => p.url().startsWith(placeholderPrefix) && p.url().includes('javascript'))!;
    await jsTab.getByRole('button', { name: 'Copy address' }).click();
    await expect
      .poll(() => jsTab.evaluate(() => navigator.clipboard.readText()))
      .toBe(forbidden[0]);
    // Nothing on the page is a link that could run it.
    expect(await jsTab.locator('a').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a name with markup is shown as text, a 10,000-character name is cut to 200', async () => {
    const markup = '<img src=x onerror=alert("ran")><b>bold</b>';
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill(markup);
    await popup.getByRole('button', { name: 'Save session' }).click();
    const saved = popup.locator('.session-name', { hasText: markup });
    await expect.poll(() => saved.count()).toBe(1);
    expect(await popup.locator('.sessions img, .sessions b').count()).toBe(0);

    const before = await popup.locator('li.session').count();
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('n'.repeat(10_000));
    await popup.getByRole('button', { name: 'Save session' }).click();
    // The field stops at 200 characters; whatever reaches the service is at most that long.
    await expect.poll(() => popup.locator('li.session').count()).toBe(before + 1);
    const names = await popup.locator('.session-name').allTextContents();
    expect(names).toContain('n'.repeat(200));
    expect(dialogs).toEqual([]);
  });
});
