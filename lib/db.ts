import { Dexie, type EntityTable } from 'dexie';
import type { SessionBody, SessionSummary } from './model';

export const DB_NAME = 'tabkeep';

/**
 * The only place tables are declared. Summaries are kept apart from bodies so that
 * listing, sorting and retention never read a body. Every schema change adds a new
 * `version(n)` below the old ones, with an upgrade when rows change shape.
 */
export class TabkeepDb extends Dexie {
  summaries!: EntityTable<SessionSummary, 'id'>;
  bodies!: EntityTable<SessionBody, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      // [deletedAt+createdAt]: live sessions (deletedAt 0) newest first, and the trash.
      summaries: 'id, [deletedAt+createdAt]',
      bodies: 'id',
    });
  }
}

let shared: TabkeepDb | undefined;

/** One connection per extension context. */
export function openDb(): TabkeepDb {
  shared ??= new TabkeepDb();
  return shared;
}
