import type { TabkeepDb } from './db';
import { gzip } from './formats/bytes';
import { seal } from './formats/envelope';
import { t } from './i18n';
import type { BrowserName } from './model';
import { tabkeepFileParts, toTabkeepFile, type ExportEntry } from './formats/own';
import type { OwnFile } from './formats/own-schema';
import { toOneTabText, toUrlList } from './formats/plain-export';
import { listLiveSessions } from './session-index';
import { readBody } from './store/bodies';

// Their names are in the locales (exportKind…).
export const EXPORT_KINDS = {
  tabkeep: { suffix: '.json' },
  'tabkeep-gz': { suffix: '.json.gz' },
  onetab: { suffix: '-onetab.txt' },
  urls: { suffix: '-urls.txt' },
} as const;

export type ExportKind = keyof typeof EXPORT_KINDS;

/**
 * Every session that is not in the trash (or those with the given ids), with its windows.
 * Only reads, so a page runs it without the service; one read transaction gives a
 * consistent file even while autosaves write. `onRead(done, total)` counts sessions.
 */
export function readExportEntries(
  db: TabkeepDb,
  ids?: readonly string[],
  onRead: (done: number, total: number) => void = () => undefined,
  options: { cookies?: boolean } = {},
): Promise<ExportEntry[]> {
  const tables = [db.summaries, db.bodies, db.refLists, db.tabRecords, db.cookieJars];
  return db.transaction('r', tables, async () => {
    const wanted = ids === undefined ? null : new Set(ids);
    const sessions = (await listLiveSessions(db)).filter((s) => wanted?.has(s.id) ?? true);
    const entries: ExportEntry[] = [];
    for (const summary of sessions) {
      const entry: ExportEntry = { summary, ...(await readBody(db, summary)) };
      // Cookies leave the database only when the person asked for them (DESIGN §5).
      if (options.cookies === true && summary.cookies !== undefined) {
        const jar = await db.cookieJars.get(summary.id);
        if (jar !== undefined) {
          entry.cookies = jar.cookies;
          if (jar.allSites === true) entry.allSites = true;
        }
      }
      entries.push(entry);
      onRead(entries.length, sessions.length);
    }
    return entries;
  });
}

/**
 * An export file, encrypted (DESIGN §6): its bytes gzipped, then sealed with the
 * passphrase. The result is the JSON text of the envelope.
 */
export async function sealExport(file: Blob, passphrase: string): Promise<Blob> {
  const sealed = await seal(await gzip(new Uint8Array(await file.arrayBuffer())), passphrase);
  return new Blob([sealed], { type: 'application/json' });
}

/** Shortest passphrase an encrypted export takes: the file is only as safe as it. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** Why a passphrase (typed twice) cannot encrypt an export; null when it can. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return t('exportPassphraseTooShort', MIN_PASSPHRASE_LENGTH);
  }
  if (passphrase !== repeated) return t('exportPassphrasesDiffer');
  return null;
}

/** Tabkeep's own file of those sessions. */
export async function exportSessions(
  db: TabkeepDb,
  meta: { appVersion: string; browser: BrowserName; now: number; ids?: readonly string[] },
): Promise<OwnFile> {
  return toTabkeepFile(await readExportEntries(db, meta.ids), meta);
}

/**
 * The text of an export of the given kind, in pieces (gzip is the caller's last step):
 * joined, or put in a Blob as they are, they make the file.
 */
export function exportParts(
  kind: ExportKind,
  entries: readonly ExportEntry[],
  meta: { appVersion: string; browser: BrowserName; now: number },
): Iterable<string> {
  if (kind === 'onetab') return [toOneTabText(entries)];
  if (kind === 'urls') return [toUrlList(entries)];
  return tabkeepFileParts(entries, meta);
}

/**
 * "tabkeep-2026-11-21.json": the local date, so files of different days sort and differ.
 * An encrypted file is "tabkeep-2026-11-21-encrypted.json", whatever it holds.
 */
export function exportFileName(now: number, kind: ExportKind, encrypted = false): string {
  const d = new Date(now);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `tabkeep-${day}${encrypted ? '-encrypted.json' : EXPORT_KINDS[kind].suffix}`;
}
