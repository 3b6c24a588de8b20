import { browser } from 'wxt/browser';
import { applySchedule } from './adapters/alarms';
import { browserContainers } from './adapters/containers';
import { browserCookies } from './adapters/cookies';
import { browserTabGroups } from './adapters/tab-groups';
import { readBrowserState } from './capture/read-browser';
import { openDb } from './db';
import type { BrowserName } from './model';
import type { Badge } from './adapters/badge';
import { runRestorePlan } from './restore/execute';
import { progressPoster } from './restore/progress-channel';
import { progressReporter } from './restore/progress-report';
import { SessionService } from './service';

export function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}

/** The session service wired to the real browser. */
export function createBrowserSessionService(
  browserName: BrowserName,
  badge: Badge,
): SessionService {
  const tabGroups = browserTabGroups();
  const containers = browserContainers();
  return new SessionService({
    db: openDb(),
    readBrowser: () => readBrowserState(tabGroups, containers),
    runRestore: (plan, onProgress) => runRestorePlan(plan, { tabGroups, containers }, onProgress),
    restoreProgress: progressReporter(badge, progressPoster()),
    closeWindow: (id) => browser.windows.remove(id),
    incognitoAllowed: () => browser.extension.isAllowedIncognitoAccess(),
    cookies: browserCookies(browserName === 'firefox'),
    resolveContainer: (saved) => containers.resolve({ cookieStoreId: '', ...saved }),
    applySchedule,
    extensionOrigin: extensionOrigin(),
    browserName,
  });
}
