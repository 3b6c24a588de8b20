import type { ImportedSession } from './formats/imported';
import { countTabs } from './model';
import type { ArgOf, ImportResult, Method, ResultOf } from './protocol';

/** Parts stay far below Chrome's 64 MB message limit: about 300 bytes a tab. */
const PART_TABS = 20_000;

export type CallService = <M extends Method>(method: M, arg: ArgOf<M>) => Promise<ResultOf<M>>;

/**
 * Hands previewed sessions to the service in parts, then commits them: the service
 * writes them all in one transaction, or nothing. `onProgress(sent, total)` counts sessions.
 */
export async function sendImport(
  call: CallService,
  sessions: readonly ImportedSession[],
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const importId = crypto.randomUUID();
  let part = 0;
  let sent = 0;
  try {
    for (const chunk of parts(sessions)) {
      await call('stageImport', { importId, part, sessions: chunk });
      part++;
      sent += chunk.length;
      onProgress(sent, sessions.length);
    }
    return await call('commitImport', { importId, parts: part });
  } catch (error) {
    await call('cancelImport', { importId }).catch(() => undefined);
    throw error;
  }
}

/** Consecutive runs of sessions with at most PART_TABS tabs each (a bigger session alone). */
export function* parts(sessions: readonly ImportedSession[]): Generator<ImportedSession[]> {
  let chunk: ImportedSession[] = [];
  let tabs = 0;
  for (const session of sessions) {
    const n = countTabs(session.windows);
    if (chunk.length > 0 && tabs + n > PART_TABS) {
      yield chunk;
      chunk = [];
      tabs = 0;
    }
    chunk.push(session);
    tabs += n;
  }
  if (chunk.length > 0 || sessions.length === 0) yield chunk;
}
