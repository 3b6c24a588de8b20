import type { DBCore, Middleware } from 'dexie';
import type { TabkeepDb } from '@/lib/db';

/** Switches that make the database fail the way a full disk or a closing browser does. */
export interface Faults {
  /** While positive, each write that adds bytes fails with QuotaExceededError. */
  quotaFailures: number;
  /**
   * After this many more writes the connection closes under the next one, which fails
   * the way IndexedDB fails a request on a closing connection (then the fault is off).
   */
  closeAfterWrites: number | null;
  /** Rows added or put so far, by table. */
  written: Map<string, number>;
}

export function installFaults(db: TabkeepDb): Faults {
  const faults: Faults = { quotaFailures: 0, closeAfterWrites: null, written: new Map() };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req) => {
            if ((req.type === 'add' || req.type === 'put') && faults.quotaFailures > 0) {
              faults.quotaFailures--;
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            if (faults.closeAfterWrites !== null && faults.closeAfterWrites-- <= 0) {
              faults.closeAfterWrites = null;
              db.close();
              throw new DOMException('The database connection is closing.', 'InvalidStateError');
            }
            const result = await table.mutate(req);
            if (req.type === 'add' || req.type === 'put') {
              faults.written.set(name, (faults.written.get(name) ?? 0) + req.values.length);
            }
            return result;
          },
        };
      },
    }),
  };
  db.use(middleware);
  return faults;
}
