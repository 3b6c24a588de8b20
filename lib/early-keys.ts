/*
 * Keys pressed in the popup before its app takes over (its modules load after the first
 * rows paint, about 100 ms): the first-rows script records them, and the app replays the
 * ones that type a search, so "/" and a query typed at once are not lost. Other keys are
 * not replayed: a restore or a delete must come from a key pressed on what the person sees.
 */

const HANDOFF = '__tabkeepEarlyKeys';

interface Recorder {
  keys: string[];
  stop(): void;
}

type WithHandoff = typeof globalThis & { [HANDOFF]?: Recorder };

/** A key that types into a search field: one character, or Backspace. */
function types(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return e.key.length === 1 || e.key === 'Backspace';
}

/** Records typing keys on `target` until the app takes them; they do nothing else meanwhile. */
export function recordEarlyKeys(target: EventTarget): void {
  const keys: string[] = [];
  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    if (!types(e)) return;
    keys.push(e.key);
    e.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  (globalThis as WithHandoff)[HANDOFF] = {
    keys,
    stop: () => target.removeEventListener('keydown', onKey),
  };
}

/** The keys recorded so far, and no more recording; [] when nothing recorded. */
export function takeEarlyKeys(): string[] {
  const g = globalThis as WithHandoff;
  const recorder = g[HANDOFF];
  if (recorder === undefined) return [];
  recorder.stop();
  g[HANDOFF] = undefined;
  return recorder.keys;
}

/**
 * What the keys typed in the search field, as the app would have: from the first "/"
 * (which puts the cursor there), Backspace erasing; null without a "/". Pure.
 */
export function searchTyped(keys: readonly string[]): string | null {
  const start = keys.indexOf('/');
  if (start < 0) return null;
  let query = '';
  for (const key of keys.slice(start + 1)) {
    query = key === 'Backspace' ? query.slice(0, -1) : query + key;
  }
  return query;
}
