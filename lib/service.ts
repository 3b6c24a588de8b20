import { autosaveOnce, pruneOldestAutosave, recordAutosaveFailure } from './autosave';
import type { AutosaveOutcome } from './autosave';
import { BusyGate } from './busy-gate';
import { snapshotWindows } from './capture/map';
import type { CookiesAdapter } from './adapters/cookies';
import type { RawBrowserState, RawContainer } from './capture/raw';
import { cookieInfo, selectCookies, type CookieScope } from './cookies/capture';
import type { CookieJar, SavedCookie } from './cookies/model';
import { restoreCookies, type CookieRestoreReport } from './cookies/restore-run';
import { tabHosts } from './cookies/sites';
import type { TabkeepDb } from './db';
import { isQuotaError, messageFor, UserError } from './errors';
import { contentHash } from './hash';
import { t } from './i18n';
import { markWindowClosed, writeLive, type LiveOutcome } from './live';
import {
  countTabs,
  type BrowserName,
  type SessionBody,
  type SessionSummary,
  type WindowSnap,
} from './model';
import { defaultSessionName, MAX_NAME_LENGTH, normalizeName, siteLabel } from './naming';
import { dedupeKey, hasLogin, type ImportCounts } from './import-preview';
import { ImportStaging, type StagedSession } from './import-staging';
import { applyTabEdit } from './edit/apply';
import { mergedName, mergeWindows } from './edit/merge';
import { normalizeTags, unionTags } from './edit/tags';
import type {
  CommitImportRequest,
  EditTabsRequest,
  EditTabsResult,
  MergeRequest,
  ImportResult,
  KeepRequest,
  RestoreReport,
  RestoreRequest,
  SaveRequest,
  SaveResult,
  ServiceApi,
  StageImportRequest,
} from './protocol';
import { beginRun } from './recovery';
import type { ProgressListener } from './restore/execute';
import { DEFAULT_MODE, targetOf, windowsForMode } from './restore/mode';
import { lazyStyle, planRestore, type RestoreOutcome, type RestorePlan } from './restore/plan';
import { PROGRESS_MIN_TABS } from './restore/progress-report';
import { normalWindowIds, replaceWindows } from './restore/replace';
import { loadSettings, settingsRow, SETTINGS_KEY, type Settings } from './settings';
import { listLiveSessions } from './session-index';
import { readWindows } from './store/bodies';
import { readEditable, writeEdited } from './store/rewrite';
import { deleteForever, emptyTrash, purgeTrash } from './trash';
import { writeSearchText, writeSearchTexts } from './store/search-texts';
import { isNewTabUrl } from './url-kind';

export interface SessionServiceDeps {
  db: TabkeepDb;
  /** Reads every window, tab, group and container: all browser reads before any write. */
  readBrowser(): Promise<RawBrowserState>;
  /** Carries out a restore plan with browser calls. */
  runRestore(plan: RestorePlan, onProgress?: ProgressListener): Promise<RestoreOutcome>;
  /** Shows a big restore's progress (badge, open pages). */
  restoreProgress?: ProgressListener;
  /** Absent where nothing is restored (the benchmark). */
  closeWindow?(id: number): Promise<void>;
  incognitoAllowed(): Promise<boolean>;
  cookies: CookiesAdapter;
  /** A container with that name (found, or made); null when there can be none. */
  resolveContainer(saved: { name: string; color: string; icon: string }): Promise<string | null>;
  /** Makes the browser's alarms match the settings. */
  applySchedule(settings: Settings): Promise<void>;
  extensionOrigin: string;
  browserName: BrowserName;
  now?: () => number;
  newId?: () => string;
}

// Enough to clear a full rolling set of autosaves; each retry drops one.
const MAX_PRUNES = 200;

/** The session service: the only code that writes to the database. */
export class SessionService implements ServiceApi {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly staging: ImportStaging;
  private readonly restoring = new BusyGate();

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.staging = new ImportStaging(this.now, async () =>
      (await listLiveSessions(this.deps.db)).map((s) => dedupeKey(s.hash, s.cookies !== undefined)),
    );
  }

  async save(req: SaveRequest): Promise<SaveResult> {
    const typed = normalizeName(req.name ?? '');
    if (!typed.ok) throw typed.error;
    const { windows, skippedPrivateWindows, containers } = await this.capture();
    if (countTabs(windows) === 0) {
      throw new UserError(
        skippedPrivateWindows > 0 ? 'errorNothingToSavePrivate' : 'errorNothingToSave',
      );
    }
    if (isBlank(windows)) {
      throw new UserError('errorNothingToSaveBlank');
    }
    const logins =
      req.cookies === undefined ? null : await this.readCookies(windows, req.cookies, containers);
    const now = this.now();
    const session = await this.summaryOf(windows, {
      id: this.newId(),
      name: typed.name || defaultSessionName(windows, new Date(now)),
      kind: 'manual',
      now,
    });
    const jar = logins !== null && logins.cookies.length > 0 ? logins.cookies : null;
    const allSites = req.cookies === 'all';
    if (jar !== null) session.cookies = cookieInfo(jar, allSites ? null : tabHosts(windows));
    const { db } = this.deps;
    await this.withRoom(() =>
      db.transaction('rw', [db.summaries, db.bodies, db.cookieJars, db.searchTexts], async () => {
        await db.bodies.add({ id: session.id, windows });
        await writeSearchText(db, session.id, windows);
        if (jar !== null) {
          await db.cookieJars.add({ id: session.id, cookies: jar, ...(allSites && { allSites }) });
        }
        await db.summaries.add(session);
      }),
    );
    return {
      session,
      skippedPrivateWindows,
      ...(logins !== null && {
        cookies: {
          saved: jar?.length ?? 0,
          ...(logins.note !== undefined && { note: logins.note }),
        },
      }),
    };
  }

  /** The cookies a save keeps; a refusal of the browser becomes a note, not a lost save. */
  private async readCookies(
    windows: WindowSnap[],
    scope: CookieScope,
    containers: RawContainer[],
  ): Promise<{ cookies: SavedCookie[]; note?: string }> {
    if (!this.deps.cookies.available()) {
      return { cookies: [], note: t('noteCookiesNotAllowed') };
    }
    try {
      const raw = await this.deps.cookies.readAll(containers.map((c) => c.cookieStoreId));
      return { cookies: selectCookies(raw, { hosts: tabHosts(windows), scope, containers }) };
    } catch (error) {
      return {
        cookies: [],
        note: t('noteCookiesRefused', error instanceof Error ? error.message : String(error)),
      };
    }
  }

  async rename({ id, name }: { id: string; name: string }): Promise<SessionSummary> {
    const typed = normalizeName(name);
    if (!typed.ok) throw typed.error;
    if (typed.name === '') throw new UserError('errorNameNeeded');
    const { db } = this.deps;
    return this.withRoom(() =>
      db.transaction('rw', db.summaries, async () => {
        const session = await this.liveSummary(id);
        const renamed = { ...session, name: typed.name, updatedAt: this.now() };
        await db.summaries.put(renamed);
        return renamed;
      }),
    );
  }

  /** Moves a session to the trash; `undoRemove` brings it back. */
  async remove({ id }: { id: string }): Promise<void> {
    const { db } = this.deps;
    await this.withRoom(() =>
      db.transaction('rw', db.summaries, async () => {
        await this.liveSummary(id);
        await db.summaries.update(id, { deletedAt: this.now() });
      }),
    );
  }

  async undoRemove({ id }: { id: string }): Promise<void> {
    const { db } = this.deps;
    await this.withRoom(() =>
      db.transaction('rw', db.summaries, async () => {
        const session = await db.summaries.get(id);
        if (session === undefined) throw new UserError('errorSessionGone');
        await db.summaries.update(id, { deletedAt: 0 });
      }),
    );
  }

  async restore({
    id,
    cookies: mayRestoreCookies,
    mode = DEFAULT_MODE,
  }: RestoreRequest): Promise<RestoreReport> {
    const { db } = this.deps;
    const { saved, summary, jar } = await this.withRoom(() =>
      db.transaction(
        'r',
        [db.summaries, db.bodies, db.refLists, db.tabRecords, db.cookieJars],
        async () => {
          const summary = await this.liveSummary(id);
          return {
            summary,
            saved: await readWindows(db, summary),
            jar: await db.cookieJars.get(id),
          };
        },
      ),
    );
    const windows = windowsForMode(saved, mode);
    if (windows === null) throw new UserError('errorTabGone');
    // Cookies first: a tab that loads before its login cookie is set loads logged out.
    const cookies =
      summary.cookies === undefined
        ? undefined
        : await this.restoreCookies(jar, windows, mayRestoreCookies === true);
    const plan = planRestore(windows, {
      extensionOrigin: this.deps.extensionOrigin,
      incognitoAllowed: await this.deps.incognitoAllowed(),
      lazy: lazyStyle(this.deps.browserName, (await this.settings()).restore.lazy),
      into: targetOf(mode),
    });
    const run = () =>
      this.restoring.during(() =>
        this.deps.runRestore(
          plan,
          plan.tabCount > PROGRESS_MIN_TABS ? this.deps.restoreProgress : undefined,
        ),
      );
    const outcome =
      mode.kind === 'replace'
        ? await replaceWindows(plan, {
            openWindowIds: async () => normalWindowIds(await this.deps.readBrowser()),
            // Through the scheduled autosave's path: it lists under Autosaves, and an
            // unchanged browser (already kept by the newest autosave) writes nothing.
            keep: async () => void (await this.autosave()),
            restore: run,
            closeWindow: async (windowId) => {
              if (this.deps.closeWindow === undefined) throw new Error('cannot close windows');
              await this.deps.closeWindow(windowId);
            },
          })
        : await run();
    const warnings = [...outcome.warnings];
    if (plan.privateAsNormal > 0) {
      warnings.push(t('warningPrivateAsNormal', plan.privateAsNormal));
    }
    return {
      ...outcome,
      placeholders: plan.placeholders,
      warnings,
      ...(cookies !== undefined && { cookies }),
    };
  }

  private async restoreCookies(
    jar: CookieJar | undefined,
    windows: readonly WindowSnap[],
    allowed: boolean,
  ): Promise<CookieRestoreReport> {
    if (!allowed || !this.deps.cookies.available()) {
      return {
        restored: 0,
        skipped: [],
        skippedCount: 0,
        warnings: [t('warningCookiesNotSet')],
      };
    }
    return restoreCookies(jar?.cookies ?? [], windows, {
      allSites: jar?.allSites === true,
      cookies: this.deps.cookies,
      resolveContainer: (c) => this.deps.resolveContainer(c),
      containersSupported: this.deps.browserName === 'firefox',
      defaultStore: this.deps.browserName === 'firefox' ? 'firefox-default' : '0',
      now: this.now(),
    });
  }

  /** Deletes every saved cookie: the jars, and the summaries' word of them. */
  async forgetCookies(): Promise<{ sessions: number }> {
    const { db } = this.deps;
    return this.withRoom(() =>
      db.transaction('rw', db.summaries, db.cookieJars, async () => {
        const sessions = await db.cookieJars.count();
        await db.cookieJars.clear();
        await db.summaries
          .filter((s) => s.cookies !== undefined)
          .modify((s) => {
            delete s.cookies;
          });
        return { sessions };
      }),
    );
  }

  /** Copies an autosave or recovered session into a named session of its own. */
  async keep({ id, name }: KeepRequest): Promise<SessionSummary> {
    const typed = normalizeName(name ?? '');
    if (!typed.ok) throw typed.error;
    const { db } = this.deps;
    const now = this.now();
    return this.withRoom(() =>
      db.transaction(
        'rw',
        [db.summaries, db.bodies, db.refLists, db.tabRecords, db.searchTexts],
        async () => {
          const source = await this.liveSummary(id);
          const windows = await readWindows(db, source);
          const kept: SessionSummary = {
            ...source,
            id: this.newId(),
            name: typed.name || source.name,
            kind: 'manual',
            createdAt: now,
            updatedAt: now,
          };
          // A copy of the tabs only: saved logins stay with the session they were saved with.
          delete kept.cookies;
          await db.bodies.add({ id: kept.id, windows });
          await writeSearchText(db, kept.id, windows);
          await db.summaries.add(kept);
          return kept;
        },
      ),
    );
  }

  /** Removes, moves or dedupes tabs of a named session; refused edits change nothing. */
  async editTabs({ id, edit }: EditTabsRequest): Promise<EditTabsResult> {
    const { db } = this.deps;
    return this.withRoom(async () => {
      const source = await readEditable(db, id);
      const { windows, removed } = applyTabEdit(source.body.windows, edit);
      if (edit.op === 'dedupe' && removed === 0) return { session: source.summary, removed };
      return { session: await writeEdited(db, source, windows, this.now()), removed };
    });
  }

  async merge({ ids, name }: MergeRequest): Promise<SessionSummary> {
    const typed = normalizeName(name ?? '');
    if (!typed.ok) throw typed.error;
    const unique = [...new Set(ids)];
    if (unique.length < 2) throw new UserError('errorMergeTooFew');
    const { db } = this.deps;
    const sources = await this.withRoom(() =>
      db.transaction('r', [db.summaries, db.bodies, db.refLists, db.tabRecords], async () => {
        const out: { summary: SessionSummary; windows: WindowSnap[] }[] = [];
        for (const sourceId of unique) {
          const summary = await this.liveSummary(sourceId);
          out.push({ summary, windows: await readWindows(db, summary) });
        }
        return out;
      }),
    );
    const windows = mergeWindows(sources.map((s) => s.windows));
    const merged = await this.summaryOf(windows, {
      id: this.newId(),
      name:
        typed.name ||
        mergedName(
          sources.map((s) => s.summary.name),
          MAX_NAME_LENGTH,
        ),
      kind: 'manual',
      now: this.now(),
    });
    merged.tags = unionTags(sources.map((s) => s.summary.tags));
    // Saved logins stay with the sessions they were saved with, as with keep.
    await this.withRoom(() =>
      db.transaction('rw', [db.summaries, db.bodies, db.searchTexts], async () => {
        await db.bodies.add({ id: merged.id, windows });
        await writeSearchText(db, merged.id, windows);
        await db.summaries.add(merged);
      }),
    );
    return merged;
  }

  async setTags({ id, tags }: { id: string; tags: string[] }): Promise<SessionSummary> {
    const typed = normalizeTags(tags);
    if (!typed.ok) throw typed.error;
    return this.updateSummary(id, { tags: typed.tags, updatedAt: this.now() });
  }

  /** A star is not an edit of the session: updatedAt stays. */
  async setFavourite({ id, favourite }: { id: string; favourite: boolean }) {
    return this.updateSummary(id, { favourite });
  }

  async deleteForever({ id }: { id: string }): Promise<void> {
    await this.withRoom(() => deleteForever(this.deps.db, id));
  }

  async emptyTrash(): Promise<{ sessions: number }> {
    return { sessions: await this.withRoom(() => emptyTrash(this.deps.db)) };
  }

  /** Drops sessions that have waited in the trash their 30 days. Not on the protocol. */
  purgeTrash(): Promise<number> {
    return this.withRoom(() => purgeTrash(this.deps.db, this.now()));
  }

  private updateSummary(id: string, change: Partial<SessionSummary>): Promise<SessionSummary> {
    const { db } = this.deps;
    return this.withRoom(() =>
      db.transaction('rw', db.summaries, async () => {
        const updated = { ...(await this.liveSummary(id)), ...change };
        await db.summaries.put(updated);
        return updated;
      }),
    );
  }

  /**
   * Adds imported sessions in one transaction: all or none. A session whose windows and
   * tabs equal one already kept (not in the trash) is not added twice.
   */
  async stageImport(req: StageImportRequest): Promise<ImportCounts> {
    return this.staging.stage(req);
  }

  /** Everything staged for this import, in one transaction: all or nothing. */
  async commitImport(req: CommitImportRequest): Promise<ImportResult> {
    return this.importSessions({ sessions: this.staging.take(req) });
  }

  async cancelImport({ importId }: { importId: string }): Promise<void> {
    this.staging.cancel(importId);
  }

  async holdImport({ importId }: { importId: string }): Promise<{ held: boolean }> {
    return { held: this.staging.hold(importId) };
  }

  /** Sessions from a file, after the preview; those already kept are left out. */
  async importSessions({ sessions }: { sessions: StagedSession[] }): Promise<ImportResult> {
    const now = this.now();
    const prepared: { summary: SessionSummary; body: SessionBody; jar?: CookieJar }[] = [];
    for (const { session, hash } of sessions) {
      const typed = normalizeName(session.name);
      const windows = session.windows.filter((w) => w.tabs.length > 0);
      if (windows.length === 0) continue;
      const id = this.newId();
      const logins = hasLogin(session) ? session.cookies : null;
      prepared.push({
        summary: {
          id,
          name: (typed.ok && typed.name) || defaultSessionName(windows, new Date(now)),
          kind: 'import',
          createdAt: session.createdAt,
          updatedAt: now,
          tags: session.tags,
          windowCount: windows.length,
          tabCount: countTabs(windows),
          // Staging hashed what the preview counted; only a changed session needs it again.
          hash: windows.length === session.windows.length ? hash : await contentHash(windows),
          origin: this.deps.browserName,
          deletedAt: 0,
          ...(logins && {
            cookies: cookieInfo(logins, session.cookieScope === 'all' ? null : tabHosts(windows)),
          }),
        },
        body: { id, windows, ...(session.extra && { extra: session.extra }) },
        ...(logins && {
          jar: {
            id,
            cookies: logins,
            ...(session.cookieScope === 'all' && { allSites: true as const }),
          },
        }),
      });
    }
    const { db } = this.deps;
    return this.withRoom(() =>
      db.transaction('rw', [db.summaries, db.bodies, db.cookieJars, db.searchTexts], async () => {
        const keyOf = (s: SessionSummary) => dedupeKey(s.hash, s.cookies !== undefined);
        const kept = new Set((await listLiveSessions(db)).map(keyOf));
        const fresh = prepared.filter(({ summary }) => {
          if (kept.has(keyOf(summary))) return false;
          kept.add(keyOf(summary));
          return true;
        });
        // Bulk: one request each, not one await per session (2,000 sessions in a 100 MB file).
        await db.bodies.bulkAdd(fresh.map((p) => p.body));
        await writeSearchTexts(
          db,
          fresh.map((p) => p.body),
        );
        await db.cookieJars.bulkAdd(fresh.flatMap((p) => (p.jar ? [p.jar] : [])));
        await db.summaries.bulkAdd(fresh.map((p) => p.summary));
        return {
          imported: fresh.map((p) => p.summary),
          duplicates: prepared.length - fresh.length,
        };
      }),
    );
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    await this.withRoom(() => this.deps.db.state.put(settingsRow(settings)));
    await this.deps.applySchedule(settings);
    return settings;
  }

  async settings(): Promise<Settings> {
    return loadSettings(await this.deps.db.state.get(SETTINGS_KEY)).settings;
  }

  /** Makes the browser's alarms match the stored settings. */
  async applySchedule(): Promise<void> {
    await this.deps.applySchedule(await this.settings());
  }

  /** Brings the live snapshot up to date with the browser. */
  async recordLive(): Promise<LiveOutcome> {
    await this.restoring.idle();
    const { windows } = await this.capture();
    const input = {
      windows,
      hash: await contentHash(windows),
      blank: isBlank(windows),
      sites: siteLabel(windows),
    };
    return this.withRoom(() => writeLive(this.deps.db, input, this.now(), this.newId));
  }

  /** A scheduled autosave. A failure is recorded for the storage line and thrown. */
  async autosave(): Promise<AutosaveOutcome> {
    try {
      await this.recordLive();
      const { autosave } = await this.settings();
      return await this.withRoom(() =>
        autosaveOnce(this.deps.db, {
          now: this.now(),
          id: this.newId(),
          origin: this.deps.browserName,
          settings: autosave,
        }),
      );
    } catch (error) {
      await recordAutosaveFailure(this.deps.db, this.now(), messageFor(error));
      throw error;
    }
  }

  /** A new browser run, begun at `runStartedAt`: recovers the last one's state as a session. */
  beginRun(runId: string, runStartedAt: number): Promise<SessionSummary | null> {
    return beginRun(this.deps.db, {
      runId,
      now: this.now(),
      runStartedAt,
      origin: this.deps.browserName,
    });
  }

  /**
   * A normal window closed. Synchronous up to the write, which must be under way before
   * the browser quits if that was the last window.
   */
  windowClosed(): Promise<unknown> {
    return markWindowClosed(this.deps.db, this.now());
  }

  private async capture(): Promise<{
    windows: WindowSnap[];
    skippedPrivateWindows: number;
    containers: RawContainer[];
  }> {
    const raw = await this.deps.readBrowser();
    const { windows, skipped } = snapshotWindows(raw, this.deps.extensionOrigin);
    return { windows, skippedPrivateWindows: skipped.privateWindows, containers: raw.containers };
  }

  private async summaryOf(
    windows: WindowSnap[],
    meta: { id: string; name: string; kind: SessionSummary['kind']; now: number },
  ): Promise<SessionSummary> {
    return {
      id: meta.id,
      name: meta.name,
      kind: meta.kind,
      createdAt: meta.now,
      updatedAt: meta.now,
      tags: [],
      windowCount: windows.length,
      tabCount: countTabs(windows),
      hash: await contentHash(windows),
      origin: this.deps.browserName,
      deletedAt: 0,
    };
  }

  /**
   * Runs a write; when storage is full, drops the oldest autosave and tries again, so a
   * named session or a fresh snapshot wins over old autosaves. A closed database is
   * reopened first (Dexie leaves it closed after the browser closed it).
   */
  private async withRoom<T>(write: () => Promise<T>): Promise<T> {
    for (let prunes = 0; ; prunes++) {
      if (!this.deps.db.isOpen()) await this.deps.db.open();
      try {
        return await write();
      } catch (error) {
        if (!isQuotaError(error) || prunes >= MAX_PRUNES) throw error;
        if (!(await pruneOldestAutosave(this.deps.db))) throw error;
      }
    }
  }

  private async liveSummary(id: string): Promise<SessionSummary> {
    const session = await this.deps.db.summaries.get(id);
    if (session === undefined || session.deletedAt !== 0) {
      throw new UserError('errorSessionGone');
    }
    return session;
  }
}

function isBlank(windows: readonly WindowSnap[]): boolean {
  return windows.every((w) => w.tabs.every((t) => isNewTabUrl(t.url)));
}
