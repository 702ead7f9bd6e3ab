import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Extension, isTransactionOrigin } from '@hocuspocus/server';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

// Persistence of the rooms (decision 031): every update is appended to SQLite synchronously, inside
// the Y.Doc's `update` event, which fires before Hocuspocus acknowledges the update to its sender.
// So an edit the sender saw acknowledged is on disk: a SIGKILL loses none. The debounced store hook
// only compacts a room's log into one row. (Hocuspocus's own SQLite extension stores a debounced
// snapshot, and can lose edits it already acknowledged.)

/** Rows of one room after which the store hook compacts them into one. */
const COMPACT_AFTER_ROWS = 100;

export interface UpdateLog extends Extension {
  close(): void;
}

/** How long a statement waits for another instance's lock on the file. */
const BUSY_MS = 5_000;

/**
 * Runs `step` again while SQLite says the file is busy, for up to BUSY_MS, pausing 25 ms between
 * tries (synchronously: this runs once, while the server starts).
 */
export function whileBusy(step: () => void, limitMs = BUSY_MS): void {
  const until = Date.now() + limitMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      step();
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= until) throw error;
      Atomics.wait(pause, 0, 0, 25);
    }
  }
}

/** The update log of the rooms, in `dataDir/rooms.sqlite` (created when missing). */
export function updateLog(dataDir: string): UpdateLog {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'rooms.sqlite'), { timeout: BUSY_MS });
  // Instances sharing one DATA_DIR (decision 034) may open it at the same moment: switching to WAL
  // takes the file for itself and answers SQLITE_BUSY at once, without waiting (a fresh-clone CI
  // run saw two instances started together fail so). So the set-up is tried again until it holds.
  whileBusy(() => {
    db.pragma('journal_mode = WAL');
    // FULL: each commit is fsynced, so an acknowledged edit survives a power cut too, not a kill only.
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE IF NOT EXISTS updates (
      id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS updates_room ON updates(room, id);`);
  });
  const insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)');
  const rowsOf = db.prepare<[string], { id: number; data: Uint8Array }>(
    'SELECT id, data FROM updates WHERE room = ? ORDER BY id',
  );
  const deleteUpTo = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?');

  const compact = db.transaction((room: string) => {
    const rows = rowsOf.all(room);
    const last = rows.at(-1);
    if (rows.length < COMPACT_AFTER_ROWS || !last) return;
    // From the rows, not the live document: the rows are what is durable.
    const merged = Y.mergeUpdates(rows.map((row) => row.data));
    deleteUpTo.run(room, last.id);
    insert.run(room, merged);
  });

  return {
    extensionName: 'wfm-update-log',
    async onLoadDocument({ documentName }) {
      const rows = rowsOf.all(documentName);
      return rows.length > 0 ? Y.mergeUpdates(rows.map((row) => row.data)) : undefined;
    },
    async afterLoadDocument({ document, documentName }) {
      document.on('update', (update: Uint8Array, origin: unknown) => {
        // With Redis (decision 034) every instance shares this log: an update from another instance
        // was appended by that instance before it acknowledged it; only our own clients' go here.
        if (isTransactionOrigin(origin) && origin.source === 'redis') return;
        try {
          insert.run(documentName, update);
        } catch (error) {
          // The update is applied in memory and about to be acknowledged: stop before it is, so
          // its sender keeps it and sends it again to the restarted server.
          console.error('wfm: cannot write the update log, stopping:', error);
          process.exit(1);
        }
      });
    },
    async onStoreDocument({ documentName }) {
      compact.immediate(documentName);
    },
    close() {
      db.close();
    },
  };
}
