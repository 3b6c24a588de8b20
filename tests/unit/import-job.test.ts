import { describe, expect, it } from 'vitest';
import { parseTabSessionManager } from '@/lib/formats/tab-session-manager';
import { runImportJob, type ImportJobMessage } from '@/lib/import-job';
import { fixtureBytes, fixtureJson } from './formats/helpers';

const NOW = Date.UTC(2026, 10, 21, 12);

async function run(file: Blob): Promise<ImportJobMessage[]> {
  const messages: ImportJobMessage[] = [];
  await runImportJob({ file, now: NOW }, (m) => messages.push(m));
  return messages;
}

describe('runImportJob', () => {
  it('reports progress, sends every session in file order, and ends with what it left out', async () => {
    const name = 'tab_session_manager_7.3_export_all.json';
    const file = new Blob([fixtureBytes(name) as BlobPart]);
    const messages = await run(file);
    const progress = messages.filter((m) => m.kind === 'progress');
    expect(progress.at(-1)).toEqual({ kind: 'progress', read: file.size, total: file.size });
    const whole = parseTabSessionManager(fixtureJson(name), { now: NOW });
    const sent = messages.flatMap((m) =>
      m.kind === 'sessions' ? (JSON.parse(m.json) as unknown[]) : [],
    );
    expect(sent).toEqual(whole.sessions);
    expect(messages.at(-1)).toEqual({
      kind: 'done',
      read: {
        format: 'tab-session-manager',
        skipped: whole.skipped,
        skippedCount: whole.skipped.length,
      },
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

  it('voids what it sent when the file proves to be another, and sends the sessions read again', async () => {
    // Streamed as Session Buddy v4 (6,000 tabs: a batch goes out), then "collections"
    // again: JSON.parse keeps the last, so the file is read again, whole.
    const links = Array.from({ length: 60 }, (_, i) => ({ url: `https://sb.test/${i}` }));
    const first = Array.from({ length: 100 }, () => ({ title: 'A', folders: [{ links }] }));
    const last = [{ title: 'B', folders: [{ links: [{ url: 'https://b.test/' }] }] }];
    const text = `{"collections":${JSON.stringify(first)},"collections":${JSON.stringify(last)}}`;
    const messages = await run(new Blob([text]));
    const kinds = messages.map((m) => m.kind).filter((k) => k !== 'progress');
    expect(kinds).toEqual(['sessions', 'restart', 'sessions', 'done']);
    const after = messages.slice(messages.findIndex((m) => m.kind === 'restart'));
    const sent = after.flatMap((m) =>
      m.kind === 'sessions' ? (JSON.parse(m.json) as { name: string }[]) : [],
    );
    expect(sent.map((s) => s.name)).toEqual(['B']);
  });
});
