import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { FormatError, type ParsedFile } from '@/lib/formats/imported';

const FIXTURES = new URL('../../fixtures/other-tools/', import.meta.url);

/** A real file of another tool (tests/fixtures/other-tools), as bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** Sessions as [name, windows as [url, title][]] for exact comparison. */
export function outline(parsed: ParsedFile) {
  return parsed.sessions.map((s) => [
    s.name,
    s.windows.map((w) => w.tabs.map((t) => [t.url, t.title])),
  ]);
}

/** The FormatError `f` throws; fails the test when it throws anything else or nothing. */
export function formatError(f: () => unknown): FormatError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}
