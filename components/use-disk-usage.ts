import { useEffect, useState } from 'preact/hooks';

export interface DiskUsage {
  usage: number;
}

/** The origin's bytes on disk, re-read when `key` changes. */
export function useDiskUsage(key: unknown): DiskUsage | null {
  const [usage, setUsage] = useState<DiskUsage | null>(null);
  useEffect(() => {
    let current = true;
    void navigator.storage
      .estimate()
      .then((estimate) => {
        if (current) setUsage({ usage: estimate.usage ?? 0 });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key]);
  return usage;
}
