import type { Badge } from './adapters/badge';
import type { RunMarker } from './adapters/run-marker';
import { messageFor } from './errors';
import { t } from './i18n';
import type { SessionService } from './service';

/**
 * At every worker start: if the browser began a new run, turn the last run's state into
 * a recovered session before anything overwrites it. Every snapshot waits for this.
 * Marked started only after recovery committed, so a worker killed in between retries.
 */
export async function startRun(
  service: Pick<SessionService, 'beginRun'>,
  marker: RunMarker,
  runStartedAt: number,
  newRunId: () => string = () => crypto.randomUUID(),
): Promise<void> {
  if (!(await marker.isNewRun())) return;
  await service.beginRun(newRunId(), runStartedAt);
  await marker.markStarted();
}

/** The scheduled autosave, with its failure on the badge until one succeeds. */
export async function autosaveWithBadge(
  service: Pick<SessionService, 'autosave'>,
  badge: Badge,
): Promise<void> {
  try {
    await service.autosave();
    await badge.warn('autosave', null);
  } catch (error) {
    await badge.warn('autosave', t('warningAutosaveFailedBadge', messageFor(error)));
  }
}

/** A live snapshot, with its failure on the badge until one succeeds. */
export async function recordLiveWithBadge(
  service: Pick<SessionService, 'recordLive'>,
  badge: Badge,
): Promise<void> {
  try {
    await service.recordLive();
    await badge.warn('live', null);
  } catch (error) {
    await badge.warn('live', t('warningLiveFailedBadge', messageFor(error)));
  }
}

/** Purges the trash; a failure goes on the badge, and the next start or day tries again. */
export async function purgeTrashWithBadge(
  service: Pick<SessionService, 'purgeTrash'>,
  badge: Badge,
): Promise<void> {
  try {
    await service.purgeTrash();
    await badge.warn('trash', null);
  } catch (error) {
    await badge.warn('trash', t('warningPurgeFailedBadge', messageFor(error)));
  }
}
