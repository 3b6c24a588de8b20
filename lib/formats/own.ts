import * as v from 'valibot';
import { t } from '../i18n';
import type {
  BrowserName,
  ContainerSnap,
  Extra,
  GroupSnap,
  SessionSummary,
  TabSnap,
  WindowSnap,
} from '../model';
import { SavedCookieSchema, type SavedCookie } from '../cookies/model';
import { unknownFields, withExtra } from './extra-fields';
import { FormatError, type ImportedSession, type ParsedFile, type Skipped } from './imported';
import { describeIssuePath, issueReason } from './issue-path';
import { place } from './place';
import {
  OwnContainerSchema,
  OwnFileSchema,
  OwnGroupSchema,
  OwnSessionSchema,
  OwnTabSchema,
  OwnWindowSchema,
  TABKEEP_FORMAT,
  TABKEEP_VERSION,
  type OwnFile,
  type OwnSession,
} from './own-schema';

export interface ExportEntry {
  summary: SessionSummary;
  windows: WindowSnap[];
  /** Session fields an imported file had that this version does not know. */
  extra?: Extra;
  /** Saved cookies, only when the person chose to export them (encrypted). */
  cookies?: readonly unknown[];
  /** The cookies were saved with "all sites". */
  allSites?: boolean;
}

type ExportMeta = { appVersion: string; browser: BrowserName; now: number };

/** Sessions -> Tabkeep's own file (DESIGN §6). Pure; the caller serialises it. */
export function toTabkeepFile(entries: readonly ExportEntry[], meta: ExportMeta): OwnFile {
  return {
    format: TABKEEP_FORMAT,
    version: TABKEEP_VERSION,
    exportedAt: new Date(meta.now).toISOString(),
    app: { name: 'Tabkeep', version: meta.appVersion, browser: meta.browser },
    // Last, so that `tabkeepFileParts` can write the sessions one by one after the rest.
    sessions: entries.map(toFileSession),
  };
}

/**
 * The same file as `JSON.stringify(toTabkeepFile(…))`, as pieces of text, one per session:
 * a big export never has to be one string, and a page can show progress between pieces.
 */
export function* tabkeepFileParts(
  entries: readonly ExportEntry[],
  meta: ExportMeta,
): Generator<string> {
  const empty = JSON.stringify(toTabkeepFile([], meta));
  yield empty.slice(0, -']}'.length);
  for (let i = 0; i < entries.length; i++) {
    yield (i === 0 ? '' : ',') + JSON.stringify(toFileSession(entries[i]!));
  }
  yield ']}';
}

function toFileSession({ summary, windows, extra, cookies, allSites }: ExportEntry) {
  return withExtra(
    {
      id: summary.id,
      name: summary.name,
      kind: summary.kind,
      createdAt: summary.createdAt,
      updatedAt: summary.updatedAt,
      tags: summary.tags,
      windows: windows.map(fileWindow),
      cookies: cookies === undefined ? [] : [...cookies],
      ...(cookies !== undefined && allSites === true && { cookieScope: 'all' as const }),
    },
    extra,
  );
}

/** Our model's `extra` goes back to being plain fields of each object in the file. */
function fileWindow({ extra, groups, tabs, ...known }: WindowSnap) {
  return withExtra(
    {
      ...known,
      groups: groups.map(({ extra: e, ...g }: GroupSnap) => withExtra(g, e)),
      tabs: tabs.map(fileTab),
    },
    extra,
  );
}

function fileTab({ extra, container, ...known }: TabSnap) {
  return withExtra({ ...known, container: container && fileContainer(container) }, extra);
}

function fileContainer({ extra, ...known }: ContainerSnap) {
  return withExtra(known, extra);
}

export function looksLikeTabkeep(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === TABKEEP_FORMAT
  );
}

/**
 * Tabkeep's own file, any version this one reads -> sessions. A damaged session is left
 * out with the reason; a damaged envelope or a newer version rejects the file.
 */
export function parseTabkeep(
  json: unknown,
  options: { now: number; decrypted?: boolean },
): ParsedFile {
  const reader = new TabkeepSessionReader(json, options.now, {
    cookies: options.decrypted === true,
  });
  const sessions = (json as { sessions: unknown[] }).sessions;
  const imported: ImportedSession[] = [];
  sessions.forEach((raw, i) => {
    const session = reader.item(raw, i);
    if (session !== null) imported.push(session);
  });
  reader.finish();
  return { format: 'tabkeep', sessions: imported, skipped: reader.skipped };
}

/**
 * Sessions one at a time, as a streamed file hands out the items of its `sessions`; the
 * envelope (everything but the sessions) is checked first. `parseTabkeep` reads a whole
 * file through it too, so both agree.
 */
export class TabkeepSessionReader {
  readonly format = 'tabkeep' as const;
  readonly skipped: Skipped[] = [];
  private read = 0;
  private items = 0;

  /**
   * `envelope`: the file's top-level object; its sessions are not looked at. `cookies`:
   * the file was encrypted by its owner, so its cookies may be imported. A plain file's
   * are not: anyone can write one, and cookies from it could log the person into someone
   * else's account without their noticing.
   */
  constructor(
    envelope: unknown,
    private readonly now: number,
    private readonly options: { cookies: boolean } = { cookies: false },
  ) {
    checkTabkeepEnvelope(envelope);
  }

  /** The session at `index` (from 0), or null when it was left out (see `skipped`). */
  item(raw: unknown, index: number): ImportedSession | null {
    this.items++;
    const where = place.session(index + 1);
    const parsed = v.safeParse(OwnSessionSchema, raw);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      this.skipped.push({ where: describeIssuePath(issue, [where]), why: issueReason(issue) });
      return null;
    }
    const session = toImported(parsed.output, this.now);
    const named = place.session(index + 1, session.name);
    if (session.windows.length === 0) {
      this.skipped.push({ where: named, why: t('fileNoTabs') });
      return null;
    }
    const cookies = this.cookiesOf(parsed.output.cookies, named);
    if (cookies.length > 0) {
      session.cookies = cookies;
      if (parsed.output.cookieScope === 'all') session.cookieScope = 'all';
    }
    this.read++;
    return session;
  }

  /** The session's cookies that may be imported; the others go to `skipped`, with why. */
  private cookiesOf(raw: readonly unknown[], where: string): SavedCookie[] {
    if (raw.length === 0) return [];
    if (!this.options.cookies) {
      this.skipped.push({
        where,
        why:
          raw.length === 1 ? t('fileCookieLeftOut') : t('fileCookiesLeftOut', String(raw.length)),
      });
      return [];
    }
    const kept: SavedCookie[] = [];
    raw.forEach((entry, i) => {
      const cookie = v.safeParse(SavedCookieSchema, entry);
      if (cookie.success) kept.push(cookie.output);
      else {
        const issue = cookie.issues[0];
        this.skipped.push({
          where: describeIssuePath(issue, [where, place.cookie(i + 1)]),
          why: issueReason(issue),
        });
      }
    });
    return kept;
  }

  /** The file is over: throws when it held sessions but none could be imported. */
  finish(): void {
    if (this.read > 0 || this.items === 0) return;
    const first = this.skipped[0]!;
    throw new FormatError('tabkeep', first.where, first.why);
  }
}

/**
 * Throws unless a Tabkeep file's top-level object (its sessions aside) is one this version
 * reads: the format, a known version, well-formed metadata.
 */
export function checkTabkeepEnvelope(envelope: unknown): void {
  const checked = v.safeParse(OwnFileSchema, envelope);
  if (!checked.success) {
    const issue = checked.issues[0];
    throw new FormatError('tabkeep', describeIssuePath(issue), issueReason(issue));
  }
  const { version } = checked.output;
  if (version > TABKEEP_VERSION) {
    throw new FormatError(
      'tabkeep',
      place.field('version'),
      t('fileNewerVersion', String(version), String(TABKEEP_VERSION)),
    );
  }
  if (version < 1) {
    throw new FormatError(
      'tabkeep',
      place.field('version'),
      t('fileNoSuchVersion', String(version)),
    );
  }
}

function toImported(session: OwnSession, now: number): ImportedSession {
  const windows: WindowSnap[] = session.windows
    .filter((w) => w.tabs.length > 0)
    .map((w) => {
      const groups = w.groups.map((g) => ({
        id: g.id,
        title: g.title,
        color: g.color,
        collapsed: g.collapsed,
        ...unknownFields(g, OwnGroupSchema.entries),
      }));
      const groupIds = new Set(groups.map((g) => g.id));
      return {
        type: w.type,
        state: w.state,
        ...(w.left === undefined ? {} : { left: w.left }),
        ...(w.top === undefined ? {} : { top: w.top }),
        ...(w.width === undefined ? {} : { width: w.width }),
        ...(w.height === undefined ? {} : { height: w.height }),
        incognito: w.incognito,
        focused: w.focused,
        groups,
        ...unknownFields(w, OwnWindowSchema.entries),
        tabs: w.tabs.map((t) => ({
          url: t.url,
          title: t.title,
          pinned: t.pinned,
          active: t.active,
          muted: t.muted,
          group: t.group !== null && groupIds.has(t.group) ? t.group : null,
          container:
            t.container === null
              ? null
              : {
                  cookieStoreId: t.container.cookieStoreId,
                  name: t.container.name,
                  color: t.container.color,
                  icon: t.container.icon,
                  ...unknownFields(t.container, OwnContainerSchema.entries),
                },
          ...(t.lastAccessed === undefined ? {} : { lastAccessed: t.lastAccessed }),
          ...(t.favIconUrl !== undefined && /^https?:/i.test(t.favIconUrl)
            ? { favIconUrl: t.favIconUrl }
            : {}),
          ...unknownFields(t, OwnTabSchema.entries),
        })),
      };
    });
  const createdAt = session.createdAt ?? now;
  return {
    name: session.name,
    createdAt,
    updatedAt: session.updatedAt ?? createdAt,
    tags: session.tags,
    windows,
    ...unknownFields(session, OwnSessionSchema.entries),
  };
}
