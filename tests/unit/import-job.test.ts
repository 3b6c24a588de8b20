import { describe, expect, it } from 'vitest';
import { contentHash } from '@/lib/hash';
import { runImportJob, type ImportJobMessage } from '@/lib/import-job';
import { fixtureBytes } from './formats/helpers';

const NOW = Date.UTC(2026, 10, 21, 12);

async function run(file: Blob, kept: string[] = []): Promise<ImportJobMessage[]> {
  const messages: ImportJobMessage[] = [];
  await runImportJob({ file, now: NOW, kept }, (m) => messages.push(m));
  return messages;
}

describe('runImportJob', () => {
  it('reports progress, sends the new sessions, and ends with a preview', async () => {
    const file = new Blob([fixtureBytes('tab_session_manager_7.3_export_all.json') as BlobPart]);
    const messages = await run(file);
    const progress = messages.filter((m) => m.kind === 'progress');
    expect(progress.at(-1)).toEqual({ kind: 'progress', read: file.size, total: file.size });
    const sent = messages.flatMap((m) => (m.kind === 'sessions' ? m.sessions : []));
    const done = messages.at(-1);
    expect(done).toMatchObject({
      kind: 'done',
      preview: {
        formatName: 'Tab Session Manager',
        sessions: sent.length,
        duplicates: 0,
      },
    });
    expect(sent.length).toBeGreaterThan(1);
    for (const { session, hash } of sent) expect(hash).toBe(await contentHash(session.windows));

    // The same file again, with one of its sessions already kept: that one is left out.
    const again = await run(file, [sent[0]!.hash]);
    expect(again.at(-1)).toMatchObject({
      kind: 'done',
      preview: { sessions: sent.length - 1, duplicates: 1 },
    });
  });

  it('ends with the reader’s message for a file it cannot import', async () => {
    const messages = await run(new Blob(['{"format":"tabkeep","version":9,"sessions":[]}']));
    expect(messages.at(-1)).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/^This looks like a Tabkeep file, .*newer Tabkeep/),
    });
    expect(messages.some((m) => m.kind === 'sessions')).toBe(false);
  });
});
