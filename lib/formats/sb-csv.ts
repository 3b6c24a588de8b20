import { t } from '../i18n';

/*
 * RFC 4180 CSV, read without recursion: quoted fields may hold commas, doubled quotes and
 * line breaks; records end at CRLF, LF or CR. Used by the Session Buddy CSV importer.
 */

export interface CsvRecord {
  /** The 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export type CsvResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; why: string };

/** Parses the whole text (without a byte order mark). Blank lines are not records. */
export function parseCsv(text: string, limit = Infinity): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    field = '';
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length && records.length < limit) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') {
          field += '\r\n';
          i += 2;
        } else {
          field += c;
          i += 1;
        }
        line += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      afterQuote = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    if (afterQuote) {
      return { ok: false, line, why: t('fileCsvTextAfterQuote') };
    }
    field += c;
    i += 1;
  }
  if (quoted) {
    return { ok: false, line: quoteLine, why: t('fileCsvQuoteNotClosed') };
  }
  if (records.length < limit && (field !== '' || fields.length > 0)) endRecord();
  return { ok: true, records };
}
