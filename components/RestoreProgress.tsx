import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { subscribe, type RestoreProgressMessage } from '@/lib/restore/progress-channel';
import { ProgressLine } from './ProgressLine';

/** A big restore's progress, as the service reports it, while this page is open. */
export function RestoreProgress() {
  const [progress, setProgress] = useState<RestoreProgressMessage | null>(null);
  useEffect(() => subscribe(setProgress), []);
  if (progress === null || progress.done >= progress.total) return null;
  return (
    <ProgressLine
      progress={{
        label: t('restoreProgress', progress.done, progress.total),
        fraction: progress.done / progress.total,
      }}
    />
  );
}
