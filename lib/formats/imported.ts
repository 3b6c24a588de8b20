import type * as v from 'valibot';
import { t } from '../i18n';
import type { ImportedSessionSchema, WindowSnap } from '../model';

/*
 * What every importer produces: sessions in our own model, and what it left out and why.
 * Pure data: the service writes nothing until the person has seen a preview of it.
 */

export const FORMAT_NAMES = {
  tabkeep: 'Tabkeep',
  'tab-session-manager': 'Tab Session Manager',
  'session-buddy-v3': 'Session Buddy (v3 backup)',
  'session-buddy-v4': 'Session Buddy (v4 JSON)',
  'session-buddy-csv': 'Session Buddy (CSV)',
  'session-buddy-text': 'Session Buddy (text)',
  onetab: 'OneTab',
  'url-list': 'URL list',
  'firefox-sessionstore': 'Firefox session store',
} as const;

export type FormatId = keyof typeof FORMAT_NAMES;

/** Epoch-ms dates (the file's, else the importer's clock), tags, and our own windows. */
export type ImportedSession = v.InferOutput<typeof ImportedSessionSchema>;

/** Something in the file that was not imported, in words for a person (their language). */
export interface Skipped {
  /** Where in the file, e.g. "session 3 (“Work”), window 2, tab 7" or "line 12". */
  where: string;
  why: string;
}

export interface ParsedFile {
  format: FormatId;
  sessions: ImportedSession[];
  skipped: Skipped[];
}

/**
 * A file that cannot be imported: the format it looked like, and the first problem, where
 * and why, in the browser's language (format names stay as their tools spell them). Its
 * message is shown to the person as it is.
 */
export class FormatError extends Error {
  override name = 'FormatError';

  constructor(
    readonly format: FormatId | null,
    readonly where: string,
    readonly why: string,
  ) {
    const problem = where === '' ? why : `${where}: ${why}`;
    super(
      format === null
        ? t('fileNotKnown', problem)
        : t('fileLooksLike', FORMAT_NAMES[format], problem),
    );
  }
}

/** A tab as importers build it: every field our model needs, with the defaults filled in. */
export function importedTab(
  url: string,
  title: string,
  extra: Partial<WindowSnap['tabs'][number]> = {},
): WindowSnap['tabs'][number] {
  return {
    url,
    title,
    pinned: false,
    active: false,
    muted: false,
    group: null,
    container: null,
    ...extra,
  };
}

/** A normal window with no saved geometry (the browser places it on restore). */
export function importedWindow(
  tabs: WindowSnap['tabs'],
  extra: Partial<WindowSnap> = {},
): WindowSnap {
  return {
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: false,
    groups: [],
    tabs,
    ...extra,
  };
}
