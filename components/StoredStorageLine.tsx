import { openDb } from '@/lib/db';
import { readStorageHealth } from '@/lib/storage-health';
import { StorageLine } from './StorageLine';
import { useLiveQuery } from './use-live-query';

/** The storage line of pages that use Dexie, kept up to date by its live queries. */
export function StoredStorageLine() {
  const health = useLiveQuery(() => readStorageHealth(openDb()));
  return <StorageLine health={health.status === 'ready' ? health.value : null} />;
}
