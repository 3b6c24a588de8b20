import {
  FORMAT_NAMES,
  type ImportedSession,
  type ParsedFile,
  type Skipped,
} from './formats/imported';
import { contentHash } from './hash';
import { countTabs } from './model';

export interface ImportPreview {
  formatName: string;
  /** Sessions to import: not already kept, not twice in the file. */
  fresh: ImportedSession[];
  windows: number;
  tabs: number;
  /** Sessions left out because Tabkeep already keeps the same windows and tabs. */
  duplicates: number;
  skipped: Skipped[];
}

/** What an import will do, before anything is written. `kept`: hashes of kept sessions. */
export async function previewImport(
  parsed: ParsedFile,
  kept: ReadonlySet<string>,
): Promise<ImportPreview> {
  const seen = new Set(kept);
  const fresh: ImportedSession[] = [];
  for (const session of parsed.sessions) {
    const hash = await contentHash(session.windows);
    if (seen.has(hash)) continue;
    seen.add(hash);
    fresh.push(session);
  }
  return {
    formatName: FORMAT_NAMES[parsed.format],
    fresh,
    windows: fresh.reduce((n, s) => n + s.windows.length, 0),
    tabs: fresh.reduce((n, s) => n + countTabs(s.windows), 0),
    duplicates: parsed.sessions.length - fresh.length,
    skipped: parsed.skipped,
  };
}
