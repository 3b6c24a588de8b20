import type { Badge } from '@/lib/adapters/badge';
import type { CookiesAdapter } from '@/lib/adapters/cookies';
import type { RawBrowserState } from '@/lib/capture/raw';
import type { CookieSetCall } from '@/lib/cookies/restore-rules';
import { TabkeepDb } from '@/lib/db';
import type { BrowserName } from '@/lib/model';
import type { RestoreOutcome, RestorePlan } from '@/lib/restore/plan';
import { SessionService } from '@/lib/service';
import type { Settings } from '@/lib/settings';
import { readWindows } from '@/lib/store/bodies';
import { ORIGIN, rawState } from './fakes';

/** A session service on a fresh fake-indexeddb database and a browser state tests set. */
export class Harness {
  readonly db = new TabkeepDb(`test-${crypto.randomUUID()}`);
  browser: RawBrowserState = rawState([]);
  clock = Date.UTC(2026, 10, 21, 12);
  readonly restored: RestorePlan[] = [];
  readonly schedules: Settings[] = [];
  browserName: BrowserName = 'chrome';
  /** Browser calls in the order made: "tabs" for a restore run, "cookie <name>" per set. */
  readonly events: string[] = [];
  readonly cookies = new FakeCookies(this.events);
  /** Containers of this browser by name; a restore makes missing ones. */
  readonly containers = new Map<string, string>();
  /** Progress reports of restores, [done, total]. */
  readonly progress: [number, number][] = [];
  /** How many of a plan's windows the fake browser fails to open. */
  failWindows = 0;
  /** Called as each window is closed, before the close is recorded as done. */
  onClose?: (id: number) => void | Promise<void>;
  /** Called inside each restore run, before it opens anything. */
  duringRestore?: () => Promise<void>;
  /** How many times the service read the browser's windows. */
  reads = 0;
  private ids = 0;

  service(): SessionService {
    return new SessionService({
      db: this.db,
      readBrowser: async () => {
        this.reads++;
        return structuredClone(this.browser);
      },
      runRestore: async (plan, onProgress): Promise<RestoreOutcome> => {
        await this.duringRestore?.();
        this.restored.push(plan);
        this.events.push('tabs');
        for (let done = 1; done <= plan.tabCount; done++) onProgress?.(done, plan.tabCount);
        const opened = Math.max(0, plan.windows.length - this.failWindows);
        return { windows: opened, tabs: plan.tabCount, warnings: [] };
      },
      restoreProgress: (done, total) => this.progress.push([done, total]),
      closeWindow: async (id) => {
        this.events.push(`close ${id}`);
        await this.onClose?.(id);
      },
      incognitoAllowed: async () => false,
      cookies: this.cookies,
      resolveContainer: async ({ name }) => {
        if (!this.containers.has(name)) {
          this.containers.set(name, `firefox-container-${this.containers.size + 10}`);
        }
        return this.containers.get(name)!;
      },
      applySchedule: async (settings) => {
        this.schedules.push(settings);
      },
      extensionOrigin: ORIGIN,
      browserName: this.browserName,
      now: () => this.clock,
      newId: () => `id-${++this.ids}`,
    });
  }

  /** Tab URLs of a stored session, whichever way its body is stored. */
  async urlsOf(id: string): Promise<string[][]> {
    const summary = await this.db.summaries.get(id);
    if (summary === undefined) throw new Error(`no session ${id}`);
    return (await readWindows(this.db, summary)).map((w) => w.tabs.map((t) => t.url));
  }

  close(): Promise<void> {
    return this.db.delete();
  }
}

export function recordingBadge(): Badge & {
  shown: [string, string, string][];
  warnings: Map<string, string>;
} {
  const shown: [string, string, string][] = [];
  const warnings = new Map<string, string>();
  return {
    shown,
    warnings,
    async flash(text, color, title) {
      shown.push([text, color, title]);
    },
    async warn(source, title) {
      if (title === null) warnings.delete(source);
      else warnings.set(source, title);
    },
  };
}

/** The browser's cookies as the service sees them through its adapter. */
export class FakeCookies implements CookiesAdapter {
  allowed = true;
  /** What `readAll` lists, shaped like `browser.cookies.getAll` results. */
  jar: unknown[] = [];
  readonly set_: CookieSetCall[] = [];
  /** Names of cookies `set` refuses, with the browser's message. */
  readonly refuse = new Map<string, string>();

  constructor(private readonly events: string[] = []) {}

  available(): boolean {
    return this.allowed;
  }

  async readAll(): Promise<unknown[]> {
    return structuredClone(this.jar);
  }

  async set(call: CookieSetCall): Promise<void> {
    const refusal = this.refuse.get(call.name);
    if (refusal !== undefined) throw new Error(refusal);
    this.set_.push(call);
    this.events.push(`cookie ${call.name}`);
  }
}
