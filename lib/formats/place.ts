import { t } from '../i18n';

/*
 * Places in a file, in the browser's language: "line 12", "session 3 (“Work”)", "field
 * “url”"; joined with ", " from the outside in. Numbers stay as written, without grouping,
 * as an editor shows a line: line 12345, byte 1048576. Names come already cut to length.
 */
export const place = {
  line: (n: number) => t('fileLine', String(n)),
  lineColumn: (line: number, column: number) => t('fileLineColumn', String(line), String(column)),
  byte: (n: number) => t('fileByte', String(n)),
  session: (n: number, name?: string) =>
    name === undefined ? t('fileSession', String(n)) : t('fileSessionNamed', String(n), name),
  collection: (n: number, name?: string) =>
    name === undefined ? t('fileCollection', String(n)) : t('fileCollectionNamed', String(n), name),
  window: (n: number) => t('fileWindow', String(n)),
  folder: (n: number) => t('fileFolder', String(n)),
  tab: (n: number) => t('fileTab', String(n)),
  group: (n: number) => t('fileGroup', String(n)),
  tabGroup: (n: number) => t('fileTabGroup', String(n)),
  cookie: (n: number) => t('fileCookie', String(n)),
  field: (name: string) => t('fileField', name),
};
