import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Re-runs `query` whenever the tables it read change, in this page or in another context
 * of the extension (Dexie tells other contexts through a BroadcastChannel).
 */
export function useLiveQuery<T>(query: () => Promise<T>): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // The query is fixed for the life of the component.
  }, []);
  return state;
}
