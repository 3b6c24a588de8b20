import { describe, expect, it, vi } from 'vitest';
import { decodeText, parseJson } from '@/lib/formats/bytes';
import type { FormatError } from '@/lib/formats/imported';
import { type JsonEvent, JsonItemReader } from '@/lib/formats/json-items';
import { random as seeded } from '../random';
import { formatError } from './helpers';

const encoder = new TextEncoder();

/** Random JSON text, written by hand so whitespace, escapes and odd keys all occur. */
class JsonGenerator {
  constructor(private readonly random: () => number) {}

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(choices: readonly T[]): T {
    return choices[this.int(choices.length)]!;
  }

  private ws(): string {
    return this.random() < 0.5 ? '' : this.pick([' ', '\n', '\t', '\r\n', '  \n    ', ' \n ']);
  }

  private list(open: string, close: string, items: () => string): string {
    const parts = Array.from({ length: this.int(5) }, items);
    return open + this.ws() + parts.join(`${this.ws()},${this.ws()}`) + this.ws() + close;
  }

  string(): string {
    // JSON source pieces: escapes, brackets and quotes that must not be read as structure,
    // and characters of 2, 3 and 4 UTF-8 bytes.
    const pieces = [
      'a',
      'tab ',
      '\\"',
      '\\\\',
      '\\\\\\"',
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '\\u0062',
      '\\u00e9',
      '\\ud83d\\ude00',
      '\\n',
      '\\/',
      'é',
      '😀',
      '中文',
      'https://example.com/?q=1&r=[2]',
    ];
    return `"${Array.from({ length: this.int(6) }, () => this.pick(pieces)).join('')}"`;
  }

  key(): string {
    return this.random() < 0.3
      ? this.pick(['"__proto__"', '"constructor"', '"a\\u0062"', '"toString"', '""'])
      : this.string();
  }

  value(depth: number): string {
    const r = this.random();
    if (depth < 3 && r < 0.2) return this.list('[', ']', () => this.value(depth + 1));
    if (depth < 3 && r < 0.4) return this.object(() => this.value(depth + 1));
    if (r < 0.7) return this.string();
    return this.pick([
      '0',
      '-0',
      '17',
      '-12',
      '3.25',
      '1e5',
      '-2.5E-3',
      '1234567890123456789',
      'true',
      'false',
      'null',
    ]);
  }

  private object(value: () => string): string {
    return this.list('{', '}', () => `${this.key()}${this.ws()}:${this.ws()}${value()}`);
  }

  document(): string {
    const top =
      this.random() < 0.4
        ? this.list('[', ']', () => this.value(1))
        : this.object(() =>
            this.random() < 0.5 ? this.list('[', ']', () => this.value(2)) : this.value(1),
          );
    return this.ws() + top + this.ws();
  }
}

/** Feeds `bytes` in pieces of `size()` bytes, each wiped after use (the reader must copy). */
function read(bytes: Uint8Array, size: () => number): JsonEvent[] {
  const reader = new JsonItemReader();
  const events: JsonEvent[] = [];
  for (let at = 0; at < bytes.length;) {
    const piece = bytes.slice(at, at + size());
    events.push(...reader.push(piece));
    piece.fill(0);
    at += piece.length;
  }
  events.push(...ended(reader));
  expect(reader.bytesRead).toBe(bytes.length);
  return events;
}

/** The reader's last events: `end()` is called until it returns none. */
function ended(reader: JsonItemReader): JsonEvent[] {
  const events: JsonEvent[] = [];
  for (let last = reader.end(); last.length > 0; last = reader.end()) events.push(...last);
  return events;
}

function readText(text: string, size = () => 7): JsonEvent[] {
  return read(encoder.encode(text), size);
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The value the events describe; checks that items come in order with their indices. */
function rebuild(events: JsonEvent[]): unknown {
  let top: unknown[] | object | undefined;
  for (const event of events) {
    if (event.kind === 'start') {
      expect(top).toBeUndefined();
      top = event.top === 'array' ? [] : {};
    } else if (event.kind === 'member') {
      define(top!, event.key, event.value);
    } else if (event.kind === 'array') {
      define(top!, event.key, []);
    } else {
      const array = (
        event.key === null ? top : Object.getOwnPropertyDescriptor(top, event.key)!.value
      ) as unknown[];
      expect(event.index).toBe(array.length);
      array.push(event.value);
    }
  }
  return top;
}

/** The FormatError the reader throws on `bytes` fed in pieces of `size()` bytes. */
function readError(bytes: Uint8Array | string, size = () => 5): FormatError {
  return formatError(() => read(typeof bytes === 'string' ? encoder.encode(bytes) : bytes, size));
}

/** Line and column of `text[index]`, counted as the whole-file path counts them. */
function place(text: string, index: number): string {
  const before = text.slice(0, index);
  return `line ${before.split('\n').length}, column ${index - before.lastIndexOf('\n')}`;
}

/** An engine's JSON.parse message, from Node's without its place, and that place in the text. */
type Engine = (message: string, position: number, line: number, column: number) => string;

/** Runs `f` with JSON.parse telling where an error is as `engine` words it, not as Node does. */
function withEngine<T>(engine: Engine, f: () => T): T {
  const parse = JSON.parse;
  JSON.parse = (text: string) => {
    try {
      return parse(text);
    } catch (error) {
      const at = / in JSON at position (\d+)$/.exec((error as Error).message);
      if (at === null) throw error;
      const position = Number(at[1]);
      const before = text.slice(0, position);
      const [line, column] = [before.split('\n').length, position - before.lastIndexOf('\n')];
      throw new SyntaxError(engine(at.input.slice(0, at.index), position, line, column));
    }
  };
  try {
    return f();
  } finally {
    JSON.parse = parse;
  }
}

/**
 * What a caller of the reader sees: the events it hands out, in order, up to the error that
 * stops it, if any. (A push may hand out events the shortcut held back from earlier ones.)
 */
interface Seen {
  events: JsonEvent[];
  error?: string;
}

/** Feeds `bytes` cut at `cuts` (each piece wiped after use), noting what the reader did. */
function pushes(bytes: Uint8Array, cuts: number[], newlineShortcut: boolean): Seen {
  const reader = new JsonItemReader({ newlineShortcut });
  const seen: Seen = { events: [] };
  try {
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      const piece = bytes.slice(at, cut);
      seen.events.push(...reader.push(piece));
      piece.fill(0);
      at = cut;
    }
    for (let last = reader.end(); last.length > 0; last = reader.end()) seen.events.push(...last);
  } catch (error) {
    seen.error = formatError(() => {
      throw error;
    }).message;
  }
  return seen;
}

/** Cuts at random places, each piece at most `largest` bytes long. */
function cutsOf(length: number, largest: number, random: () => number): number[] {
  const cuts: number[] = [];
  for (
    let at = 1 + Math.floor(random() * largest);
    at < length;
    at += 1 + Math.floor(random() * largest)
  ) {
    cuts.push(at);
  }
  return cuts;
}

/** `text` as JSON.stringify indents it, or with its lines indented unevenly, or with "\r\n"s. */
function layout(value: unknown, random: () => number): string {
  const pick = <T>(choices: readonly T[]) => choices[Math.floor(random() * choices.length)]!;
  const pretty = JSON.stringify(value, null, pick([2, 4, 1, '\t']));
  switch (pick(['pretty', 'pretty', 'uneven', 'crlf', 'minified', 'lines'])) {
    case 'uneven':
      return pretty.replace(/\n[ \t]*/g, (m) =>
        random() < 0.3 ? `\n${pick(['', ' ', '   ', '\t '])}` : m,
      );
    case 'crlf':
      return pretty.replace(/\n/g, '\r\n');
    case 'minified':
      return JSON.stringify(value);
    case 'lines':
      return Array.isArray(value)
        ? `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]`
        : JSON.stringify(value);
    default:
      return pretty;
  }
}

/** `text` with one of the faults a damaged file has, at a random place. */
function damage(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const faults = ['{', '}', ']', '[', '"', ',', '\\', '\n', '\n  }', 'x'];
  return random() < 0.2
    ? text.slice(0, at)
    : text.slice(0, at) + faults[Math.floor(random() * faults.length)]! + text.slice(at);
}

describe('JsonItemReader', () => {
  it('rebuilds exactly what JSON.parse reads, however the bytes are cut', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = seeded(seed).next;
      const text = new JsonGenerator(random).document();
      const bom = seed % 7 === 0 ? '\ufeff' : '';
      const bytes = encoder.encode(bom + text);
      const largest = [1, 3, 40, bytes.length][seed % 4]!;
      const events = read(bytes, () => 1 + Math.floor(random() * largest));
      expect(rebuild(events), `seed ${seed}: ${text}`).toEqual(JSON.parse(text));
    }
  });

  it('tells the top-level shape, members and arrays in file order', () => {
    const text = '{"v": 2, "__proto__": [{"__proto__": {"x": 1}}], "a\\u0062": [], "n": null}';
    const events = readText(text, () => 3);
    expect(events).toEqual([
      { kind: 'start', top: 'object' },
      { kind: 'member', key: 'v', value: 2 },
      { kind: 'array', key: '__proto__' },
      { kind: 'item', key: '__proto__', index: 0, value: JSON.parse('{"__proto__": {"x": 1}}') },
      { kind: 'array', key: 'ab' },
      { kind: 'member', key: 'n', value: null },
    ]);
    const item = events[3] as Extract<JsonEvent, { kind: 'item' }>;
    expect(Object.hasOwn(item.value as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(item.value)).toBe(Object.prototype);
    expect(readText('[[1, [2]], "x", {}]')).toEqual([
      { kind: 'start', top: 'array' },
      { kind: 'item', key: null, index: 0, value: [1, [2]] },
      { kind: 'item', key: null, index: 1, value: 'x' },
      { kind: 'item', key: null, index: 2, value: {} },
    ]);
  });

  it('hands out each item as soon as its bytes are in', () => {
    const reader = new JsonItemReader();
    expect(reader.push(encoder.encode('[{"a": 1}, "b'))).toEqual([
      { kind: 'start', top: 'array' },
      { kind: 'item', key: null, index: 0, value: { a: 1 } },
    ]);
    expect(reader.push(encoder.encode('c"'))).toEqual([
      { kind: 'item', key: null, index: 1, value: 'bc' },
    ]);
    expect(reader.push(encoder.encode(']  '))).toEqual([]);
    expect(reader.end()).toEqual([]);
    expect(reader.bytesRead).toBe(18);
  });

  it('skips a byte-order mark, even one cut into single bytes', () => {
    const bytes = encoder.encode('\ufeff[1, {"a": "\ufeff"}]');
    expect(bytes[0]).toBe(0xef);
    expect(rebuild(read(bytes, () => 1))).toEqual([1, { a: '\ufeff' }]);
    // Columns start after it, as in the whole-file path.
    expect(readError('\ufeff[1, }').where).toBe('line 1, column 5');
  });

  it('refuses a top level that is not an array or an object', () => {
    for (const text of ['42', ' "[1]"', '\nnull', 'true', 'x[']) {
      const error = readError(text);
      expect(error.format).toBeNull();
      expect(error.why).toBe(
        'it starts like JSON but is not valid JSON (it is not an array or an object).',
      );
    }
  });

  it('never accepts a document cut short', () => {
    const text = '{"a": [1, {"b": "é😀\\"]"}, -2.5], "c": {"d": [true]}, "e": "x", "f": []}';
    const bytes = encoder.encode(text);
    expect(rebuild(read(bytes, () => 3))).toEqual(JSON.parse(text));
    for (let cut = 0; cut < bytes.length; cut++) {
      for (const size of [1, 4, bytes.length]) {
        const error = readError(bytes.subarray(0, cut), () => size);
        expect(error.message, `cut at ${cut}`).toMatch(/file ends before the JSON does|not UTF-8/);
      }
    }
    expect(readError('[1, 2\n').where).toBe('line 2, column 1');
    expect(readError('').why).toContain('the file ends before the JSON does');
  });

  it('refuses text after the JSON, and accepts whitespace there', () => {
    expect(readError('[1, 2] x').where).toBe('line 1, column 8');
    expect(readError('[1, 2] x').why).toBe(
      'it starts like JSON but is not valid JSON (text after the end of the JSON).',
    );
    expect(readError('{"a": 1}}').where).toBe('line 1, column 9');
    expect(readError('[1]\n\n[2]').where).toBe('line 3, column 1');
    expect(rebuild(readText('[1] \n\t\r\n '))).toEqual([1]);
  });

  it('says what is wrong with the outer layers, and where', () => {
    const cases: [string, string, string][] = [
      ['[1,,2]', 'unexpected “,”', 'line 1, column 4'],
      ['[1,\n]', 'unexpected “]”', 'line 2, column 1'],
      ['[1 2]', 'unexpected “2”', 'line 1, column 4'],
      ['{"a" 1}', 'unexpected “1”', 'line 1, column 6'],
      ['{1: 2}', 'unexpected “1”', 'line 1, column 2'],
      ['{"a": 1,}', 'unexpected “}”', 'line 1, column 9'],
      ['{"é😀": [1}', 'unexpected “}”', 'line 1, column 11'],
    ];
    for (const [text, reason, where] of cases) {
      const error = readError(text);
      expect(error.where, text).toBe(where);
      expect(error.why, text).toBe(`it starts like JSON but is not valid JSON (${reason}).`);
    }
  });

  it('refuses invalid UTF-8 with the whole-file message', () => {
    const message = formatError(() => decodeText(new Uint8Array([0xff]))).message;
    const cases = [
      [0x5b, 0x22, 0x61, 0xff, 0x62, 0x22, 0x5d], // ["a\xffb"]
      [0x5b, 0x31, 0x2c, 0x22, 0xe2, 0x82, 0x22, 0x5d], // [1,"\xe2\x82"]: a character cut short
      [0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d], // {"\xc3":1}: in a key
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d], // a lone surrogate
    ];
    for (const bytes of cases) {
      for (const size of [1, 2, 100]) {
        expect(readError(new Uint8Array(bytes), () => size).message).toBe(message);
      }
    }
  });

  it('places an error inside an item at its line and column in the file', () => {
    const cases: [text: string, bad: (text: string) => number][] = [
      // On an item's later line, in a pretty-printed file.
      [
        '{\n  "version": 1,\n  "sessions": [\n    {\n      "name": "x" "tabs": []\n    }\n  ]\n}',
        (t) => t.indexOf('"tabs"'),
      ],
      // On an item's first line, after characters of two UTF-16 units on that line.
      ['[{"t": "😀é"}, {"t": "😀" 2}]', (t) => t.indexOf('2')],
      // In a member value.
      ['{"a": [1],\n "b": {"c": 1,}}', (t) => t.lastIndexOf('}') - 1],
      // A raw tab inside a string.
      ['[\n  "ok",\n  "x\ty"\n]', (t) => t.indexOf('\t')],
      // In a key.
      ['{"v": 1,\n  "😀\\x": 1}', (t) => t.indexOf('x')],
      // A number cut short at its item's end.
      ['{"s": [1, 2.]}', (t) => t.indexOf(']')],
    ];
    for (const [text, bad] of cases) {
      const whole = formatError(() => parseJson(text));
      for (let seed = 1; seed <= 20; seed++) {
        const random = seeded(seed).next;
        const error = readError(text, () => 1 + Math.floor(random() * 10));
        expect(error.where, text).toBe(place(text, bad(text)));
        expect(error.message, text).toBe(whole.message);
      }
    }
  });

  it('reads where other engines put an error, and says it in terms of the file', () => {
    const engines: Engine[] = [
      // Firefox
      (message, _, line, column) =>
        `JSON.parse: ${message} at line ${line} column ${column} of the JSON data`,
      // Newer V8
      (message, position, line, column) =>
        `${message} in JSON at position ${position} (line ${line} column ${column})`,
    ];
    // The error on a later line of its item, and on its first.
    const texts = [
      '{"a": 1,\n "s": [\n  {"x": "😀",\n   "y": 2 "z": 3}]}',
      '[1, {"x": "😀" "z": 3}]',
    ];
    for (const engine of engines) {
      for (const text of texts) {
        const whole = withEngine(engine, () => formatError(() => parseJson(text)));
        const error = withEngine(engine, () => readError(text));
        expect(error.where).toBe(place(text, text.indexOf('"z"')));
        expect(error.why).toBe(whole.why);
      }
    }
  });

  it('places an error the engine does not locate at the start of its item', () => {
    const error = readError('[1,\n  {"a": }]');
    expect(error.where).toBe('line 2, column 3');
    expect(error.why).toMatch(/^it starts like JSON but is not valid JSON \(Unexpected token/);
  });

  it('reads pretty, uneven, minified and one-per-line files exactly as its byte scan does', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = seeded(seed).next;
      const value = JSON.parse(new JsonGenerator(random).document()) as unknown;
      const text = layout(value, random);
      const bytes = encoder.encode(text);
      const cuts = cutsOf(bytes.length, [1, 5, 40, 300, bytes.length][seed % 5]!, random);
      const fast = pushes(bytes, cuts, true);
      expect(fast, `seed ${seed}: ${text}`).toEqual(pushes(bytes, cuts, false));
      expect(rebuild(fast.events), text).toEqual(JSON.parse(text));
    }
  });

  it('fails on damaged files after the same events, with the same message, as its byte scan does', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seeded(seed).next;
      const value = JSON.parse(new JsonGenerator(random).document()) as unknown;
      const text = damage(layout(value, random), random);
      const bytes = encoder.encode(text);
      const cuts = cutsOf(bytes.length, [1, 7, 60, bytes.length][seed % 4]!, random);
      expect(pushes(bytes, cuts, true), `seed ${seed}: ${text}`).toEqual(
        pushes(bytes, cuts, false),
      );
    }
  });

  it('reads the items of a pretty-printed file without looking at every byte', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ i, tabs: { a: { url: `u${i}` } } }));
    const bytes = encoder.encode(JSON.stringify(items, null, 2));
    for (const size of [bytes.length, 200, 64, 1]) {
      const scan = vi.spyOn(JsonItemReader.prototype as unknown as { scan: () => number }, 'scan');
      try {
        expect(rebuild(read(bytes, () => size))).toEqual(items);
        // An item cut right after its "{" cannot be seen to open a block: it is scanned.
        let cutFirstLines = 0;
        for (let at = bytes.indexOf(0x7b); at >= 0; at = bytes.indexOf(0x7b, at + 1)) {
          if (bytes[at - 3] === 0x0a && bytes[at - 1] === 0x20 && (at + 1) % size === 0) {
            cutFirstLines++;
          }
        }
        if (cutFirstLines === 0) expect(scan).not.toHaveBeenCalled();
        else expect(size).toBe(1);
      } finally {
        scan.mockRestore();
      }
    }
  });

  it('falls back to its byte scan when the first closing line is not where an item ends', () => {
    const texts = [
      // The candidate ends inside the item (an inner object closes at the item's indentation).
      '[\n  {\n    "a": {\n  },\n    "b": 1\n  },\n  {\n    "c": 2\n  }\n]',
      // The candidate ends in a later item (this one closes deeper than it opened).
      '[\n  {\n    "a": 1\n    },\n  {\n    "b": [\n    ]\n  },\n  {\n    "c": 2\n  }\n]',
      // An item ends (and another) in chunks before the candidate, and an error comes later.
      '[\n  {\n    "a": 1\n    },\n  {\n    "b": 2\n  }, x\n]',
      // The same, the error (and the candidate) in the last chunk.
      '[\n  {\n    "a": 1\n    },\n  {\n    "b": 2\n  }\n  }, x',
      // A "\n  }" inside a string (not valid JSON, so the whole file fails alike).
      '[\n  {\n    "a": "x\n  }",\n    "b": 1\n  }\n]',
    ];
    for (const text of texts) {
      const bytes = encoder.encode(text);
      const parsed: string[] = [];
      const parse = JSON.parse;
      JSON.parse = (json: string) => {
        parsed.push(json);
        return parse(json) as unknown;
      };
      let fast: Seen;
      try {
        fast = pushes(bytes, [], true);
      } finally {
        JSON.parse = parse;
      }
      expect(fast, text).toEqual(pushes(bytes, [], false));
      if (fast.error === undefined) expect(rebuild(fast.events)).toEqual(parse(text));
      // The shortcut was tried: JSON.parse saw a candidate first that was not the item.
      expect(() => parse(parsed[0]!), text).toThrow();
      for (let size = 1; size < 12; size++) {
        const cuts = cutsOf(bytes.length, size, () => 0.999);
        expect(pushes(bytes, cuts, true)).toEqual(pushes(bytes, cuts, false));
      }
    }
  });

  it('stops holding an item back for its closing line after 16 MiB', () => {
    const long = 'x'.repeat(17 * 1024 * 1024);
    for (const text of [
      // Its closing line is where the shortcut looks for it, but only after the limit.
      `[\n  {\n    "a": "${long}"\n  },\n  {\n    "b": 1\n  }\n]`,
      // It closes deeper than it opened: the next item's end is the first candidate.
      `[\n  {\n    "a": "${long}"\n    },\n  {\n    "b": 1\n  }\n]`,
    ]) {
      const scan = vi.spyOn(JsonItemReader.prototype as unknown as { scan: () => number }, 'scan');
      let events: JsonEvent[];
      try {
        events = read(encoder.encode(text), () => 65_536);
        // The held bytes were read again by the byte scan.
        expect(scan).toHaveBeenCalled();
      } finally {
        scan.mockRestore();
      }
      expect(events.map((e) => (e.kind === 'item' ? Object.keys(e.value as object) : e))).toEqual([
        { kind: 'start', top: 'array' },
        ['a'],
        ['b'],
      ]);
    }
  });

  it('reads a 20 MB array in 64 KiB chunks', () => {
    const tab = (i: number) => ({
      url: `https://example.com/articles/${i}/a-rather-long-slug-like-real-ones-have?q="${i}"`,
      title: `Tab ${i}: some page with a title of a usual length — ü😀 [${i}]`,
      pinned: i % 2 === 0,
      lastAccessed: 1_700_000_000_000 + i,
    });
    const count = 100_000;
    const text = `[${Array.from({ length: count }, (_, i) => JSON.stringify(tab(i))).join(',\n')}]`;
    const bytes = encoder.encode(text);
    expect(bytes.length).toBeGreaterThan(20_000_000);

    const reader = new JsonItemReader();
    let items = 0;
    let misplaced = 0;
    let sample: unknown;
    const take = (events: JsonEvent[]) => {
      for (const event of events) {
        if (event.kind !== 'item') continue;
        if (event.index !== items++) misplaced++;
        if (event.index === 54_321) sample = event.value;
      }
    };
    for (let at = 0; at < bytes.length; at += 65_536) {
      take(reader.push(bytes.subarray(at, at + 65_536)));
    }
    take(reader.end());
    expect(items).toBe(count);
    expect(misplaced).toBe(0);
    expect(sample).toEqual(tab(54_321));
  });
});
