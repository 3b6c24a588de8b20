import { useEffect } from 'preact/hooks';
import { requestPersistentStorage } from '@/lib/adapters/persistence';
import type { StorageHealth } from '@/lib/health';
import { formatBytes, formatDate, plural } from './format';
import { useDiskUsage } from './use-disk-usage';

const EXIT_WORDS = {
  clean: 'the browser last closed normally',
  crash: 'the browser last stopped without closing (crash or kill)',
  none: 'first run',
} as const;

/** Sessions, bytes used, the last autosave and how the browser last ended, in one line. */
export function StorageLine({ health }: { health: StorageHealth | null }) {
  useEffect(() => void requestPersistentStorage(), []);
  const disk = useDiskUsage(health);
  if (health === null) return null;
  const h = health;
  const parts = [
    plural(h.sessions - h.autosaves, 'session'),
    plural(h.autosaves, 'autosave'),
    disk === null ? null : `${formatBytes(disk.usage)} used`,
    h.lastAutosaveAt === null ? 'no autosave yet' : `last autosave ${formatDate(h.lastAutosaveAt)}`,
    h.previousExit === null ? null : EXIT_WORDS[h.previousExit],
  ].filter(Boolean);
  return (
    <footer class="storage-line" aria-label="Storage">
      <p>{parts.join(' · ')}</p>
      {h.autosaveError !== null && (
        <p class="status error" role="alert">
          The last autosave failed ({formatDate(h.autosaveError.at)}): {h.autosaveError.message}
        </p>
      )}
    </footer>
  );
}
