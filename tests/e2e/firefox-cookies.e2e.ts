import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startLoginServer, type LoginServer } from './support/login-server';
import { waitUntil } from './support/wait';

const EXTENSION = resolve('.output/firefox-mv3');
/** Not one of Firefox's own four: a fresh profile already has a "Work". */
const CONTAINER = 'Tabkeep Bank';

let firefox: FirefoxSession;
let server: LoginServer;
let popup: Page;

beforeAll(async () => {
  server = await startLoginServer();
  firefox = await launchFirefox({
    extensionDir: EXTENSION,
    // Grants optional permissions asked from a click without the doorhanger, which
    // WebDriver BiDi cannot answer. The request must still come from real input.
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  popup = await firefox.openExtensionPage('popup.html', '.save-form');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Tabs showing the login site's home page: their container's name and id, and title. */
function homeTabs() {
  return firefox.evalInExtension(
    popup,
    async (api, home) => {
      const names = new Map(
        (await api.contextualIdentities.query({})).map((c) => [c.cookieStoreId, c.name]),
      );
      // Match patterns leave ports out: filter by hand.
      const tabs = (await api.tabs.query({})).filter((t) => (t.url ?? '').startsWith(home));
      return tabs.map((t) => ({
        container: names.get(t.cookieStoreId ?? '') ?? null,
        store: t.cookieStoreId ?? '',
        title: t.title ?? '',
      }));
    },
    server.homeUrl,
  );
}

const statusText = () => popup.$eval('.status', (el) => el.textContent ?? '');

test('Firefox: a login saved in a container comes back into the container of that name', async () => {
  const saved = await firefox.evalInExtension(
    popup,
    async (api, name, login) => {
      const container = await api.contextualIdentities.create({
        name,
        color: 'green',
        icon: 'dollar',
      });
      await api.tabs.create({ url: login, cookieStoreId: container.cookieStoreId });
      return container.cookieStoreId;
    },
    CONTAINER,
    server.loginUrl('bob'),
  );
  await waitUntil(homeTabs, (tabs) => tabs.some((t) => t.title === 'Logged in as bob'));

  await popup.bringToFront();
  await popup.click('.with-logins input');
  await popup.click('.save-form button[type=submit]');
  const status = await waitUntil(statusText, (text) => text.startsWith('Saved'));
  expect(status).toMatch(/With its login \(1 cookie\)\.$/);

  // The container goes, and its cookies with it; a container of the same name is made
  // again at the restore, with another id, as on another computer.
  await firefox.evalInExtension(
    popup,
    async (api, store) => {
      const tabs = await api.tabs.query({ cookieStoreId: store });
      await api.tabs.remove(tabs.map((t) => t.id!));
      await api.contextualIdentities.remove(store);
    },
    saved,
  );
  expect(await homeTabs()).toEqual([]);

  await popup.bringToFront();
  await popup.click('.session button');
  await waitUntil(statusText, (text) => text.includes('Restored 1 of 1 saved cookies.'));
  const tabs = await waitUntil(homeTabs, (list) => list.some((t) => t.title !== ''), {
    timeoutMs: 15_000,
  });
  expect(tabs).toEqual([
    { container: CONTAINER, store: expect.any(String), title: 'Logged in as bob' },
  ]);
  expect(tabs[0]!.store).not.toBe(saved);
});
