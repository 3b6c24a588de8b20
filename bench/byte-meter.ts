import type { DBCoreMutateRequest, DBCoreMutateResponse, Dexie } from 'dexie';

const encoder = new TextEncoder();

/** UTF-8 bytes of a row's JSON: the logical size, whatever IndexedDB does on disk. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export interface WriteTally {
  bytes: number;
  rows: number;
  deletes: number;
  bytesByTable: Record<string, number>;
  rowsByTable: Record<string, number>;
}

export interface ByteMeter {
  /** What was written since the last take, and starts counting afresh. */
  take(): WriteTally;
}

const emptyTally = (): WriteTally => ({
  bytes: 0,
  rows: 0,
  deletes: 0,
  bytesByTable: {},
  rowsByTable: {},
});

/**
 * Counts every row added or put, in every table, below Dexie's own layers: nothing the
 * service writes can pass by it. Must be installed before the database opens.
 */
export function installByteMeter(db: Dexie): ByteMeter {
  let tally = emptyTally();
  const count = (table: string, value: unknown): void => {
    const bytes = jsonBytes(value);
    tally.bytes += bytes;
    tally.rows++;
    tally.bytesByTable[table] = (tally.bytesByTable[table] ?? 0) + bytes;
    tally.rowsByTable[table] = (tally.rowsByTable[table] ?? 0) + 1;
  };
  db.use({
    stack: 'dbcore',
    name: 'bench-byte-meter',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const keyPath = table.schema.primaryKey.keyPath;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const res = await table.mutate(req);
            if (req.type === 'add' || req.type === 'put') {
              req.values.forEach((value: unknown, i) => {
                if (i in res.failures) return;
                count(name, withKey(value, keyPath, res.results?.[i]));
              });
            } else if (req.type === 'delete') {
              tally.deletes += req.keys.length;
            }
            return res;
          },
        };
      },
    }),
  });
  return {
    take() {
      const taken = tally;
      tally = emptyTally();
      return taken;
    },
  };
}

// An auto-incremented key is not in the value Dexie passes down, but it is in the row.
function withKey(value: unknown, keyPath: string | string[] | null, key: unknown): unknown {
  if (typeof keyPath !== 'string' || typeof value !== 'object' || value === null) return value;
  return keyPath in value ? value : { ...value, [keyPath]: key };
}
