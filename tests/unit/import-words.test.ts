import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { readImportFile } from '@/lib/formats/read-file';
import { messageTemplates, useTemplates } from '@/lib/i18n';
import { IMPORT_WORKER_MESSAGES } from '@/lib/import-words';
import { speak } from './locale-fake';

const ROOT = join(__dirname, '../..');

/** The source files the import worker loads, from its entrypoint along relative and @/ imports. */
function workerModules(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const text = readFileSync(file, 'utf8');
    found.set(file, text);
    for (const [, spec] of text.matchAll(/^import [^;]*? from '([^']+)';/gms)) {
      if (spec!.endsWith('.json')) continue;
      const base = spec!.startsWith('@/')
        ? join(ROOT, spec!.slice(2))
        : spec!.startsWith('.')
          ? resolve(dirname(file), spec!)
          : null;
      if (base !== null) visit(`${base}.ts`);
    }
  };
  visit(join(ROOT, 'entrypoints/import-worker.ts'));
  return found;
}

afterEach(() => useTemplates(null));

describe('the import worker’s words', () => {
  it('has every message its modules use among those its page reads for it', () => {
    const modules = workerModules();
    expect(modules.size).toBeGreaterThan(20);
    const listed = new Set<string>(IMPORT_WORKER_MESSAGES);
    for (const [file, text] of modules) {
      // The words' own module: its languageTag is the pages'.
      if (file.endsWith('/lib/i18n.ts')) continue;
      // Any quoted word that is a message key: keys are also passed on, not only to t().
      const keys = [...text.matchAll(/'([A-Za-z0-9]+)'/g)]
        .map((m) => m[1]!)
        .filter((word) => Object.hasOwn(english, word));
      for (const key of keys) expect(listed, `${key} (${file})`).toContain(key);
    }
  });

  it('loads no extension API wrapper: a worker has none, and the polyfill throws without', () => {
    for (const [file, text] of workerModules()) {
      expect(text, file).not.toMatch(/from 'wxt\/browser'/);
    }
  });

  it('are worded from the templates its page read, in the page’s language', async () => {
    speak('de');
    const templates = messageTemplates(IMPORT_WORKER_MESSAGES);
    expect(templates.fileLineColumn).toBe('Zeile $1, Spalte $2');
    // The worker's "browser" would answer in English, were it asked.
    speak('en');
    useTemplates(templates);
    // Firefox's mozLz4 signature, and nothing after it.
    const cut = new TextEncoder().encode('mozLz40\0');
    await expect(readImportFile(cut, { now: 0 })).rejects.toThrow(
      'Diese Datei sieht nach Firefox session store aus, lässt sich aber nicht importieren: Byte 8: die Datei endet in ihrem Kopf, vor der entpackten Größe',
    );
  });
});
