/** The database's name, apart from lib/db.ts so that pages reading it raw do not load Dexie. */
export const DB_NAME = 'tabkeep';
