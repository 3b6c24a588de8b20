import * as v from 'valibot';
import { snapshotWindows } from './capture/map';
import type { RawBrowserState } from './capture/raw';
import type { TabkeepDb } from './db';
import { UserError } from './errors';
import { contentHash } from './hash';
import { countTabs, SessionBodySchema, type BrowserName, type SessionSummary } from './model';
import { defaultSessionName, normalizeName } from './naming';
import type { RestoreReport, SaveRequest, SaveResult, ServiceApi } from './protocol';
import { planRestore, type RestoreOutcome, type RestorePlan } from './restore/plan';
import { isNewTabUrl } from './url-kind';

export interface SessionServiceDeps {
  db: TabkeepDb;
  /** Reads every window, tab, group and container: all browser reads before any write. */
  readBrowser(): Promise<RawBrowserState>;
  /** Carries out a restore plan with browser calls. */
  runRestore(plan: RestorePlan): Promise<RestoreOutcome>;
  incognitoAllowed(): Promise<boolean>;
  extensionOrigin: string;
  browserName: BrowserName;
  now?: () => number;
  newId?: () => string;
}

/** The session service: the only code that writes to the database. */
export class SessionService implements ServiceApi {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  async save(req: SaveRequest): Promise<SaveResult> {
    const typed = normalizeName(req.name ?? '');
    if (!typed.ok) throw new UserError(typed.error);
    const raw = await this.deps.readBrowser();
    const { windows, skipped } = snapshotWindows(raw, this.deps.extensionOrigin);
    const tabs = windows.flatMap((w) => w.tabs);
    if (tabs.length === 0) {
      throw new UserError(
        skipped.privateWindows > 0
          ? 'Nothing to save: only private windows are open, and Tabkeep is not allowed in them.'
          : 'Nothing to save: no windows with tabs are open.',
      );
    }
    if (tabs.every((t) => isNewTabUrl(t.url))) {
      throw new UserError('Nothing to save: only empty new-tab pages are open.');
    }
    const now = this.now();
    const id = this.newId();
    const session: SessionSummary = {
      id,
      name: typed.name || defaultSessionName(windows, new Date(now)),
      kind: 'manual',
      createdAt: now,
      updatedAt: now,
      tags: [],
      windowCount: windows.length,
      tabCount: countTabs(windows),
      hash: await contentHash(windows),
      origin: this.deps.browserName,
      deletedAt: 0,
    };
    const { db } = this.deps;
    await db.transaction('rw', db.summaries, db.bodies, async () => {
      await db.bodies.add({ id, windows });
      await db.summaries.add(session);
    });
    return { session, skippedPrivateWindows: skipped.privateWindows };
  }

  async rename({ id, name }: { id: string; name: string }): Promise<SessionSummary> {
    const typed = normalizeName(name);
    if (!typed.ok) throw new UserError(typed.error);
    if (typed.name === '') throw new UserError('A session needs a name.');
    const { db } = this.deps;
    return db.transaction('rw', db.summaries, async () => {
      const session = await this.liveSummary(id);
      const renamed = { ...session, name: typed.name, updatedAt: this.now() };
      await db.summaries.put(renamed);
      return renamed;
    });
  }

  /** Moves a session to the trash; `undoRemove` brings it back. */
  async remove({ id }: { id: string }): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', db.summaries, async () => {
      await this.liveSummary(id);
      await db.summaries.update(id, { deletedAt: this.now() });
    });
  }

  async undoRemove({ id }: { id: string }): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', db.summaries, async () => {
      const session = await db.summaries.get(id);
      if (session === undefined) throw new UserError('That session no longer exists.');
      await db.summaries.update(id, { deletedAt: 0 });
    });
  }

  async restore({ id }: { id: string }): Promise<RestoreReport> {
    const { db } = this.deps;
    const [session, stored] = await db.transaction('r', db.summaries, db.bodies, () =>
      Promise.all([this.liveSummary(id), db.bodies.get(id)]),
    );
    // Bodies may have been written by an older version: check before acting on one.
    const body = v.safeParse(SessionBodySchema, stored);
    if (!body.success) {
      throw new UserError(`“${session.name}” cannot be restored: its stored data is damaged.`);
    }
    const plan = planRestore(body.output.windows, {
      extensionOrigin: this.deps.extensionOrigin,
      incognitoAllowed: await this.deps.incognitoAllowed(),
    });
    const outcome = await this.deps.runRestore(plan);
    const warnings = [...outcome.warnings];
    if (plan.privateAsNormal > 0) {
      warnings.push(
        `${plan.privateAsNormal} private window(s) opened as normal windows: Tabkeep is not allowed in private windows.`,
      );
    }
    return { ...outcome, placeholders: plan.placeholders, warnings };
  }

  private async liveSummary(id: string): Promise<SessionSummary> {
    const session = await this.deps.db.summaries.get(id);
    if (session === undefined || session.deletedAt !== 0) {
      throw new UserError('That session no longer exists.');
    }
    return session;
  }
}
