import type { Badge } from '@/lib/adapters/badge';
import type { RawBrowserState } from '@/lib/capture/raw';
import { TabkeepDb } from '@/lib/db';
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
  private ids = 0;

  service(): SessionService {
    return new SessionService({
      db: this.db,
      readBrowser: async () => structuredClone(this.browser),
      runRestore: async (plan): Promise<RestoreOutcome> => {
        this.restored.push(plan);
        return { windows: plan.windows.length, tabs: plan.tabCount, warnings: [] };
      },
      incognitoAllowed: async () => false,
      applySchedule: async (settings) => {
        this.schedules.push(settings);
      },
      extensionOrigin: ORIGIN,
      browserName: 'chrome',
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
