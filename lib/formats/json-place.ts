import { t } from '../i18n';
import { FormatError } from './imported';
import { place } from './place';

/*
 * Places in a JSON file read piece by piece, and its errors told there, in the words and
 * positions the whole-file path (bytes.ts) uses: line by "\n", column and offset in UTF-16
 * code units.
 */

/** A place in the file; offset counts from its start. */
export interface Place {
  line: number;
  column: number;
  offset: number;
}

export function notJson(at: Place, reason: string): FormatError {
  return new FormatError(null, place.lineColumn(at.line, at.column), t('fileNotJson', reason));
}

/** "\n"s in `text` up to and including the one at `last`. */
function countLines(text: string, last: number): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at < last; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** `start` moved past the first `length` characters of `text`. */
export function moved(start: Place, text: string, length = text.length): Place {
  const last = length > 0 ? text.lastIndexOf('\n', length - 1) : -1;
  return {
    line: last < 0 ? start.line : start.line + countLines(text, last),
    column: last < 0 ? start.column + length : length - last,
    offset: start.offset + length,
  };
}

/** JSON.parse of a value that began at `start` in the file, its errors told in the file's terms. */
export function parse(text: string, start: Place): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [at, reason] = locate(text, message, start);
    throw notJson(at, reason);
  }
}

/**
 * Where in the file JSON.parse found a value's `text` broken, and its message with that
 * place put in, so that it reads as the whole-file path's does. V8 says "at position N",
 * newer versions adding "(line L column C)"; its "Unexpected token" messages quote the text
 * instead, so only a message's end is trusted. Firefox says "at line L column C of the JSON
 * data". When the engine does not say, the value's start is the best we know.
 */
function locate(text: string, message: string, start: Place): [Place, string] {
  const v8 = / at position (\d+)( \(line \d+ column \d+\))?$/.exec(message);
  if (v8 !== null) {
    const at = moved(start, text, Number(v8[1]));
    const lineColumn = v8[2] === undefined ? '' : ` (line ${at.line} column ${at.column})`;
    return [at, `${message.slice(0, v8.index)} at position ${at.offset}${lineColumn}`];
  }
  const firefox = / at line (\d+) column (\d+) of the JSON data$/.exec(message);
  if (firefox !== null) {
    const [line, column] = [Number(firefox[1]), Number(firefox[2])];
    const at =
      line === 1
        ? { ...start, column: start.column + column - 1 }
        : { ...start, line: start.line + line - 1, column };
    const where = ` at line ${at.line} column ${at.column} of the JSON data`;
    return [at, message.slice(0, firefox.index) + where];
  }
  return [start, message];
}
