import { useEffect, useState } from 'preact/hooks';
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
        label: `Restoring ${progress.done} of ${progress.total} tabs`,
        fraction: progress.done / progress.total,
      }}
    />
  );
}
