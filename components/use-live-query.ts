import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Re-runs `query` whenever the tables it read change, in this page or in another context
 * of the extension (Dexie tells other contexts through a BroadcastChannel), and when one
 * of `deps` changes (e.g. the session a detail pane shows).
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[] = [],
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    setState({ status: 'loading' });
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // The query changes only with its deps.
  }, deps);
  return state;
}
