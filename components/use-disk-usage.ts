import { useEffect, useState } from 'preact/hooks';

export interface DiskUsage {
  usage: number;
  persisted: boolean;
}

/** The origin's bytes on disk and whether the browser may evict them; re-read on `key`. */
export function useDiskUsage(key: unknown): DiskUsage | null {
  const [usage, setUsage] = useState<DiskUsage | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([navigator.storage.estimate(), navigator.storage.persisted()])
      .then(([estimate, persisted]) => {
        if (current) setUsage({ usage: estimate.usage ?? 0, persisted });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key]);
  return usage;
}
