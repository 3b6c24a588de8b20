import { t } from '../i18n';
import { FormatError } from './imported';
import { moved, notJson, parse, type Place } from './json-place';

/*
 * A JSON file read piece by piece, its big array handed out one item at a time: a 100 MB
 * import never exists as one string, nor as one parsed tree. Only the outer layers (the
 * top-level array, or the top-level object and the arrays that are its members' values)
 * are read here; each item and member value is handed whole to JSON.parse, which does all
 * the real checking, so an item comes out exactly as JSON.parse of the whole file has it.
 */

/** One thing read from the file, in file order. */
export type JsonEvent =
  | { kind: 'start'; top: 'array' | 'object' }
  /** A member of the top-level object whose value is not an array (value parsed). */
  | { kind: 'member'; key: string; value: unknown }
  /** A member of the top-level object whose value is an array: its items follow. */
  | { kind: 'array'; key: string }
  /** An element of the top-level array (key null) or of the array of top-level member `key`. index counts from 0 within that array. */
  | { kind: 'item'; key: string | null; index: number; value: unknown };

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Where the reader is in the outer layers, between the values it hands to JSON.parse. The
 * *-item states are in the array being split: after its "[", after a ",", after an item.
 */
type State =
  | 'before-top'
  | 'first-item'
  | 'next-item'
  | 'after-item'
  | 'first-key'
  | 'next-key'
  | 'colon'
  | 'member-value'
  | 'after-member'
  | 'done';

/** What the value being gathered is, i.e. what to do with it once it is whole. */
type Gathering = 'nothing' | 'key' | 'member' | 'item';

export class JsonItemReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private read = 0;
  /** BOM bytes matched so far at the very start; -1 once past it. */
  private bom = 0;
  private state: State = 'before-top';
  /** The member whose array is being split; null for the top-level array. */
  private key: string | null = null;
  private index = 0;

  private gathering: Gathering = 'nothing';
  /** A number, true, false or null (or garbage): it ends where a delimiter begins. */
  private scalar = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Copies of the gathered value's bytes from earlier chunks (the caller may reuse its buffers). */
  private parts: Uint8Array[] = [];

  /**
   * The newline shortcut (see `candidate`): how the line of the next value began, i.e. the
   * count of its indentation bytes (all `indentByte`, a space or a tab) when nothing else
   * came on it so far, -1 when something did or no line has begun yet.
   */
  private indent = -1;
  private indentByte = 0;
  /**
   * The item being gathered closes, if the file is written as it seems, on a line of
   * `closeIndent` indentation bytes and this byte; 0: no shortcut for this item.
   */
  private close = 0;
  private closeIndent = 0;
  /** Bytes of the item being gathered kept in `parts` that the byte scan has not read. */
  private held = 0;
  /** Events of the chunk the held item began in, before it: they wait for it. */
  private pending: JsonEvent[] = [];
  /** An error the file has, to be thrown once the events before it are handed out. */
  private deferred: FormatError | null = null;
  /** Off for the rest of the file once the file proved not to be written so. */
  private shortcut: boolean;

  /** `newlineShortcut: false` reads every byte, as a check on the shortcut (tests). */
  constructor(options: { newlineShortcut?: boolean } = {}) {
    this.shortcut = options.newlineShortcut ?? true;
  }

  /**
   * Where the next unread character is, as the whole-file path counts (bytes.ts): line by
   * "\n", column and offset in UTF-16 code units, after any BOM. Bytes outside values are
   * ASCII, and a value's text is decoded anyway, so exact columns cost nothing extra.
   */
  private at: Place = { line: 1, column: 1, offset: 0 };

  /** Bytes consumed so far (for progress). */
  get bytesRead(): number {
    return this.read;
  }

  /**
   * Feed the next bytes (UTF-8). Returns the events these bytes completed, in order. With
   * the newline shortcut, a chunk's events may come in a later call (see `held`); no event
   * is ever handed out that a reader of every byte would not have handed out by then.
   */
  push(chunk: Uint8Array): JsonEvent[] {
    this.throwDeferred();
    const n = chunk.length;
    let i = this.skipBom(chunk);
    let withheld: JsonEvent[] = [];
    const events: JsonEvent[] = [];
    if (this.held > 0 && i < n) {
      const end = this.candidate(chunk, i);
      if (end < 0 && this.held + n - i <= HOLD_LIMIT) {
        this.hold(chunk, i);
        this.read += n;
        return [];
      }
      if (end >= 0 && this.tryCandidate(chunk, i, end, events)) {
        withheld = this.pending;
        this.pending = [];
        i = end;
      } else {
        withheld = this.catchUp();
        if (this.deferred !== null) return withheld;
      }
    }
    try {
      this.feed(chunk, i, events);
    } catch (error) {
      if (withheld.length === 0 || !(error instanceof FormatError)) throw error;
      this.deferred = error;
      return withheld;
    }
    this.read += n;
    if (this.held > 0) return withheld; // this chunk's events wait for the held item
    return withheld.length === 0 ? events : withheld.concat(events);
  }

  /** Reads `chunk` from `i` on, adding the events it completes to `events`. */
  private feed(chunk: Uint8Array, i: number, events: JsonEvent[]): void {
    const n = chunk.length;
    while (i < n) {
      if (this.gathering === 'nothing') {
        i = this.outer(chunk, i, events);
        continue;
      }
      if (this.close !== 0) {
        const end = this.candidate(chunk, i);
        if (end >= 0 && this.tryCandidate(chunk, i, end, events)) {
          i = end;
          continue;
        }
        if (end < 0) {
          // It goes on in the next chunks, if the file is written so: they will tell.
          this.hold(chunk, i);
          this.pending = events;
          return;
        }
        this.stopShortcut();
      }
      const end = this.scan(chunk, i);
      if (end < 0) {
        this.parts.push(chunk.slice(i));
        i = n;
      } else {
        this.finish(chunk.subarray(i, end), events);
        i = end;
      }
    }
  }

  /**
   * The input is over. Returns any last events (none, unless the newline shortcut held some
   * back: every value ends before the closing bracket that must follow it); throws if the
   * JSON is incomplete or anything but whitespace follows the top-level value. Call it
   * until it returns no events: when the shortcut held back events that the file's error
   * comes after, they come first and the error on the next call.
   */
  end(): JsonEvent[] {
    this.throwDeferred();
    const withheld = this.held > 0 ? this.catchUp() : [];
    if (this.deferred !== null) return withheld;
    try {
      if (this.gathering !== 'nothing') {
        // Say where the file ends, which needs the cut-off value's text.
        this.at = moved(this.at, this.decode(join(this.parts)));
        this.parts = [];
      }
      if (this.state !== 'done') {
        throw this.invalid(t('fileJsonEndsEarly'));
      }
    } catch (error) {
      if (withheld.length === 0 || !(error instanceof FormatError)) throw error;
      this.deferred = error;
    }
    return withheld;
  }

  /** Keeps a copy of the item's bytes in `chunk` from `i` on, not yet known to go on. */
  private hold(chunk: Uint8Array, i: number): void {
    this.parts.push(chunk.slice(i));
    this.held += chunk.length - i;
  }

  /**
   * The held item did not end where the shortcut looked for its end (or grew too big to wait
   * for it): the held bytes are read again byte by byte, as the chunks they came in, and
   * the shortcut is off for the rest of the file. The item may have ended in any of them,
   * and other values after it. Returns the events of those chunks (with those of the first
   * one before the item, `pending`), as calls without the shortcut would have returned
   * them. A chunk with an error has none: its error is thrown right away if no event came
   * before it, else on the next call (`deferred`), once these events are handed out.
   */
  private catchUp(): JsonEvent[] {
    const chunks = this.parts;
    let group = this.pending;
    this.parts = [];
    this.pending = [];
    this.held = 0;
    this.stopShortcut();
    this.begin('item', chunks[0]![0]!);
    const withheld: JsonEvent[] = [];
    for (let c = 0; c < chunks.length; c++) {
      if (c > 0) group = [];
      try {
        this.feed(chunks[c]!, 0, group);
      } catch (error) {
        if (withheld.length === 0 || !(error instanceof FormatError)) throw error;
        this.deferred = error;
        break;
      }
      withheld.push(...group);
    }
    return withheld;
  }

  private throwDeferred(): void {
    if (this.deferred !== null) throw this.deferred;
  }

  private skipBom(chunk: Uint8Array): number {
    let i = 0;
    while (this.bom >= 0 && i < chunk.length) {
      if (chunk[i] !== BOM[this.bom]) {
        if (this.bom > 0) throw this.invalid(t('fileJsonUnexpectedCharacter'));
        this.bom = -1;
        break;
      }
      i++;
      this.bom = this.bom === 2 ? -1 : this.bom + 1;
    }
    return i;
  }

  /** Reads punctuation and whitespace from `i` until a value begins; returns where it stopped. */
  private outer(chunk: Uint8Array, i: number, events: JsonEvent[]): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      const indent = this.indent;
      if (b === SPACE || b === TAB) {
        if (this.indent === 0) this.indentByte = b;
        this.indent = indent >= 0 && b === this.indentByte ? indent + 1 : -1;
      } else {
        this.indent = b === LF ? 0 : -1;
      }
      if (b === LF) {
        this.at.line++;
        this.at.column = 1;
        this.at.offset++;
        continue;
      }
      if (b === SPACE || b === TAB || b === CR) {
        this.at.column++;
        this.at.offset++;
        continue;
      }
      switch (this.state) {
        case 'before-top':
          if (b === OPEN_BRACKET) {
            events.push({ kind: 'start', top: 'array' });
            this.state = 'first-item';
          } else if (b === OPEN_BRACE) {
            events.push({ kind: 'start', top: 'object' });
            this.state = 'first-key';
          } else {
            throw this.invalid(t('fileJsonNotArrayOrObject'));
          }
          break;
        case 'first-item':
        case 'next-item':
          if (b === CLOSE_BRACKET && this.state === 'first-item') {
            this.closeArray();
          } else if (startsValue(b)) {
            this.begin('item', b);
            if (
              this.shortcut &&
              indent >= 0 &&
              (b === OPEN_BRACE || b === OPEN_BRACKET) &&
              startsLine(chunk, i + 1)
            ) {
              this.close = b === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
              this.closeIndent = indent;
            }
            return i;
          } else {
            throw this.invalid(unexpected(b));
          }
          break;
        case 'after-item':
          if (b === COMMA) this.state = 'next-item';
          else if (b === CLOSE_BRACKET) this.closeArray();
          else throw this.invalid(unexpected(b));
          break;
        case 'first-key':
        case 'next-key':
          if (b === QUOTE) {
            this.begin('key', b);
            return i;
          }
          if (b === CLOSE_BRACE && this.state === 'first-key') this.state = 'done';
          else throw this.invalid(unexpected(b));
          break;
        case 'colon':
          if (b !== COLON) throw this.invalid(unexpected(b));
          this.state = 'member-value';
          break;
        case 'member-value':
          if (b === OPEN_BRACKET) {
            events.push({ kind: 'array', key: this.key! });
            this.index = 0;
            this.state = 'first-item';
          } else if (startsValue(b)) {
            this.begin('member', b);
            return i;
          } else {
            throw this.invalid(unexpected(b));
          }
          break;
        case 'after-member':
          if (b === COMMA) this.state = 'next-key';
          else if (b === CLOSE_BRACE) this.state = 'done';
          else throw this.invalid(unexpected(b));
          break;
        case 'done':
          throw this.invalid(t('fileJsonTextAfter'));
      }
      this.at.column++;
      this.at.offset++;
    }
    return i;
  }

  private closeArray(): void {
    this.state = this.key === null ? 'done' : 'after-member';
  }

  private begin(what: Gathering, first: number): void {
    this.gathering = what;
    this.close = 0;
    this.scalar = first !== QUOTE && first !== OPEN_BRACKET && first !== OPEN_BRACE;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /**
   * Where the value being gathered ends in `chunk` (exclusive), or -1 if it goes on past
   * it. The hot loop: every byte the newline shortcut does not skip passes here once, so
   * state lives in locals.
   */
  private scan(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    if (this.scalar) {
      for (let i = from; i < n; i++) {
        const b = chunk[i]!;
        if (
          b === COMMA ||
          b === CLOSE_BRACKET ||
          b === CLOSE_BRACE ||
          b === SPACE ||
          b === LF ||
          b === CR ||
          b === TAB
        ) {
          return i;
        }
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    // A backslash that ended the last chunk escapes this one's first byte.
    let i = this.escaped ? from + 1 : from;
    while (i < n) {
      if (inString) {
        while (i < n) {
          const b = chunk[i++]!;
          if (b === QUOTE) {
            inString = false;
            break;
          }
          if (b === BACKSLASH) i++;
        }
        if (!inString && depth === 0) return i;
        continue;
      }
      const b = chunk[i++]!;
      if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) return i;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = i > n;
    return -1;
  }

  /** The gathered value is whole: its last bytes are `tail`. */
  private finish(tail: Uint8Array, events: JsonEvent[]): void {
    const text = this.decode(this.gathered(tail));
    const start = this.at;
    this.at = moved(start, text);
    this.emit(parse(text, start), events);
  }

  /** The gathered value's bytes, its last ones being `tail`; the parts are let go. */
  private gathered(tail: Uint8Array): Uint8Array {
    if (this.parts.length === 0) return tail;
    this.parts.push(tail);
    const bytes = join(this.parts);
    this.parts = [];
    return bytes;
  }

  private emit(value: unknown, events: JsonEvent[]): void {
    const what = this.gathering;
    this.gathering = 'nothing';
    if (what === 'key') {
      // A key is a JSON string literal, so this is a string; as an event's field value a
      // key such as "__proto__" is plain data.
      this.key = value as string;
      this.state = 'colon';
    } else if (what === 'member') {
      events.push({ kind: 'member', key: this.key!, value });
      this.state = 'after-member';
    } else {
      events.push({ kind: 'item', key: this.key, index: this.index++, value });
      this.state = 'after-item';
    }
  }

  /**
   * The newline shortcut. In a pretty-printed file an item that opens on a line of its own
   * after indentation X closes on a line "\n" X "}" (or "]"), and a raw newline never occurs
   * in a string. So the first such line is where the item ends, if the file is written so:
   * JSON.parse tells (`tryCandidate`). A wrong candidate always fails to parse: one that ends
   * before the item's true end is a proper prefix of it, unbalanced; one past it has the
   * item followed by more than whitespace. Either way the exact scan takes over.
   *
   * Returns the end (exclusive) in `chunk` of the first candidate at or after `from`, or -1.
   * The item's first bytes, and the candidate's, may be in earlier chunks (held in `parts`).
   */
  private candidate(chunk: Uint8Array, from: number): number {
    const close = this.close;
    const indent = this.closeIndent;
    const pad = this.indentByte;
    for (let at = chunk.indexOf(close, from); at >= 0; at = chunk.indexOf(close, at + 1)) {
      const lf = at - indent - 1;
      if (lf >= from) {
        // The usual case, all in this chunk.
        let back = at - 1;
        while (back > lf && chunk[back] === pad) back--;
        if (back === lf && chunk[lf] === LF) return at + 1;
        continue;
      }
      let matched = true;
      for (let back = 1; back <= indent + 1 && matched; back++) {
        matched = this.byteBefore(chunk, from, at, back) === (back === indent + 1 ? LF : pad);
      }
      if (matched) return at + 1;
    }
    return -1;
  }

  /** The item's byte `back` bytes before `chunk[at]`, looking into `parts`; -1 before the item. */
  private byteBefore(chunk: Uint8Array, from: number, at: number, back: number): number {
    if (at - back >= from) return chunk[at - back]!;
    back -= at - from;
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const part = this.parts[p]!;
      if (back <= part.length) return part[part.length - back]!;
      back -= part.length;
    }
    return -1;
  }

  /**
   * Hands out the item that ends at `end` in `chunk` if its bytes are JSON; false if not, and
   * nothing changed: the exact scan then reads it, and reports what is wrong in its own terms.
   */
  private tryCandidate(chunk: Uint8Array, from: number, end: number, events: JsonEvent[]): boolean {
    const tail = chunk.subarray(from, end);
    const bytes = this.parts.length === 0 ? tail : join([...this.parts, tail]);
    let text: string;
    let value: unknown;
    try {
      text = this.decoder.decode(bytes);
      value = JSON.parse(text) as unknown;
    } catch {
      return false;
    }
    this.parts = [];
    this.held = 0;
    this.at = moved(this.at, text);
    this.emit(value, events);
    return true;
  }

  private stopShortcut(): void {
    this.shortcut = false;
    this.close = 0;
  }

  private decode(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new FormatError(null, '', t('fileNotUtf8'));
    }
  }

  private invalid(reason: string): FormatError {
    return notJson(this.at, reason);
  }
}

/** Bytes of an item held while the shortcut looks for its end: bounds what it may waste. */
const HOLD_LIMIT = 16 * 1024 * 1024;

/** A line ends at `i` in `chunk`: a pretty-printed object or array opens so. */
function startsLine(chunk: Uint8Array, i: number): boolean {
  return chunk[i] === LF || (chunk[i] === CR && chunk[i + 1] === LF);
}

/** In a value's place, these bytes cannot begin one (whatever else can, JSON.parse judges). */
function startsValue(b: number): boolean {
  return b !== COMMA && b !== CLOSE_BRACKET && b !== CLOSE_BRACE && b !== COLON;
}

function unexpected(b: number): string {
  return b > SPACE && b < 0x7f
    ? t('fileJsonUnexpected', String.fromCharCode(b))
    : t('fileJsonUnexpectedCharacter');
}

function join(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
