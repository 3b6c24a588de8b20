/*
 * Restore progress, from the background service to any open page of ours. A channel and
 * not runtime messages: the service does not need to know who listens, and nothing fails
 * when nobody does.
 */

export const RESTORE_PROGRESS_CHANNEL = 'tabkeep-restore-progress';

export interface RestoreProgressMessage {
  kind: 'restore-progress';
  /** Tabs opened (or refused) so far. */
  done: number;
  total: number;
}

function isProgress(data: unknown): data is RestoreProgressMessage {
  const m = data as Partial<RestoreProgressMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.kind === 'restore-progress' &&
    typeof m.done === 'number' &&
    typeof m.total === 'number'
  );
}

/** A sender on the channel; one per service, kept open. */
export function progressPoster(): (done: number, total: number) => void {
  const channel = new BroadcastChannel(RESTORE_PROGRESS_CHANNEL);
  return (done, total) => channel.postMessage({ kind: 'restore-progress', done, total });
}

/** Calls `listener` with each progress message; returns the unsubscribe. */
export function subscribe(listener: (message: RestoreProgressMessage) => void): () => void {
  const channel = new BroadcastChannel(RESTORE_PROGRESS_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (isProgress(event.data)) listener(event.data);
  };
  return () => channel.close();
}
