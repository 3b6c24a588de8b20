import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { AUTOSAVE_ALARM, LIVE_ALARM, TRASH_ALARM } from '@/lib/adapters/alarms';
import { browserBadge } from '@/lib/adapters/badge';
import { broadcastChanges } from '@/lib/adapters/change-broadcast';
import { announceLazyActivation } from '@/lib/adapters/lazy-activation';
import { onBrowserChange } from '@/lib/adapters/change-events';
import { requestPersistentStorage } from '@/lib/adapters/persistence';
import { sessionStorageRunMarker } from '@/lib/adapters/run-marker';
import { browserTabGroups } from '@/lib/adapters/tab-groups';
import { onWorkerMessage } from '@/lib/adapters/worker-messages';
import { Coalescer } from '@/lib/coalescer';
import { messageFor } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { dispatch } from '@/lib/protocol-server';
import { autosaveWithBadge, purgeTrashWithBadge, recordLiveWithBadge, startRun } from '@/lib/run';
import { createBrowserSessionService } from '@/lib/service-factory';
import { SAVE_COMMAND, saveFromShortcut } from '@/lib/shortcut';

/** A change reaches the live snapshot within this delay plus one snapshot. */
const LIVE_DELAY_MS = 1000;

export default defineBackground(() => {
  const badge = browserBadge();
  const service = createBrowserSessionService(
    import.meta.env.FIREFOX ? 'firefox' : 'chrome',
    badge,
  );
  // The benchmark's build only (dropped from every other): the restore benchmark times the
  // service's restore in this worker, where its bare loops of tabs.create run too; timed
  // from a page, the reply waited behind the lazy pages that page's process was building.
  if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { tabkeepBenchService: service });
  // Nothing may touch the live snapshot before the last run's state is recovered from it.
  // The worker's start: window closes after it belong to this run, not the last one.
  const ready = startRun(service, sessionStorageRunMarker(), performance.timeOrigin);
  const whenReady = (task: () => Promise<void>) => () =>
    ready.then(task, (error: unknown) =>
      badge.warn('start', t('warningRecoveryFailedBadge', messageFor(error))),
    );
  void whenReady(() => service.applySchedule())();
  const purgeTrash = whenReady(() => purgeTrashWithBadge(service, badge));
  void purgeTrash();
  void requestPersistentStorage();
  broadcastChanges();
  const live = new Coalescer(
    whenReady(() => recordLiveWithBadge(service, badge)),
    LIVE_DELAY_MS,
  );

  // Listeners are registered synchronously so a waking service worker gets the event.
  browser.runtime.onMessage.addListener((message, sender) =>
    sender.id === browser.runtime.id ? dispatch(service, message) : undefined,
  );
  onWorkerMessage((message) => dispatch(service, message));
  browser.commands.onCommand.addListener((command) => {
    if (command === SAVE_COMMAND) void saveFromShortcut(service, badge);
  });
  onBrowserChange(browserTabGroups(), () => live.poke());
  // Firefox restores tabs discarded, not on the lazy page.
  if (!import.meta.env.FIREFOX) announceLazyActivation();
  // At once, not after `ready`: if this was the last window, the browser is quitting.
  browser.windows.onRemoved.addListener(() => void service.windowClosed());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === LIVE_ALARM) live.poke();
    if (alarm.name === AUTOSAVE_ALARM) void whenReady(() => autosaveWithBadge(service, badge))();
    if (alarm.name === TRASH_ALARM) void purgeTrash();
  });
  // Listening makes the browser start the worker at startup; the work is done above.
  browser.runtime.onStartup.addListener(() => live.poke());
  browser.runtime.onInstalled.addListener(() => live.poke());
  live.poke();
});
