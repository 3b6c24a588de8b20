import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserBadge } from '@/lib/adapters/badge';
import { dispatch } from '@/lib/protocol-server';
import { createBrowserSessionService } from '@/lib/service-factory';
import { SAVE_COMMAND, saveFromShortcut } from '@/lib/shortcut';

export default defineBackground(() => {
  const service = createBrowserSessionService(import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  const badge = browserBadge();

  // Listeners are registered synchronously so a waking service worker gets the event.
  browser.runtime.onMessage.addListener((message, sender) =>
    sender.id === browser.runtime.id ? dispatch(service, message) : undefined,
  );
  browser.commands.onCommand.addListener((command) => {
    if (command === SAVE_COMMAND) void saveFromShortcut(service, badge);
  });
});
