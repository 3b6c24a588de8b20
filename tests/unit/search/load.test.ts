import { afterEach, describe, expect, it } from 'vitest';
import { listLiveSessions } from '@/lib/session-index';
import { loadSearchTexts } from '@/lib/search/load';
import { rawState, rawTab, rawWindow } from '../fakes';
import { Harness } from '../service-harness';

let h: Harness | undefined;
afterEach(() => h?.close());

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('loadSearchTexts', () => {
  it('reads stored texts, builds the autosave family’s from shared records, and leaves a broken one empty', async () => {
    h = new Harness();
    h.browser = rawState([rawWindow([rawTab('https://a.test/named')])]);
    const service = h.service();
    await service.beginRun('run-1', h.clock);
    const { session: named } = await service.save({ name: 'Named' });
    h.browser = rawState([
      rawWindow([rawTab('https://b.test/auto', { title: 'Auto B' }), rawTab('https://c.test/')]),
    ]);
    const auto = await service.autosave();
    if (!('saved' in auto)) throw new Error('no autosave');
    await h.db.summaries.put({ ...auto.saved, id: 'broken', createdAt: 1 });

    const db = await rawOpen(h.db.name);
    const texts = await loadSearchTexts(db, await listLiveSessions(h.db));
    db.close();
    expect(texts.get(named.id)?.lower).toContain('https://a.test/named');
    expect(texts.get(auto.saved.id)?.text).toMatch(
      /^Auto B\thttps:\/\/b\.test\/auto\n[^\n]*\thttps:\/\/c\.test\/$/,
    );
    expect(texts.get('broken')?.text).toBe('');
  });
});
