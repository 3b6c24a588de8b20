import { useEffect } from 'preact/hooks';
import { requestPersistentStorage } from '@/lib/adapters/persistence';
import type { StorageHealth } from '@/lib/health';
import { t } from '@/lib/i18n';
import { counted, formatBytes, formatDate } from './format';
import { useDiskUsage } from './use-disk-usage';

const EXIT_WORDS = { clean: 'exitClean', crash: 'exitCrash', none: 'exitNone' } as const;

/** Sessions, bytes used, the last autosave and how the browser last ended, in one line. */
export function StorageLine({ health }: { health: StorageHealth | null }) {
  useEffect(() => void requestPersistentStorage(), []);
  const disk = useDiskUsage(health);
  if (health === null) return null;
  const h = health;
  const parts = [
    counted(h.sessions - h.autosaves, 'Session'),
    counted(h.autosaves, 'Autosave'),
    disk === null ? null : t('storageUsed', formatBytes(disk.usage)),
    h.lastAutosaveAt === null
      ? t('storageNoAutosave')
      : t('storageLastAutosave', formatDate(h.lastAutosaveAt)),
    h.previousExit === null ? null : t(EXIT_WORDS[h.previousExit]),
  ].filter(Boolean);
  return (
    <footer class="storage-line" aria-label={t('storageName')}>
      <p>{parts.join(' · ')}</p>
      {h.autosaveError !== null && (
        <p class="status error" role="alert">
          {t('autosaveFailed', formatDate(h.autosaveError.at), h.autosaveError.message)}
        </p>
      )}
    </footer>
  );
}
