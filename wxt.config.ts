import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { benchHooks } from './bench/wxt-hooks';
import { inlinePageCss } from './scripts/inline-page-css';
import { modulesLast } from './scripts/modules-last';

// Gecko needs a stable add-on id so Firefox keeps the extension's storage across
// reinstalls, and so tests can pin its moz-extension:// UUID.
export const GECKO_ID = 'tabkeep@tabkeep.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: no globals appear from nowhere.
  imports: false,
  // MV3 for both browsers: one manifest model (action, service worker / event page,
  // host permissions granted by the user) instead of two.
  manifestVersion: 3,
  // `wxt build --mode bench` adds the benchmark page; every other build leaves it out.
  hooks: benchHooks,
  vite: () => ({
    plugins: [preact(), inlinePageCss('popup'), modulesLast('popup')],
  }),
  manifest: ({ browser }) => ({
    // Words come from public/_locales (English and German).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'tabs',
      'storage',
      'unlimitedStorage',
      'tabGroups',
      'alarms',
      ...(browser === 'firefox' ? ['contextualIdentities', 'cookies'] : ['favicon']),
    ],
    // Logins are opt-in (DESIGN §5): Chrome asks for `cookies` from a click. Firefox grants
    // it with the extension (opening a tab in a container needs it), and there, as in
    // Chrome, reading or setting a site's cookies needs host access, asked per site.
    ...(browser === 'firefox' ? {} : { optional_permissions: ['cookies'] }),
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Tabkeep' },
    // The manager page is also the options page, in a tab of its own: it needs the room.
    options_ui: { page: 'manager.html', open_in_tab: true },
    commands: {
      'save-session': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '139.0' },
          },
        }
      : {}),
  }),
});
